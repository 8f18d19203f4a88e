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
        _ answers: [String: Answer] = [:]
    ) -> Entry {
        let when = time(date)
        let created = Timestamp(seconds: when.seconds + Int(hours * 3600), utcOffset: when.utcOffset)
        var all = answers
        all["title"] = .text(title)
        all["date"] = .timestamp(when)
        let slug = title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        let id = String(format: "%@-%02d%02d-", when.day.iso, when.hour, when.minute) + slug
        return Entry(id: id, created: created, updated: created, answers: all)
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
