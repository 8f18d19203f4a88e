import DebriefCore
import DebriefPrompts
import Foundation
import Testing

/// Helpers shared by the detector and weekly-review tests: the embedded default catalog and a
/// compact way to write entries with explicit zones, so no test depends on the machine's `TZ`.
enum ReviewFixture {
    static let berlin = zone("Europe/Berlin")
    static let utc = zone("UTC")

    static func zone(_ id: String) -> TimeZone {
        guard let z = TimeZone(identifier: id) else {
            Issue.record("missing time zone \(id)")
            return TimeZone(secondsFromGMT: 0) ?? .current
        }
        return z
    }

    /// The defaults exactly as the binary embeds them.
    static func catalog(overrides: [String] = []) throws -> Catalog {
        let files = [
            CatalogFile(name: "Prompts/reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
            CatalogFile(name: "Prompts/pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self)),
        ] + overrides.enumerated().map { CatalogFile(name: "override-\($0.offset).yaml", text: $0.element) }
        return try CatalogLoader.load(files)
    }

    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else {
            Issue.record("bad day \(iso)")
            return Day(ordinal: 0)
        }
        return d
    }

    static func time(_ iso: String) -> Timestamp {
        guard let t = Timestamp(iso: iso) else {
            Issue.record("bad timestamp \(iso)")
            return Timestamp(seconds: 0, utcOffset: 0)
        }
        return t
    }

    /// An entry from an event at `date` (ISO with offset), written `createdAfterHours` later.
    static func entry(
        _ title: String,
        at date: String,
        createdAfterHours hours: Double = 2,
        flow: String? = nil,
        _ answers: [String: Answer] = [:]
    ) -> Entry {
        let when = time(date)
        let created = Timestamp(seconds: when.seconds + Int(hours * 3600), utcOffset: when.utcOffset)
        var all = answers
        all["title"] = .text(title)
        all["date"] = .timestamp(when)
        let slug = title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        let id = String(format: "%@-%02d%02d-", when.day.iso, when.hour, when.minute) + slug
        return Entry(id: id, created: created, updated: created, answers: all, flow: flow)
    }

    static func person(_ name: String, _ level: String?, _ relation: String? = "new") -> Person {
        Person(name: name, level: level, relation: relation)
    }

    static func action(_ who: String, _ what: String, due: String?, done: String? = nil) -> FollowUp {
        FollowUp(who: who, action: what, due: due.map(day), done: done.map(day))
    }

    /// Answers that trigger no default rule: a model reflection to vary one answer at a time.
    static var clean: [String: Answer] {
        [
            "kind": .choice("meetup"),
            "purpose": .text("Meet people who run Swift on the server"),
            "professional-topics": .bool(true),
            "horizon": .choice("long-term"),
            "people": .people([person("Ana Li", "peer")]),
            "asked-about-them": .bool(true),
            "talk-share": .number(40),
            "asked-favor": .bool(false),
            "outreach-count": .number(1),
            "outreach-personalized": .choice("all"),
            "follow-ups": .followUps([action("Ana Li", "Send the benchmark link", due: "2026-11-27")]),
            "reconnected": .bool(true),
        ]
    }
}

extension ReviewFixture {
    /// Review "now": Thursday of 2027-W01, so that week is still running and every other is over.
    static let now = time("2027-01-07T09:00:00+01:00")
    static var clock: Clock { Clock.fixed(now.date, timeZone: berlin) }

    static func week(_ iso: String) -> ISOWeek {
        guard let w = ISOWeek(iso: iso) else {
            Issue.record("bad week \(iso)")
            return ISOWeek(containing: Day(ordinal: 0))
        }
        return w
    }

    /// A small journal from autumn 2026 to January 2027, written in Berlin (and one online event
    /// noted in UTC). It crosses the clock change of 25 October 2026 and the 2026/2027 year
    /// boundary (2026-W53, then 2027-W01 from Monday 4 January), and holds one imported note
    /// (2026-W48) and one quick reflection (2026-W53).
    static var journal: [Entry] {
        let p = person
        func answers(_ changes: [String: Answer?]) -> [String: Answer] {
            // People and follow-ups only where an entry names them.
            var all = clean
            all["people"] = nil
            all["follow-ups"] = nil
            for (k, v) in changes { all[k] = v }
            return all.compactMapValues { $0 }
        }
        return [
            // 2026-W43 (19–25 October): clocks go back at 03:00 on Sunday 25 October.
            entry("Design systems meetup", at: "2026-10-24T19:00:00+02:00", createdAfterHours: 25, answers([
                "people": .people([p("Lena Vogt", "peer", "new"), p("Omar Haddad", "junior", "new")]),
                "follow-ups": .followUps([action("Lena Vogt", "Send the token naming write-up", due: "2026-10-28", done: "2026-10-27")]),
                "talk-share": .number(70),
            ])),
            entry("Hackathon wrap-up", at: "2026-10-25T23:30:00+01:00", createdAfterHours: 1, answers([
                "people": .people([p("Omar Haddad", "junior", "new")]),
                "follow-ups": nil,
            ])),
            entry("Remote panel on hiring", at: "2026-10-25T23:30:00+00:00", createdAfterHours: 0.5, answers([
                "kind": .choice("online"), "people": nil, "follow-ups": nil,
                "outreach-count": .number(4), "outreach-personalized": .choice("some"), "outreach-generic": .number(3),
            ])),
            // 2026-W44: the first Monday after the change.
            entry("Monday breakfast", at: "2026-10-26T00:30:00+01:00", createdAfterHours: 8, answers([
                "reconnected": .bool(false),
            ])),
            // 2026-W46: an alumni week that neglected the existing network twice.
            entry("Alumni dinner", at: "2026-11-12T19:00:00+01:00", answers([
                "professional-topics": .bool(false), "reconnected": .bool(false),
                "people": .people([p("Jonas Berg", "peer", "existing")]),
            ])),
            entry("Startup night", at: "2026-11-13T20:00:00+01:00", answers([
                "reconnected": .bool(false), "talk-share": .number(75),
            ])),
            // 2026-W47.
            entry("Product conference", at: "2026-11-17T09:00:00+01:00", createdAfterHours: 30, answers([
                "kind": .choice("conference"), "talk-share": .number(72),
                "people": .people([p("Eve Martin", "senior", "new"), p("Raj Patel", "peer", "new")]),
                "follow-ups": .followUps([action("Eve Martin", "Share the slides", due: "2026-11-20", done: "2026-11-25")]),
            ])),
            // 2026-W48 (23–29 November): a busy week.
            entry("Swift meetup Berlin", at: "2026-11-24T18:30:00+01:00", createdAfterHours: 2.5, answers([
                "talk-share": .number(80),
                "people": .people([p("Ana Li", "peer", "new"), p("Bo Chen", "senior", "existing")]),
                "follow-ups": .followUps([
                    action("Ana Li", "Send the benchmark repository link", due: "2026-11-27"),
                    action("Bo Chen", "Introduce him to the platform team", due: "2026-11-30", done: "2026-11-26"),
                ]),
            ])),
            entry("Coffee with Dana", at: "2026-11-26T08:30:00+01:00", createdAfterHours: 4, answers([
                "kind": .choice("one-on-one"), "purpose": nil, "horizon": .choice("immediate"),
                "asked-about-them": .bool(false), "talk-share": .number(75),
                "people": .people([p("Dana Wu", "executive", "new")]), "follow-ups": nil,
            ])),
            entry("Hiring fair", at: "2026-11-28T10:00:00+01:00", createdAfterHours: 72, answers([
                "kind": .choice("conference"), "outreach-count": .number(12), "outreach-personalized": .choice("none"),
                "people": .people([p("Carla Ruiz", "executive", "new"), p("Bo Chen", "senior", "existing")]),
                "follow-ups": .followUps([action("Carla Ruiz", "Apply to the staff role she mentioned", due: nil)]),
            ])),
            // A note imported from another tool: an entry, never judged, counted apart.
            entry("Notes from the hiring fair", at: "2026-11-28T18:00:00+01:00", flow: Entry.importedFlow, [
                "talk-share": .number(90), "people": .people([p("Carla Ruiz", "executive", "new")]),
            ]),
            // 2026-W49 is empty. 2026-W53 (28 December – 3 January) spans the new year.
            entry("New Year's Eve drinks", at: "2026-12-31T20:00:00+01:00", answers([
                "kind": .choice("social"), "professional-topics": .bool(false), "horizon": .choice("immediate"),
                "people": .people([p("Mia Scholz", "peer", "existing")]),
                "follow-ups": .followUps([action("Mia Scholz", "Ask about the open-source grant", due: "2027-01-04")]),
            ])),
            // A quick reflection: it asked only title, date, kind, people, talk share and follow-ups.
            entry("Call with Jonas", at: "2026-12-29T17:00:00+01:00", flow: "quick", [
                "kind": .choice("online"), "talk-share": .number(45),
                "people": .people([p("Jonas Berg", "peer", "existing")]),
                "follow-ups": .followUps([action("Jonas Berg", "Send the grant link", due: "2027-01-08")]),
            ]),
            entry("Open-source sprint", at: "2027-01-02T10:00:00+01:00", answers([
                "people": .people([p("Tom Rees", "junior", "new"), p("Mia Scholz", "peer", "existing")]),
                "follow-ups": .followUps([action("Tom Rees", "Review his first pull request", due: "2027-01-09")]),
            ])),
            // 2027-W01, running on "now".
            entry("Kickoff breakfast", at: "2027-01-05T08:00:00+01:00", answers([
                "horizon": .choice("immediate"),
                "people": .people([p("Sven Olsen", "executive", "new"), p("Ines Kalb", "senior", "new")]),
                "follow-ups": .followUps([action("Sven Olsen", "Send the proposal", due: "2027-01-08")]),
            ])),
        ]
    }
}
