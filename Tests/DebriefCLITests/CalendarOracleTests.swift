import DebriefCore
import Foundation
import Testing

/// debrief's calendar reader against a real one: Python's `icalendar` with
/// `recurring_ical_events`, over exports shaped like Google Calendar's, Outlook/Exchange's (Windows
/// zone names, with and without VTIMEZONE blocks), iCloud's, Nextcloud's and khal's
/// (`CalendarOracle/corpus`), plus 120 generated recurring series (`make_corpus.py`: every rule part
/// the reader supports, EXDATEs, RDATEs, moved and cancelled overrides, dates, floating, UTC, IANA,
/// Windows and custom zones). Same instances (start, end, summary, status, attendees) in a year's
/// window, floating times read in the same zone on both sides, in two zones.
@Suite(.serialized) struct CalendarOracleTests {
    static let venv: String? = PythonVenv.make("calendar-oracle", packages: ["icalendar>=6,<8", "recurring-ical-events>=3,<4"],
                                               check: "python")
    static let folder = BinaryRunner.packageRoot + "/Tests/DebriefCLITests/CalendarOracle"

    /// One instance as both sides print it.
    struct Instance: Hashable, CustomStringConvertible {
        var uid: String
        var start: String
        var end: String
        var summary: String
        var status: String
        var attendees: [String]
        var description: String { "\(start)…\(end) \(uid) \(summary) [\(status)] \(attendees)" }
    }

    static func decode(_ object: Any?) -> [Instance] {
        guard let items = object as? [[String: Any]] else { return [] }
        return items.map { i in
            Instance(uid: i["uid"] as? String ?? "", start: "\(i["start"] ?? "")", end: "\(i["end"] ?? "")",
                     summary: i["summary"] as? String ?? "", status: i["status"] as? String ?? "",
                     attendees: i["attendees"] as? [String] ?? [])
        }
    }

    /// The reader's instances of `path` whose start is in [first, last) of `zone`, as the oracle
    /// prints them.
    static func ours(_ path: String, zone: TimeZone, first: Day, last: Day) throws -> [Instance] {
        let bytes = try #require(try AtomicFile.read(path))
        let file = CalendarFile.parse(bytes)
        let rules = ZoneRules.system(zone)
        let low = rules.utc(fromWall: first.ordinal * 86_400), high = rules.utc(fromWall: last.ordinal * 86_400)
        let expanded = EventExpansion.instances(of: file, from: low - 3 * 86_400, to: high + 3 * 86_400, local: zone, calendar: path)
        #expect(expanded.problems.isEmpty, "\(path): \(expanded.problems)")
        return expanded.instances.compactMap { i in
            let start: String, end: String
            if i.isAllDay {
                let s = Day(ordinal: Int((Double(rules.wall(fromUTC: i.start)) / 86_400).rounded(.down)))
                let e = Day(ordinal: Int((Double(rules.wall(fromUTC: i.end)) / 86_400).rounded(.down)))
                guard s >= first, s < last else { return nil }
                start = s.iso
                end = e.iso
            } else {
                guard i.start >= low, i.start < high else { return nil }
                start = String(i.start)
                end = String(i.end)
            }
            return Instance(uid: i.event.uid, start: start, end: end, summary: i.event.summary, status: i.event.status ?? "",
                            attendees: i.event.attendees.map { $0.email ?? $0.name ?? "" }.sorted())
        }
    }

    /// The corpus: the exports, then the generated series (made once per run, in a temp folder).
    static let corpus: [String]? = {
        guard let bin = venv else { return nil }
        let work = NSTemporaryDirectory() + "debrief-oracle-\(UUID().uuidString)"
        guard (try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)) != nil,
              let made = try? Subprocess.run(bin + "/python", [folder + "/make_corpus.py", work, "120"]), made.status == 0,
              let exports = try? FileManager.default.contentsOfDirectory(atPath: folder + "/corpus"),
              let generated = try? FileManager.default.contentsOfDirectory(atPath: work) else { return nil }
        return exports.filter { $0.hasSuffix(".ics") }.sorted().map { folder + "/corpus/" + $0 } + generated.sorted().map { work + "/" + $0 }
    }()

    @Test(.enabled(if: venv != nil, "icalendar and recurring-ical-events cannot be installed with pip here (no PyPI?); the oracle comparison is skipped"),
          arguments: ["Europe/Berlin", "America/Los_Angeles"])
    func theReaderAgreesWithIcalendarAndRecurringIcalEvents(zoneName: String) throws {
        let bin = try #require(Self.venv)
        let files = try #require(Self.corpus, "make_corpus.py failed")
        #expect(files.count == 128)
        let (first, last) = (try #require(Day(iso: "2026-01-01")), try #require(Day(iso: "2027-01-01")))
        let oracle = try Subprocess.run(bin + "/python", [Self.folder + "/oracle.py", zoneName, first.iso, last.iso] + files,
                                        environment: ["TZ": zoneName, "PATH": "/usr/bin:/bin"])
        try #require(oracle.status == 0, "oracle.py: \(oracle.stderr)")
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(oracle.stdout.utf8)) as? [String: [String: Any]])
        let zone = try #require(TimeZone(identifier: zoneName))
        var compared = 0
        for path in files {
            let answer = try #require(answers[path])
            #expect(answer["error"] == nil, "the oracle could not read \(path): \(answer["error"] ?? "")")
            let theirs = Self.decode(answer["instances"])
            let mine = try Self.ours(path, zone: zone, first: first, last: last)
            compared += theirs.count
            let missing = Set(theirs).subtracting(mine), extra = Set(mine).subtracting(theirs)
            #expect(missing.isEmpty && extra.isEmpty && mine.count == theirs.count,
                    "\(path): only the oracle has \(missing.sorted { $0.start < $1.start }.prefix(5)); only debrief has \(extra.sorted { $0.start < $1.start }.prefix(5))")
        }
        // The comparison covered real work: thousands of instances, recurring and not.
        #expect(compared > 3_000, "\(compared) instances compared")
    }
}
