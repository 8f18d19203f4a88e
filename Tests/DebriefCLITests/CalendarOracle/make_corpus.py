"""Recurring series for the calendar oracle test, generated from a seed (the same files every run).

    python make_corpus.py DIR [COUNT]

writes COUNT calendar files (default 60) into DIR, each one series of the shapes calendar programs
write: FREQ daily, weekly, monthly or yearly; INTERVAL; COUNT or UNTIL (as a UTC time, a day or a
floating time); BYDAY with and without ordinals; BYMONTHDAY (negative too); BYMONTH; BYSETPOS;
WKST; starts that are dates, floating, UTC, or in a zone (IANA, Windows, or the file's own
VTIMEZONE); DTEND or DURATION; EXDATEs, RDATEs, and RECURRENCE-ID overrides (moved, retitled,
cancelled) of instances that recurring_ical_events finds.
"""
import datetime
import os
import random
import sys
import zoneinfo

import icalendar
import recurring_ical_events

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 60
rng = random.Random(int(os.environ.get("CORPUS_SEED", "20261126")))
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"]
WINDOWS = {"W. Europe Standard Time": "Europe/Berlin", "Eastern Standard Time": "America/New_York",
           "AUS Eastern Standard Time": "Australia/Sydney"}
CUSTOM = """BEGIN:VTIMEZONE\r
TZID:Custom Office\r
BEGIN:STANDARD\r
DTSTART:16010101T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010101T020000\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r
END:DAYLIGHT\r
END:VTIMEZONE\r
"""


def fmt(d, kind):
    if kind == "date":
        return d.strftime("%Y%m%d")
    if kind == "utc":
        return d.strftime("%Y%m%dT%H%M%SZ")
    return d.strftime("%Y%m%dT%H%M%S")


def rule():
    freq = rng.choice(["DAILY", "WEEKLY", "WEEKLY", "MONTHLY", "MONTHLY", "YEARLY"])
    parts = ["FREQ=" + freq]
    if rng.random() < 0.4:
        parts.append("INTERVAL=%d" % rng.choice([2, 3, 4]))
    if freq == "WEEKLY" and rng.random() < 0.7:
        parts.append("BYDAY=" + ",".join(sorted(rng.sample(DAYS, rng.randint(1, 3)), key=DAYS.index)))
        if rng.random() < 0.3:
            parts.append("WKST=" + rng.choice(["SU", "MO", "WE"]))
    if freq == "DAILY" and rng.random() < 0.3:
        parts.append("BYDAY=MO,TU,WE,TH,FR")
    if freq == "MONTHLY":
        shape = rng.choice(["nth", "monthday", "negday", "setpos", "plain"])
        if shape == "nth":
            parts.append("BYDAY=%d%s" % (rng.choice([1, 2, 3, 4, -1, -2]), rng.choice(DAYS)))
        elif shape == "monthday":
            parts.append("BYMONTHDAY=" + ",".join(str(d) for d in sorted(rng.sample(range(1, 32), rng.randint(1, 2)))))
        elif shape == "negday":
            parts.append("BYMONTHDAY=-%d" % rng.randint(1, 3))
        elif shape == "setpos":
            parts.append("BYDAY=MO,TU,WE,TH,FR")
            parts.append("BYSETPOS=%d" % rng.choice([1, 2, -1, -2]))
    if freq == "YEARLY":
        shape = rng.choice(["plain", "month-nth", "months"])
        if shape == "month-nth":
            parts.append("BYMONTH=%d" % rng.randint(1, 12))
            parts.append("BYDAY=%d%s" % (rng.choice([1, 2, -1]), rng.choice(DAYS)))
        elif shape == "months":
            parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(rng.sample(range(1, 13), 2))))
    return freq, parts


for n in range(count):
    kind = rng.choice(["zone", "zone", "zone", "utc", "floating", "date", "windows", "custom"])
    start = datetime.datetime(2025, 9, 1) + datetime.timedelta(days=rng.randint(0, 420), minutes=rng.choice([0, 30, 45]) + 60 * rng.randint(7, 20))
    if kind == "date":
        start = start.replace(hour=0, minute=0)
    tzid = None
    header = ""
    if kind == "zone":
        tzid = rng.choice(ZONES)
    elif kind == "windows":
        tzid = rng.choice(sorted(WINDOWS))
    elif kind == "custom":
        tzid = "Custom Office"
        header = CUSTOM
    value_kind = {"utc": "utc", "floating": "floating", "date": "date"}.get(kind, "zoned")
    param = ";TZID=" + tzid if tzid else (";VALUE=DATE" if kind == "date" else "")
    freq, parts = rule()
    ending = rng.choice(["none", "count", "until-utc", "until-date", "until-floating"])
    if ending == "count":
        parts.append("COUNT=%d" % rng.randint(2, 40))
    elif ending.startswith("until"):
        until = start + datetime.timedelta(days=rng.randint(20, 500))
        if kind == "date" or ending == "until-date":
            parts.append("UNTIL=" + until.strftime("%Y%m%d"))
        elif ending == "until-utc" or kind in ("zone", "windows", "custom", "utc"):
            parts.append("UNTIL=" + until.strftime("%Y%m%dT%H%M%SZ"))
        else:
            parts.append("UNTIL=" + until.strftime("%Y%m%dT%H%M%S"))
    uid = "generated-%03d@debrief.test" % n
    lines = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T000000Z",
             "SUMMARY:Series %d (%s)" % (n, ";".join(parts).replace(";", "\\;").replace(",", "\\,")),
             "DTSTART%s:%s" % (param, fmt(start, value_kind)), "RRULE:" + ";".join(parts)]
    if kind == "date":
        lines.append("DTEND;VALUE=DATE:" + fmt(start + datetime.timedelta(days=rng.choice([1, 1, 2])), "date"))
    elif rng.random() < 0.5:
        lines.append("DURATION:PT%dM" % rng.choice([15, 30, 60, 90]))
    else:
        lines.append("DTEND%s:%s" % (param, fmt(start + datetime.timedelta(minutes=rng.choice([30, 60, 120])), value_kind)))
    if rng.random() < 0.5:
        lines.append("ATTENDEE;CN=Person %d;PARTSTAT=ACCEPTED:mailto:person%d@example.org" % (n, n))
    if rng.random() < 0.2:
        extra = start + datetime.timedelta(days=rng.randint(3, 200), hours=1)
        lines.append("RDATE%s:%s" % (param, fmt(extra, value_kind)))
    body = "\r\n".join(lines)
    # Pick real instances for EXDATEs and overrides.
    probe = icalendar.Calendar.from_ical(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:probe\r\n" + header + body + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode())
    found = list(recurring_ical_events.of(probe).between(datetime.date(2025, 6, 1), datetime.date(2028, 1, 1)))
    overrides = []
    if len(found) > 3:
        picks = rng.sample(found, min(len(found) - 1, rng.randint(0, 3)))
        for i, occurrence in enumerate(picks):
            original = occurrence["DTSTART"].dt
            if isinstance(original, datetime.datetime):
                written = original.replace(tzinfo=None) if tzid or kind == "floating" else original.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            else:
                written = original
            rid = fmt(written if isinstance(written, datetime.datetime) else datetime.datetime.combine(written, datetime.time()), value_kind)
            what = rng.choice(["exdate", "moved", "cancelled"])
            if what == "exdate":
                lines.append("EXDATE%s:%s" % (param, rid))
            else:
                moved = (written if isinstance(written, datetime.datetime) else datetime.datetime.combine(written, datetime.time())) + (datetime.timedelta(hours=2) if kind != "date" else datetime.timedelta(days=1))
                o = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T000000Z", "RECURRENCE-ID%s:%s" % (param, rid),
                     "SEQUENCE:1", "DTSTART%s:%s" % (param, fmt(moved, value_kind)),
                     "SUMMARY:Series %d, %s instance" % (n, what)]
                if kind == "date":
                    o.append("DTEND;VALUE=DATE:" + fmt(moved + datetime.timedelta(days=1), "date"))
                else:
                    o.append("DURATION:PT30M")
                if what == "cancelled":
                    o.append("STATUS:CANCELLED")
                o.append("END:VEVENT")
                overrides.append("\r\n".join(o))
        body = "\r\n".join(lines)
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//debrief//oracle corpus//EN\r\n" + header + body + "\r\nEND:VEVENT\r\n" + "".join(o + "\r\n" for o in overrides) + "END:VCALENDAR\r\n"
    with open("%s/series-%03d.ics" % (out, n), "w", newline="") as f:
        f.write(text)
