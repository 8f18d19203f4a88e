#!/usr/bin/env python3
"""Writes a deterministic synthetic journal for benchmarks.

Usage: make-journal.py DIR N [--style debrief|pyyaml|jrnl]

N entries spread evenly over the ten years 2020-01-01 .. 2029-12-31 (benchmarks run with
DEBRIEF_NOW=2030-01-01), with realistic content: one to four people per event from a pool of a few
hundred recurring names, follow-ups (most old ones done), tags, answers that show some pitfalls, and
notes of 0.5-2 KB. The same seed gives the same content in every style:

- debrief: debrief's canonical files under DIR/entries/YYYY/MM/ (docs/FORMAT.md)
- pyyaml:  the same files' front matter written by PyYAML's yaml.safe_dump with its defaults
           (sorted keys, lists not indented, non-ASCII escaped), as another tool would write them
- jrnl:    one jrnl plain-text journal DIR/journal.txt ("[YYYY-MM-DD HH:MM] Title" + body, @tags)
"""
import datetime, os, random, sys

FIRST = ["Ana", "Zoë", "Omar", "Priya", "Jonas", "Sofía", "Kenji", "Henrike", "Łukasz", "Ngozi", "Mateo", "Aiko",
         "Lars", "Fatima", "Chen", "Olga", "Diego", "Amara", "Noah", "Inés", "Ravi", "Mia", "Tomás", "Yuki", "Elif"]
LAST = ["Li", "Brandt", "Haddad", "Nair", "Berg", "Ruiz", "Sato", "Müller", "Nowak", "Okafor", "García", "Tanaka",
        "Eriksson", "Khan", "Wei", "Petrova", "López", "Mensah", "Schmidt", "Dubois", "Iyer"]
KINDS = ["conference", "meetup", "one-on-one", "online", "social", "workplace", "other"]
LEVELS = ["junior", "peer", "senior", "executive"]
TAGS = ["swift", "server", "hiring", "rust", "kubernetes", "ml", "design", "security", "mobile", "data", "cloud",
        "career", "mentoring", "open-source", "startup", "funding", "speaking", "community", "sales", "product"]
WORDS = ("the a we they talked about latency budgets hiring plans migration to swift on the server shared notes "
         "benchmarks tail latency observability on-call rotations team growth conference talk slides coffee "
         "introduced followed up next steps product roadmap open source maintainers funding community mentoring "
         "résumé café naïve Zürich München São Paulo 東京 meetup panel workshop demo feedback").split()
EVENTS = ["Swift meetup", "Coffee with", "Cloud summit", "Call with", "Rust night", "Design review with",
          "Hiring fair", "Lunch with", "Security conference", "Board meeting", "Community hangout"]


def text(rng, lo, hi):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    s = " ".join(words)
    return s[0].upper() + s[1:] + "."


def notes(rng):
    size = rng.randint(500, 2000)
    paragraphs, total = [], 0
    while total < size:
        p = " ".join(text(rng, 8, 20) for _ in range(rng.randint(2, 5)))
        paragraphs.append(p)
        total += len(p) + 2
    return "\n\n".join(paragraphs)[:size].rstrip() + "\n"


def people_pool(rng):
    pool = set()
    while len(pool) < 400:
        pool.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
    return sorted(pool)


def entries(n):
    rng = random.Random(13)
    pool = people_pool(rng)
    start = datetime.datetime(2020, 1, 1, 8, 0)
    span = (datetime.datetime(2029, 12, 31, 20, 0) - start).total_seconds()
    now = datetime.date(2030, 1, 1)
    tz = datetime.timezone(datetime.timedelta(hours=1))
    for i in range(n):
        when = start + datetime.timedelta(seconds=int(span * i / max(1, n - 1)))
        when = when.replace(hour=8 + (i * 7) % 13, minute=(i * 17) % 4 * 15, second=0, tzinfo=tz)
        event = rng.choice(EVENTS)
        met = rng.sample(pool, rng.randint(1, 4))
        title = f"{event} {met[0]}" if event.endswith("with") else f"{event} {when.year} #{i}"
        e = {"when": when, "title": title, "kind": rng.choice(KINDS)}
        e["purpose"] = text(rng, 4, 10)
        e["professional-topics"] = rng.random() < 0.85
        e["purpose-met"] = rng.randint(1, 5)
        e["horizon"] = rng.choice(["long-term", "both", "immediate"])
        e["people"] = [{"name": p, "level": rng.choice(LEVELS), "relation": rng.choice(["new", "existing"]),
                        **({"note": text(rng, 4, 12)} if rng.random() < 0.6 else {})} for p in met]
        e["asked-about-them"] = rng.random() < 0.8
        e["talk-share"] = rng.randint(15, 85)
        e["asked-favor"] = rng.random() < 0.2
        if rng.random() < 0.6:
            e["offered"] = text(rng, 3, 8)
        e["outreach-count"] = rng.randint(0, 4)
        e["outreach-personalized"] = rng.choice(["all", "all", "some", "none"])
        fus = []
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            due = when.date() + datetime.timedelta(days=rng.randint(1, 21))
            f = {"who": rng.choice(met), "action": text(rng, 3, 8), "due": due}
            if due < now - datetime.timedelta(days=30) and rng.random() < 0.9:
                f["done"] = min(due + datetime.timedelta(days=rng.randint(-5, 5)), now)
            fus.append(f)
        if fus:
            e["follow-ups"] = fus
        e["reconnected"] = rng.random() < 0.5
        e["learned"] = text(rng, 5, 14)
        e["tags"] = rng.sample(TAGS, rng.randint(0, 4))
        e["notes"] = notes(rng)
        yield i, e


def slug(title):
    out, dash = [], False
    for c in title.lower():
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:40].strip("-") or "reflection"


def eid(e):
    w = e["when"]
    return f"{w:%Y-%m-%d-%H%M}-{slug(e['title'])}"


def iso(ts):
    return ts.isoformat()


def scalar(s):
    """debrief's inline scalar: plain when unambiguous, else double-quoted (the texts here need neither)."""
    if s[:1] in "-?:,[]{}#&*!|>'\"%@`+.0123456789 " or ": " in s or " #" in s or s.lower() in ("yes", "no", "true", "false", "null", "on", "off", "y", "n"):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def canonical(e):
    lines = ["---", "schema: 1", f"id: {eid(e)}", f"created: {iso(e['when'] + datetime.timedelta(hours=2))}",
             f"updated: {iso(e['when'] + datetime.timedelta(hours=2))}", f"title: {scalar(e['title'])}",
             f"date: {iso(e['when'])}", f"kind: {e['kind']}", f"purpose: {scalar(e['purpose'])}",
             f"professional-topics: {'yes' if e['professional-topics'] else 'no'}", f"purpose-met: {e['purpose-met']}",
             f"horizon: {e['horizon']}", "people:"]
    for p in e["people"]:
        lines.append(f"  - name: {scalar(p['name'])}")
        lines += [f"    level: {p['level']}", f"    relation: {p['relation']}"]
        if "note" in p:
            lines.append(f"    note: {scalar(p['note'])}")
    lines += [f"asked-about-them: {'yes' if e['asked-about-them'] else 'no'}", f"talk-share: {e['talk-share']}",
              f"asked-favor: {'yes' if e['asked-favor'] else 'no'}"]
    if "offered" in e:
        lines.append(f"offered: {scalar(e['offered'])}")
    lines += [f"outreach-count: {e['outreach-count']}", f"outreach-personalized: {e['outreach-personalized']}"]
    if "follow-ups" in e:
        lines.append("follow-ups:")
        for f in e["follow-ups"]:
            lines += [f"  - who: {scalar(f['who'])}", f"    action: {scalar(f['action'])}", f"    due: {f['due']}"]
            if "done" in f:
                lines.append(f"    done: {f['done']}")
    lines += [f"reconnected: {'yes' if e['reconnected'] else 'no'}", f"learned: {scalar(e['learned'])}"]
    if e["tags"]:
        lines.append("tags: [" + ", ".join(e["tags"]) + "]")
    lines.append("---")
    return "\n".join(lines) + "\n" + e["notes"]


def pyyaml(e):
    import yaml
    front = {"schema": 1, "id": eid(e), "created": iso(e["when"] + datetime.timedelta(hours=2)),
             "updated": iso(e["when"] + datetime.timedelta(hours=2)), "title": e["title"], "date": iso(e["when"])}
    for k, v in e.items():
        if k in ("when", "title", "notes"):
            continue
        if k == "follow-ups":
            v = [{**f, "due": f["due"].isoformat(), **({"done": f["done"].isoformat()} if "done" in f else {})} for f in v]
        if k == "tags" and not v:
            continue
        front[k] = "yes" if v is True else "no" if v is False else v
    return "---\n" + yaml.safe_dump(front) + "---\n" + e["notes"]


def jrnl(e):
    w = e["when"]
    tags = " ".join("@" + t for t in e["tags"])
    people = ", ".join(p["name"] for p in e["people"])
    body = f"Met {people}. {e['purpose']} {e['learned']} {tags}\n{e['notes']}"
    return f"[{w:%Y-%m-%d %H:%M}] {e['title']}.\n{body}\n"


def main():
    # `--help` (or no folder) prints the usage instead of writing a journal into a folder of that name.
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 64)
    root, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    style = sys.argv[sys.argv.index("--style") + 1] if "--style" in sys.argv else "debrief"
    if style not in ("debrief", "pyyaml", "jrnl"):
        sys.exit(f"make-journal.py: --style must be debrief, pyyaml or jrnl, not {style!r}")
    os.makedirs(root, mode=0o700, exist_ok=True)
    if style == "jrnl":
        with open(os.path.join(root, "journal.txt"), "w", encoding="utf-8") as out:
            for _, e in entries(n):
                out.write(jrnl(e) + "\n")
        return
    write = canonical if style == "debrief" else pyyaml
    seen = set()
    for _, e in entries(n):
        ident = eid(e)
        while ident in seen:
            ident += "-2"
        seen.add(ident)
        w = e["when"]
        d = os.path.join(root, "entries", f"{w:%Y}", f"{w:%m}")
        os.makedirs(d, mode=0o700, exist_ok=True)
        path = os.path.join(d, ident + ".md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(write(e))
        os.chmod(path, 0o600)


if __name__ == "__main__":
    main()
