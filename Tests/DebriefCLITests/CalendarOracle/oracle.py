"""The oracle for debrief's calendar reader: Python's `icalendar` with `recurring_ical_events`.

    python oracle.py ZONE FROM UNTIL FILE...

prints one JSON object: for each file, the instances whose start falls in [FROM, UNTIL) (days,
read in ZONE), or the error the libraries raised. Floating times are read in ZONE, as debrief reads
them in TZ. Each instance: uid, start and end (seconds since the epoch; days for all-day events as
YYYY-MM-DD), summary, status, and the attendees (e-mail address, else common name), sorted.
"""
import datetime
import json
import sys
import zoneinfo

import icalendar
import recurring_ical_events

zone = zoneinfo.ZoneInfo(sys.argv[1])
first = datetime.date.fromisoformat(sys.argv[2])
last = datetime.date.fromisoformat(sys.argv[3])
low = datetime.datetime.combine(first, datetime.time(), zone)
high = datetime.datetime.combine(last, datetime.time(), zone)


def instant(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        return int(value.timestamp())
    return None


def attendees(event):
    found = event.get("ATTENDEE")
    if found is None:
        return []
    if not isinstance(found, list):
        found = [found]
    out = []
    for a in found:
        address = str(a)
        if address.lower().startswith("mailto:"):
            out.append(address[7:].strip().lower())
        else:
            out.append(str(a.params.get("CN", address)))
    return sorted(out)


result = {}
for path in sys.argv[4:]:
    try:
        calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
        # A wide window; the start is filtered below, the same way on both sides.
        found = recurring_ical_events.of(calendar).between(low - datetime.timedelta(days=3),
                                                           high + datetime.timedelta(days=3))
        instances = []
        for event in found:
            start = event["DTSTART"].dt
            end = event["DTEND"].dt if "DTEND" in event else start
            if isinstance(start, datetime.datetime):
                s, e = instant(start), instant(end)
                if not (low.timestamp() <= s < high.timestamp()):
                    continue
            else:
                if not (first <= start < last):
                    continue
                s, e = start.isoformat(), (end.isoformat() if not isinstance(end, datetime.datetime) else instant(end))
            instances.append({
                "uid": str(event.get("UID", "")),
                "start": s,
                "end": e,
                "summary": str(event.get("SUMMARY", "")).strip(),
                "status": str(event.get("STATUS", "")).upper(),
                "attendees": attendees(event),
            })
        instances.sort(key=lambda i: (str(i["start"]), str(i["end"]), i["uid"], i["summary"]))
        result[path] = {"instances": instances}
    except Exception as error:  # noqa: BLE001 - the test reports whatever the oracle could not read
        result[path] = {"error": f"{type(error).__name__}: {error}"}
print(json.dumps(result, sort_keys=True))
