#!/usr/bin/env python3
"""Writes a synthetic journal of N entries in debrief's canonical format, for benchmarks.

Usage: make-journal.py DIR [N]   (default N = 10000)
Deterministic (seeded), so runs compare like with like.
"""
import os, random, sys

def main():
    root = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(48)
    kinds = ["conference", "meetup", "one-on-one", "online", "social", "workplace", "other"]
    names = ["Ana Li", "Zoë Brandt", "李雷", "Omar Haddad", "Priya Nair", "Jonas Berg", "Sofía Ruiz", "Kenji Sato"]
    levels = ["junior", "peer", "senior", "executive"]
    for i in range(n):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2000 + i // (28 * 12)
        hour, minute = 8 + i % 12, (i * 7) % 60
        title = f"Event {i} {rng.choice(['meetup', 'coffee', 'summit', 'call'])}"
        slug = title.lower().replace(" ", "-")
        eid = f"{year:04d}-{month:02d}-{day:02d}-{hour:02d}{minute:02d}-{slug}"
        d = os.path.join(root, "entries", f"{year:04d}", f"{month:02d}")
        os.makedirs(d, mode=0o700, exist_ok=True)
        people = rng.sample(names, rng.randint(1, 3))
        lines = ["---", "schema: 1", f"id: {eid}",
                 f"created: {year:04d}-{month:02d}-{day:02d}T22:00:00+01:00",
                 f"updated: {year:04d}-{month:02d}-{day:02d}T22:00:00+01:00",
                 f"title: {title}",
                 f"date: {year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00+01:00",
                 f"kind: {rng.choice(kinds)}",
                 "purpose: Meet two people who run Swift on the server",
                 f"professional-topics: {rng.choice(['yes', 'no'])}",
                 f"purpose-met: {rng.randint(1, 5)}",
                 f"horizon: {rng.choice(['long-term', 'both', 'immediate'])}",
                 "people:"]
        for p in people:
            lines += [f"  - name: {p}", f"    level: {rng.choice(levels)}",
                      f"    relation: {rng.choice(['new', 'existing'])}", "    note: Migrating their services to Swift"]
        lines += ["asked-about-them: yes", f"talk-share: {rng.randint(10, 90)}", "asked-favor: no",
                  "offered: Shared our benchmark notes", "outreach-count: 1", "outreach-personalized: all",
                  "follow-ups:", f"  - who: {people[0]}", "    action: Send the benchmark repository link",
                  f"    due: {year:04d}-{month:02d}-{min(day + 3, 28):02d}",
                  f"reconnected: {rng.choice(['yes', 'no'])}", "learned: Their team measures tail latency first",
                  "tags: [swift, server]", "---", "Free notes, any Markdown.", ""]
        path = os.path.join(d, eid + ".md")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        os.chmod(path, 0o600)

if __name__ == "__main__":
    main()
