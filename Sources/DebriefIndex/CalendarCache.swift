import DebriefCore
import Dispatch
import Foundation
import GRDB

/// The calendars' events cached in the index like entries (issue 20): per calendar file its stat
/// signature, when it was read (git's racy rule), what it is (events, debrief's own, unreadable)
/// and the zones its times refer to; per event the facts read from the file and the instants
/// between which its instances lie, so a window's question reads only the events near it.
/// Facts, never verdicts: which events wait for a reflection is judged when asked.
///
/// The index's row rule (``IndexRow``): every row carries `sum` over all its other columns (the
/// JSON through `zones_sum`/`event_sum`); a file's event rows are all checked, and counted against
/// the file's `events`, before the window narrows them, and a file with any row that does not
/// match is read again and its rows rewritten.
extension JournalIndex: CalendarIndexing {
    public var protectedFiles: [String] { location.files }

    public func calendarReads(_ refs: [CalendarFileRef], from: Int, to: Int, local: TimeZone,
                              store: JournalStore) -> [CalendarFiles.Read]? {
        guard let queue = database(for: store) else { return nil }
        do {
            return try calendarRefresh(queue, refs: refs, from: from, to: to, local: local)
        } catch {
            discard(after: error)
            Trace.mark("index: calendars not usable (\(error)), reading the files")
            return nil
        }
    }

    /// What the index holds for one calendar file.
    private struct KnownCalendar {
        var id: Int64
        var signature: FileSignature
        var checked: Int64
        var kind: Int
        var problem: String?
        /// How many event rows it has (a lost row would otherwise go unnoticed).
        var events: Int
        var zones: Data
    }

    private static let eventsKind = 0, debriefsKind = 1, unreadableKind = 2

    private func calendarRefresh(_ queue: DatabaseQueue, refs: [CalendarFileRef], from: Int, to: Int,
                                 local: TimeZone) throws -> [CalendarFiles.Read] {
        let checked = FileSignature.now()
        var known: [String: KnownCalendar] = [:]
        // Files whose event rows cannot all be trusted: a row that does not match its checksum
        // (its `file`, `lo` or `hi` may be wrong, so the window's query could miss it) or a count
        // that is not the file's. Checked for every row before any is narrowed by the window.
        var untrusted = Set<Int64>()
        try queue.read { db in
            let columns = IndexRow.calendarFiles.columns.joined(separator: ", ")
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns), zones, sum FROM calendar_files")
            while let row = try rows.next() {
                let path: String = row[1]
                var signature = FileSignature(size: row[2], mtime: row[3], ctime: row[4], inode: row[5])
                let zones: Data = row[11]
                let zonesSum: Int64 = row[10]
                let sum: Int64 = row[12]
                if sum != IndexRow.sum((0..<11).map { row[$0] as DatabaseValue }) || zonesSum != IndexSchema.checksum(zones) {
                    // Damaged: proves nothing; the file is read again and its rows rewritten.
                    signature.size = -1
                }
                known[path] = KnownCalendar(id: row[0], signature: signature, checked: row[6], kind: row[7], problem: row[8],
                                            events: row[9], zones: zones)
            }
            var counts: [Int64: Int] = [:]
            let events = IndexRow.calendarEvents.columns.joined(separator: ", ")
            let groups = try Row.fetchCursor(db, sql: """
                SELECT file, count(*), sum(debrief_sum(\(events)) IS NOT sum) FROM calendar_events GROUP BY file
                """)
            while let row = try groups.next() {
                let file: Int64 = row[0]
                counts[file] = row[1]
                if (row[2] as Int64?) ?? 0 > 0 { untrusted.insert(file) }
            }
            for k in known.values where (counts[k.id] ?? 0) != k.events { untrusted.insert(k.id) }
        }
        var reads = [CalendarFiles.Read?](repeating: nil, count: refs.count)
        var fresh: [Int64: Int] = [:]
        var changes: [(index: Int, signature: FileSignature?)] = []
        let listed = Set(refs.map(\.path))
        for (i, ref) in refs.enumerated() {
            let signature = FileSignature(path: ref.path)
            if let signature, let k = known[ref.path], k.signature == signature, !untrusted.contains(k.id),
               !signature.isRacy(checked: k.checked, margin: racyMargin) {
                switch k.kind {
                case Self.debriefsKind: reads[i] = .debriefs
                case Self.unreadableKind: reads[i] = .unreadable(EntryProblem(path: ref.path, line: 1, reason: k.problem ?? "cannot be read"))
                default: fresh[k.id] = i
                }
            } else {
                changes.append((i, signature))
            }
        }
        let gone = known.filter { !listed.contains($0.key) }.map(\.key)

        // The events of unchanged files near the window, each blob checked against its sum.
        var selected: [Int64: [Data]] = [:]
        var damaged = Set<Int64>()
        if !fresh.isEmpty {
            try queue.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT file, event_sum, event FROM calendar_events WHERE lo < ? AND hi > ?",
                                               arguments: [to + EventExpansion.boundsMargin, from - EventExpansion.boundsMargin])
                while let row = try rows.next() {
                    let file: Int64 = row[0]
                    guard fresh[file] != nil else { continue }
                    let event: Data = row[2]
                    let sum: Int64 = row[1]
                    guard sum == IndexSchema.checksum(event) else {
                        damaged.insert(file)
                        continue
                    }
                    selected[file, default: []].append(event)
                }
            }
        }
        let decoder = JSONDecoder()
        for (id, index) in fresh {
            guard !damaged.contains(id), let k = known[refs[index].path] else {
                changes.append((index, FileSignature(path: refs[index].path)))
                continue
            }
            var file = CalendarFile()
            do {
                file.zones = try decoder.decode(CalendarZones.self, from: k.zones)
                file.events = try (selected[id] ?? []).map { try decoder.decode(CalendarEvent.self, from: $0) }
                reads[index] = .events(file)
            } catch {
                changes.append((index, FileSignature(path: refs[index].path)))
            }
        }
        Trace.mark("index: \(refs.count) calendar files checked, \(changes.count) to read, \(selected.values.map(\.count).reduce(0, +)) cached events near the window")

        // Read what changed, and record it (a failed write leaves the index as it was).
        let read = changes.concurrentMap(minimum: 64) { change in CalendarFiles.read(refs[change.index]) }
        for (change, r) in zip(changes, read) { reads[change.index] = r }
        if !changes.isEmpty || !gone.isEmpty, !isReadOnly {
            do {
                try recordCalendars(queue, changes: changes.map { ($0.signature, refs[$0.index].path) }, read: read,
                                    gone: gone, checked: checked, local: local)
            } catch {
                markReadOnly()
                Trace.mark("index: calendars not recorded (\(error))")
            }
        }
        return reads.map { $0 ?? .unreadable(EntryProblem(path: "", line: 1, reason: "not read")) }
    }

    /// Rows are replaced by path (not by an id read earlier), so two runs recording the same
    /// change one after the other leave one set of rows.
    private func recordCalendars(_ queue: DatabaseQueue, changes: [(signature: FileSignature?, path: String)],
                                 read: [CalendarFiles.Read], gone: [String], checked: Int64, local: TimeZone) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func forget(_ db: Database, _ path: String) throws {
            try db.execute(sql: "DELETE FROM calendar_events WHERE file IN (SELECT id FROM calendar_files WHERE path = ?)", arguments: [path])
            try db.execute(sql: "DELETE FROM calendar_files WHERE path = ?", arguments: [path])
        }
        try queue.write { db in
            for path in gone { try forget(db, path) }
            // Ids are chosen here, so the row's checksum covers its id too.
            var nextID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM calendar_files") ?? 0) + 1
            for (change, result) in zip(changes, read) {
                try forget(db, change.path)
                // A file gone since it was listed, or one that cannot be stat'ed: not cached.
                guard let s = change.signature else { continue }
                var kind = Self.eventsKind
                var problem: String?
                var zones = Data("{}".utf8)
                var events: [(lo: Int, hi: Int, data: Data)] = []
                switch result {
                case .debriefs: kind = Self.debriefsKind
                case .unreadable(let p):
                    kind = Self.unreadableKind
                    problem = IndexRow.text(p.reason)
                case .events(let file):
                    zones = try encoder.encode(file.zones)
                    let bounds = EventExpansion.bounds(of: file, local: local)
                    for (event, b) in zip(file.events, bounds) { events.append((b.lo, b.hi, try encoder.encode(event))) }
                }
                let id = nextID
                nextID += 1
                let values: [DatabaseValueConvertible?] = [id, change.path, s.size, s.mtime, s.ctime, s.inode, checked, kind, problem,
                                                           events.count, IndexSchema.checksum(zones)]
                try EntryFacts.insert(db, IndexRow.calendarFiles, values, extra: ("zones", zones))
                for e in events {
                    try EntryFacts.insert(db, IndexRow.calendarEvents, [id, e.lo, e.hi, IndexSchema.checksum(e.data)], extra: ("event", e.data))
                }
            }
        }
    }
}
