import Foundation

/// What `debrief doctor` finds in the configured calendars: every file that cannot be read, and
/// every line of a readable file that was skipped or read with a caveat (an event without a start,
/// a series whose rule cannot be used, a zone nobody defines), each with its file and line.
public enum CalendarDoctor {
    public struct Findings: Sendable {
        /// Calendar files read as events.
        public var files = 0
        /// Events (and overrides) read from them.
        public var events = 0
        /// Files debrief wrote itself (follow-ups), recognised and left out.
        public var debriefs = 0
        /// Sorted by path, then line.
        public var problems: [EntryProblem] = []
    }

    /// Reads every file of `calendars` (on every core) and expands every series over the year
    /// around `now`, so a series that cannot be expanded is named too.
    public static func examine(_ calendars: [String], now: Date, local: TimeZone, protected: [String] = []) -> Findings {
        let scan = CalendarFolders.scan(calendars, protected: protected)
        var findings = Findings(problems: scan.problems)
        let reads = scan.files.concurrentMap(minimum: 64) { ref in (ref, CalendarFiles.read(ref)) }
        let moment = Int(now.timeIntervalSince1970)
        for (ref, read) in reads {
            switch read {
            case .unreadable(let problem): findings.problems.append(problem)
            case .debriefs: findings.debriefs += 1
            case .events(let file):
                findings.files += 1
                findings.events += file.events.count
                let expanded = EventExpansion.instances(of: file, from: moment - 366 * 86_400, to: moment + 366 * 86_400,
                                                        local: local, calendar: ref.calendar)
                for p in file.problems + expanded.problems {
                    findings.problems.append(EntryProblem(path: ref.path, line: p.line, reason: p.reason))
                }
            }
        }
        findings.problems.sort { ($0.path, $0.line) < ($1.path, $1.line) }
        return findings
    }
}
