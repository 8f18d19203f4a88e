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
/// Every row carries a checksum over the columns a query reads; a row that does not match is not
/// trusted and its file is read again.
extension JournalIndex: CalendarIndexing {
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
        var zones: Data
    }

    private static let eventsKind = 0, debriefsKind = 1, unreadableKind = 2

    private func calendarRefresh(_ queue: DatabaseQueue, refs: [CalendarFileRef], from: Int, to: Int,
                                 local: TimeZone) throws -> [CalendarFiles.Read] {
        let checked = FileSignature.now()
        var known: [String: KnownCalendar] = [:]
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path, size, mtime, ctime, inode, checked, kind, problem, zones, sum FROM calendar_files")
            while let row = try rows.next() {
                let path: String = row[1]
                var signature = FileSignature(size: row[2], mtime: row[3], ctime: row[4], inode: row[5])
                let k = KnownCalendar(id: row[0], signature: signature, checked: row[6], kind: row[7], problem: row[8], zones: row[9])
                let sum: Int64 = row[10]
                if sum != Self.calendarFileSum(path: path, k) {
                    // Damaged: proves nothing; the file is read again and the row rewritten.
                    signature.size = -1
                }
                known[path] = KnownCalendar(id: k.id, signature: signature, checked: k.checked, kind: k.kind, problem: k.problem, zones: k.zones)
            }
        }
        var reads = [CalendarFiles.Read?](repeating: nil, count: refs.count)
        var fresh: [Int64: Int] = [:]
        var changes: [(index: Int, signature: FileSignature?, known: Int64?)] = []
        let listed = Set(refs.map(\.path))
        for (i, ref) in refs.enumerated() {
            let signature = FileSignature(path: ref.path)
            if let signature, let k = known[ref.path], k.signature == signature, !signature.isRacy(checked: k.checked, margin: racyMargin) {
                switch k.kind {
                case Self.debriefsKind: reads[i] = .debriefs
                case Self.unreadableKind: reads[i] = .unreadable(EntryProblem(path: ref.path, line: 1, reason: k.problem ?? "cannot be read"))
                default: fresh[k.id] = i
                }
            } else {
                changes.append((i, signature, known[ref.path]?.id))
            }
        }
        let gone = known.filter { !listed.contains($0.key) }.map(\.value.id)

        // The events of unchanged files near the window, their checksums verified.
        var selected: [Int64: [Data]] = [:]
        var damaged = Set<Int64>()
        if !fresh.isEmpty {
            try queue.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT file, lo, hi, event, sum FROM calendar_events WHERE lo < ? AND hi > ?",
                                               arguments: [to + EventExpansion.boundsMargin, from - EventExpansion.boundsMargin])
                while let row = try rows.next() {
                    let file: Int64 = row[0]
                    guard fresh[file] != nil else { continue }
                    let event: Data = row[3]
                    let sum: Int64 = row[4]
                    if sum != Self.calendarEventSum(file: file, lo: row[1], hi: row[2], event: event) {
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
                changes.append((index, FileSignature(path: refs[index].path), id))
                continue
            }
            var file = CalendarFile()
            do {
                file.zones = try decoder.decode(CalendarZones.self, from: k.zones)
                file.events = try (selected[id] ?? []).map { try decoder.decode(CalendarEvent.self, from: $0) }
                reads[index] = .events(file)
            } catch {
                changes.append((index, FileSignature(path: refs[index].path), id))
            }
        }
        Trace.mark("index: \(refs.count) calendar files checked, \(changes.count) to read, \(selected.values.map(\.count).reduce(0, +)) cached events near the window")

        // Read what changed, and record it (a failed write leaves the index as it was).
        let read = changes.concurrentMap(minimum: 64) { change in CalendarFiles.read(refs[change.index]) }
        for (change, r) in zip(changes, read) { reads[change.index] = r }
        if (!changes.isEmpty || !gone.isEmpty), !isReadOnly {
            do {
                try recordCalendars(queue, changes: changes.map { ($0.signature, $0.known, refs[$0.index].path) }, read: read,
                                    gone: gone, checked: checked, local: local)
            } catch {
                markReadOnly()
                Trace.mark("index: calendars not recorded (\(error))")
            }
        }
        return reads.map { $0 ?? .unreadable(EntryProblem(path: "", line: 1, reason: "not read")) }
    }

    private func recordCalendars(_ queue: DatabaseQueue, changes: [(signature: FileSignature?, known: Int64?, path: String)],
                                 read: [CalendarFiles.Read], gone: [Int64], checked: Int64, local: TimeZone) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try queue.write { db in
            for id in gone {
                try db.execute(sql: "DELETE FROM calendar_events WHERE file = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM calendar_files WHERE id = ?", arguments: [id])
            }
            for (change, result) in zip(changes, read) {
                if let id = change.known {
                    try db.execute(sql: "DELETE FROM calendar_events WHERE file = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM calendar_files WHERE id = ?", arguments: [id])
                }
                // A file gone since it was listed, or one that cannot be stat'ed: not cached.
                guard let s = change.signature else { continue }
                var k = KnownCalendar(id: 0, signature: s, checked: checked, kind: Self.eventsKind, problem: nil, zones: Data("{}".utf8))
                var events: [(lo: Int, hi: Int, data: Data)] = []
                switch result {
                case .debriefs: k.kind = Self.debriefsKind
                case .unreadable(let problem):
                    k.kind = Self.unreadableKind
                    k.problem = problem.reason
                case .events(let file):
                    k.zones = try encoder.encode(file.zones)
                    let bounds = EventExpansion.bounds(of: file, local: local)
                    for (event, b) in zip(file.events, bounds) { events.append((b.lo, b.hi, try encoder.encode(event))) }
                }
                try db.execute(sql: """
                    INSERT INTO calendar_files(path, size, mtime, ctime, inode, checked, kind, problem, zones, sum)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [change.path, s.size, s.mtime, s.ctime, s.inode, checked, k.kind, k.problem, k.zones,
                                     Self.calendarFileSum(path: change.path, k)])
                let file = db.lastInsertedRowID
                for e in events {
                    try db.execute(sql: "INSERT INTO calendar_events(file, lo, hi, event, sum) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [file, e.lo, e.hi, e.data, Self.calendarEventSum(file: file, lo: e.lo, hi: e.hi, event: e.data)])
                }
            }
        }
    }

    private static func calendarFileSum(path: String, _ k: KnownCalendar) -> Int64 {
        let s = k.signature
        let head = "calendar|\(path)|\(s.size)|\(s.mtime)|\(s.ctime)|\(s.inode)|\(k.checked)|\(k.kind)|\(k.problem ?? "")|"
        return IndexSchema.checksum(Array(head.utf8) + Array(k.zones))
    }

    private static func calendarEventSum(file: Int64, lo: Int, hi: Int, event: Data) -> Int64 {
        IndexSchema.checksum(Array("event|\(file)|\(lo)|\(hi)|".utf8) + Array(event))
    }
}
