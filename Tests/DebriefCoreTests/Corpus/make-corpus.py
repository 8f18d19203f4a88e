#!/usr/bin/env python3
"""Writes the reader-agreement corpora: entry files written by PyYAML, as other tools write them.

Usage: python3 make-corpus.py   (writes safe-dump.txt, adversarial.txt and styles.txt beside itself)

- safe-dump.txt: realistic entries through yaml.safe_dump with its defaults and common options
  (allow_unicode, sort_keys=False, width); at least 99% of them must take debrief's fast path.
- adversarial.txt: the same writer fed texts full of what YAML cares about (quotes, colons,
  hashes, indicators, reserved words, control and line-break characters, blank lines).
- styles.txt: what people and other tools write by hand: every scalar single- or double-quoted or
  a literal block, flow lists, lists indented under their key, CRLF line ends.

Files are separated by a line `%%%% <name>`. Deterministic (seeded), so the fixtures only change
when this script does. Needs PyYAML.
"""
import copy, datetime, os, random, yaml

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["conference", "meetup", "one-on-one", "online", "social", "workplace", "other"]
LEVELS = ["junior", "peer", "senior", "executive"]
NAMES = ["Ana Li", "Zoë Brandt", "李雷", "Omar Haddad", "Priya Nair", "Jonas Berg", "Sofía Ruiz", "Kenji Sato",
         "Henrike Müller", "O'Brien", "Łukasz Żółw", "Ngozi Okafor", "Ava-Rose D'Souza", "Dr. Chen, PhD", "José"]
WORDS = ("the a team latency swift server talk hiring kubernetes rust migration benchmark coffee notes "
         "résumé naïve café Zürich 東京 😀 👩🏽‍💻 plan ship review design data ml infra budget follow-up").split()
PUNCT = ["", "", "", ",", ".", ":", "!", "?", " —", ";", " (really)", " #1", " - ", ": ", "'s", " \"quoted\""]
NASTY = ["Ana", "Zoë", "e\u0301", "日本語", "😀", ":", ": ", "key: value", "a:b", "http://x.io/a#b", "\"", "'", "''",
         "\\", "\\n", "#", " #", "# comment", "-", "- item", "---", "...", "?", "? q", ",", "[a, b]", "{x: 1}",
         "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`", "yes", "no", "on", "off", "y", "n", "true", "null",
         "~", "1.5", "1e3", "0x1F", "007", "-1", ".inf", "2026-11-24", "12:30", "<<", "=", " ", "  ", "\t", "\u00a0",
         "\u2003", "\u200b", "\u0085", "\u2028", "\u2029", "\u007f", "\u001b[31m", "\u0000", "\u0007", "\r", "\r\n",
         "\ufeff", "\n", "\n\n", "\n  indented", "\n- dash", "\n# hash", " \n", "\n ", "x" * 90]


def sentence(rng, lo=2, hi=10):
    out = []
    for _ in range(rng.randint(lo, hi)):
        out.append(rng.choice(WORDS) + rng.choice(PUNCT))
    s = " ".join(out).strip()
    return s[0].upper() + s[1:] if s else "x"


def paragraph(rng):
    if rng.random() < 0.7:
        return sentence(rng)
    parts = [sentence(rng) for _ in range(rng.randint(2, 4))]
    seps = ["\n", "\n\n", "\n- ", "\n  "]
    return parts[0] + "".join(rng.choice(seps) + p for p in parts[1:])


def nasty(rng):
    s = "".join(rng.choice(NASTY) + rng.choice(["", " ", ", ", ": "]) for _ in range(rng.randint(1, 5)))
    return s if s.strip() else s + "x"


def entry(rng, n, text):
    day = datetime.date(2016, 1, 1) + datetime.timedelta(days=rng.randint(0, 3650))
    hh, mm = rng.randint(7, 22), rng.choice([0, 15, 30, 45])
    off = datetime.timezone(datetime.timedelta(hours=rng.choice([0, 1, 2, -5, 9])))
    when = datetime.datetime(day.year, day.month, day.day, hh, mm, tzinfo=off)
    d = {"schema": 1, "id": f"{day.isoformat()}-{hh:02d}{mm:02d}-corpus-{n}"}
    d["created"] = when.isoformat() if rng.random() < 0.6 else when
    # A copy: one object dumped twice becomes an anchor and an alias, which debrief refuses.
    d["updated"] = copy.copy(d["created"])
    d["title"] = text(rng)
    d["date"] = when.isoformat() if rng.random() < 0.7 else copy.copy(when)
    d["kind"] = rng.choice(KINDS)
    if rng.random() < 0.8:
        d["purpose"] = text(rng)
    for key in ["professional-topics", "asked-about-them", "asked-favor", "reconnected"]:
        if rng.random() < 0.8:
            d[key] = rng.choice(["yes", "no", True, False])
    if rng.random() < 0.8:
        d["purpose-met"] = rng.choice([rng.randint(1, 5), str(rng.randint(1, 5))])
    if rng.random() < 0.8:
        d["horizon"] = rng.choice(["long-term", "both", "immediate"])
    if rng.random() < 0.9:
        people = []
        for _ in range(rng.randint(1, 4)):
            p = {"name": rng.choice(NAMES) if text is not nasty or rng.random() < 0.5 else nasty(rng)}
            if rng.random() < 0.8:
                p["level"] = rng.choice(LEVELS)
            if rng.random() < 0.8:
                p["relation"] = rng.choice(["new", "existing"])
            if rng.random() < 0.6:
                p["note"] = text(rng)
            people.append(p)
        d["people"] = people
    if rng.random() < 0.8:
        d["talk-share"] = rng.randint(0, 100)
    if rng.random() < 0.6:
        d["offered"] = text(rng)
    if rng.random() < 0.6:
        d["outreach-count"] = rng.randint(0, 9)
        d["outreach-personalized"] = rng.choice(["all", "some", "none"])
    if rng.random() < 0.8:
        fus = []
        for _ in range(rng.randint(1, 3)):
            f = {"who": rng.choice(NAMES) if rng.random() < 0.8 else text(rng), "action": text(rng)}
            if rng.random() < 0.7:
                due = day + datetime.timedelta(days=rng.randint(1, 30))
                f["due"] = due if rng.random() < 0.5 else due.isoformat()
            if rng.random() < 0.4:
                done = day + datetime.timedelta(days=rng.randint(1, 40))
                f["done"] = done if rng.random() < 0.5 else done.isoformat()
            fus.append(f)
        d["follow-ups"] = fus
    if rng.random() < 0.7:
        d["learned"] = text(rng)
    if rng.random() < 0.8:
        d["tags"] = [rng.choice(WORDS) if text is not nasty else nasty(rng) for _ in range(rng.randint(1, 4))]
    return d


def realistic(rng):
    return paragraph(rng) if rng.random() < 0.4 else sentence(rng)


class IndentedLists(yaml.SafeDumper):
    """Lists indented under their key, as many people write them by hand."""
    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


class Styled(str):
    """A text with the style a person chose for it: ' " | > or plain."""
    style = None


class FlowList(list):
    pass


class FlowMap(dict):
    pass


def styled_rep(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=data.style)


for d in (yaml.SafeDumper, IndentedLists):
    d.add_representer(Styled, styled_rep)
    d.add_representer(FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))
    d.add_representer(FlowMap, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True))


def by_hand(rng, value):
    """Values styled one by one, keys left plain: what a person writes in an editor."""
    if isinstance(value, str):
        out = Styled(value)
        out.style = rng.choice([None, None, "'", '"', "|", ">"])
        return out
    if isinstance(value, list):
        items = [by_hand(rng, v) for v in value]
        return FlowList(items) if rng.random() < 0.4 and all(isinstance(v, str) for v in value) else items
    if isinstance(value, dict):
        items = {k: by_hand(rng, v) for k, v in value.items()}
        return FlowMap(items) if rng.random() < 0.2 else items
    return value


def dump(rng, d, style):
    opts = {"allow_unicode": rng.random() < 0.5, "sort_keys": rng.random() < 0.5}
    if rng.random() < 0.3:
        opts["width"] = rng.choice([40, 60, 120, 1000])
    if style == "styles":
        choice = rng.choice(["single", "double", "literal", "flow", "indented", "crlf", "plain", "hand", "hand", "hand"])
        if choice == "hand":
            d = {k: by_hand(rng, v) for k, v in d.items()}
            if rng.random() < 0.3:
                opts["line_break"] = "\r\n"
            return yaml.dump(d, Dumper=IndentedLists if rng.random() < 0.5 else yaml.SafeDumper, **opts)
        if choice == "single":
            opts["default_style"] = "'"
        elif choice == "double":
            opts["default_style"] = '"'
        elif choice == "literal":
            opts["default_style"] = "|"
        elif choice == "flow":
            opts["default_flow_style"] = None
        elif choice == "crlf":
            opts["line_break"] = "\r\n"
        if choice == "indented" or rng.random() < 0.3:
            return yaml.dump(d, Dumper=IndentedLists, **opts)
    return yaml.safe_dump(d, **opts)


def write(name, count, seed, text, style):
    rng = random.Random(seed)
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as out:
        for n in range(count):
            d = entry(rng, n, text)
            front = dump(rng, d, style)
            brk = "\r\n" if "\r\n" in front and style == "styles" else "\n"
            out.write(f"%%%% {name}-{n}\n---{brk}{front}---{brk}Notes {n}.{brk}")


write("safe-dump.txt", 1200, 13, realistic, "safe")
write("adversarial.txt", 800, 14, nasty, "safe")
write("styles.txt", 1000, 15, lambda r: nasty(r) if r.random() < 0.3 else realistic(r), "styles")
