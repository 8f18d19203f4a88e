import Foundation

/// A derived cache the calendars are read through when one is attached (the `DebriefIndex`
/// module's SQLite index): the files stay the truth. Whatever it answers must be what reading the
/// files gives for the window asked; when it cannot answer it returns nil and the files are read.
public protocol CalendarIndexing: AnyObject, Sendable {
    /// For each of `refs`, in order: what reading it gives, where a file's events may be only
    /// those that can have an instance overlapping `from..<to` (instants; floating times and
    /// dates read in `local`). Files changed since they were cached are read again first.
    func calendarReads(_ refs: [CalendarFileRef], from: Int, to: Int, local: TimeZone, store: JournalStore) -> [CalendarFiles.Read]?

    /// The cache's own files (a database and what SQLite keeps beside it), which a calendar path
    /// or link must never reach: opening and closing a file SQLite has open in this process drops
    /// its locks on it.
    var protectedFiles: [String] { get }
}

/// The instances of the configured calendars in a window, each event once.
public struct CalendarSnapshot: Sendable {
    /// Earliest first.
    public var instances: [EventInstance] = []
    /// Files that could not be read, and series that could not be expanded (lines that were
    /// skipped inside readable files are `debrief doctor`'s to list).
    public var problems: [EntryProblem] = []
    /// Calendar files read as events.
    public var files = 0
}

/// The user's calendars (`calendars:` in config.yaml), read-only: through the journal's index
/// when `store` has one that caches calendars, else from the files.
public struct CalendarSet: Sendable {
    public var calendars: [String]
    public var store: JournalStore?

    public init(calendars: [String], store: JournalStore? = nil) {
        self.calendars = calendars
        self.store = store
    }

    /// The instances overlapping `from..<to`. One event reached through two calendars (the same
    /// key) counts once: the one with the higher SEQUENCE, else the first calendar's (in the
    /// order of `calendars:`, then by path).
    public func instances(from: Int, to: Int, local: TimeZone) -> CalendarSnapshot {
        let index = store?.index as? CalendarIndexing
        let scan = CalendarFolders.scan(calendars, protected: index?.protectedFiles ?? [])
        Trace.mark("calendars: \(scan.files.count) files listed")
        let reads = store.flatMap { index?.calendarReads(scan.files, from: from, to: to, local: local, store: $0) }
            ?? scan.files.concurrentMap(minimum: 64) { CalendarFiles.read($0) }
        Trace.mark("calendars: files read")
        var snapshot = CalendarSnapshot(problems: scan.problems)
        var byKey: [String: Int] = [:]
        for (ref, read) in zip(scan.files, reads) {
            switch read {
            case .unreadable(let problem): snapshot.problems.append(problem)
            case .debriefs: continue
            case .events(let file):
                snapshot.files += 1
                let expanded = EventExpansion.instances(of: file, from: from, to: to, local: local, calendar: ref.calendar)
                snapshot.problems += expanded.problems.map { EntryProblem(path: ref.path, line: $0.line, reason: $0.reason) }
                for instance in expanded.instances {
                    if let known = byKey[instance.key] {
                        if instance.event.sequence > snapshot.instances[known].event.sequence { snapshot.instances[known] = instance }
                        continue
                    }
                    byKey[instance.key] = snapshot.instances.count
                    snapshot.instances.append(instance)
                }
            }
        }
        // Sorted as indices, then gathered: an instance carries its whole event, and a sort moving
        // the values themselves copied and released them ~25,000 times for 1,269 instances (a
        // thirteenth of a warm `pending`). The sort is stable either way: the same order.
        let unsorted = snapshot.instances
        snapshot.instances = unsorted.indices.sorted { EventInstance.inOrder(unsorted[$0], unsorted[$1]) }.map { unsorted[$0] }
        snapshot.problems.sort { ($0.path, $0.line) < ($1.path, $1.line) }
        Trace.mark("calendars: \(snapshot.instances.count) instances")
        return snapshot
    }
}
