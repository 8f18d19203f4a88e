#!/usr/bin/env python3
"""A calendar folder (a vdir: one event per .ics file, as vdirsyncer keeps it) for benchmarks.

    benchmarks/make-calendar.py DIR [COUNT] [--now YYYY-MM-DD]

writes COUNT files (default 5000) into DIR, deterministically: events spread over the two years
before --now (default 2030-01-01) and a month after it; one in twelve a recurring series (weekly
stand-ups, monthly reviews, yearly birthdays) with a moved and a cancelled instance; a third with
attendees; zones as Google, Outlook (Windows names with their VTIMEZONE) and Apple write them.
Needs only Python's standard library.
"""
import datetime
import os
import random
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
if not args or "--help" in sys.argv or "-h" in sys.argv:
    print(__doc__.strip())
    sys.exit(0 if args or "--help" in sys.argv or "-h" in sys.argv else 64)
folder = args[0]
count = int(args[1]) if len(args) > 1 else 5000
now = datetime.date(2030, 1, 1)
if "--now" in sys.argv:
    now = datetime.date.fromisoformat(sys.argv[sys.argv.index("--now") + 1])
os.makedirs(folder, exist_ok=True)
rng = random.Random(5000)
NAMES = ["Ana Li", "Marc Weber", "Zoë Brandt", "Henrike Vogel", "Ben Osei", "Priya Raman", "Tom Baker", "Kai Müller",
         "Lena Schmidt", "Jonas Becker", "Sam O'Neil", "Dana Scully"]
TITLES = ["Lunch with {p}", "Coffee with {p}", "Call with {p}", "Dinner with {p}", "Swift meetup", "Product review",
          "Design sync", "Conference: ServerSide.swift", "Workshop on tracing", "Dentist", "Busy", "Focus time",
          "Interview", "Drinks after work", "Intro: {p}"]
OUTLOOK_ZONE = """BEGIN:VTIMEZONE\r
TZID:W. Europe Standard Time\r
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


def stamp(d):
    return d.strftime("%Y%m%dT%H%M%S")


for n in range(count):
    day = now - datetime.timedelta(days=rng.randint(-30, 730))
    start = datetime.datetime.combine(day, datetime.time(rng.randint(8, 19), rng.choice([0, 15, 30, 45])))
    end = start + datetime.timedelta(minutes=rng.choice([30, 45, 60, 90, 120]))
    person = rng.choice(NAMES)
    title = rng.choice(TITLES).format(p=person)
    style = rng.choice(["google", "outlook", "apple"])
    uid = "bench-%05d@%s.example" % (n, style)
    zone, tz = ("W. Europe Standard Time", OUTLOOK_ZONE) if style == "outlook" else ("Europe/Berlin", "")
    lines = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20290101T000000Z", "SUMMARY:" + title,
             "DTSTART;TZID=%s:%s" % (zone, stamp(start)), "DTEND;TZID=%s:%s" % (zone, stamp(end))]
    if rng.random() < 0.33:
        lines.append("ORGANIZER;CN=Ana Li:mailto:ana.li@example.org")
        for p in rng.sample(NAMES, rng.randint(1, 4)):
            lines.append("ATTENDEE;CN=%s;PARTSTAT=ACCEPTED:mailto:%s@example.org" % (p, p.split()[0].lower()))
    if rng.random() < 0.3:
        lines.append("LOCATION:Café Einstein\\, Unter den Linden 42\\, Berlin")
    overrides = []
    if n % 12 == 0:
        rule = rng.choice(["FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=YEARLY", "FREQ=DAILY;INTERVAL=2;COUNT=300"])
        lines.append("RRULE:" + rule)
        moved = start + datetime.timedelta(days=7 * rng.randint(1, 30))
        overrides.append(["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20290101T000000Z", "SUMMARY:" + title + " (moved)",
                          "RECURRENCE-ID;TZID=%s:%s" % (zone, stamp(moved)),
                          "DTSTART;TZID=%s:%s" % (zone, stamp(moved + datetime.timedelta(hours=2))),
                          "DTEND;TZID=%s:%s" % (zone, stamp(moved + datetime.timedelta(hours=3))), "END:VEVENT"])
    lines.append("END:VEVENT")
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//%s//EN\r\n" % style + tz + "\r\n".join(lines) + "\r\n"
            + "".join("\r\n".join(o) + "\r\n" for o in overrides) + "END:VCALENDAR\r\n")
    with open(os.path.join(folder, uid + ".ics"), "w", newline="") as f:
        f.write(text)
