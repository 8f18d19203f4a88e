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
/// JSON through `zones_sum`/`event_sum`). Every file row is checked; the window narrows by a
/// file's span (`lo`, `hi`: under its row's sum), and every event row of a file it keeps is
/// checked and counted against the file's `events` before the window narrows them further; a
/// file with any row that does not match is read again and its rows rewritten. (Checking every
/// event row of every file made a warm `pending` over 5,000 files read them all each time.)
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
        var zonesSum: Int64
        /// Whether the span of its events (`lo`, `hi`) reaches the window widened by the margin.
        var near: Bool
    }

    private static let eventsKind = 0, debriefsKind = 1, unreadableKind = 2

    /// One read: every file row (small: the zones and events are elsewhere or read only for files
    /// near the window), checked against its sum; then every event row of the unchanged files
    /// whose span reaches the window, each checked against its sum and counted against its file's
    /// `events`, and the bytes of those whose own span reaches it. A file's span is under its row's
    /// sum, so the event rows of a file far from the window are never needed: damage there
    /// cannot change this answer, and the rows are checked when a window reaches them.
    private func calendarRefresh(_ queue: DatabaseQueue, refs: [CalendarFileRef], from: Int, to: Int,
                                 local: TimeZone) throws -> [CalendarFiles.Read] {
        let checked = FileStat.now()
        let low = from - EventExpansion.boundsMargin, high = to + EventExpansion.boundsMargin
        // The walk's stat when it took one (no second stat of every file).
        let signatures = refs.map { ref in ref.stat.map(FileSignature.init) ?? FileSignature(path: ref.path) }
        var reads = [CalendarFiles.Read?](repeating: nil, count: refs.count)
        var changes: [(index: Int, signature: FileSignature?)] = []
        var gone: [String] = []
        var selected = 0
        // Per unchanged file of events near the window: its ref's index, zones and events.
        var near: [Int64: (index: Int, events: Int, zonesSum: Int64, zones: Data?, rows: Int, damaged: Bool, json: [Data])] = [:]
        try queue.read { db in
            var known: [String: KnownCalendar] = [:]
            let table = IndexRow.calendarFiles
            let files = try db.makeStatement(sql: "SELECT \(table.columns.joined(separator: ", ")), sum FROM calendar_files")
            let rows = try Row.fetchCursor(files)
            while let row = try rows.next() {
                // Summed in place first (``IndexRow/sum(columns:of:)``: no value array per row).
                let intact = IndexRow.sum(columns: table.columns.count, of: files) == row[table.columns.count] as Int64
                var signature = FileSignature(size: row[2], mtime: row[3], ctime: row[4], inode: row[5])
                if !intact {
                    // Damaged: proves nothing; the file is read again and its rows rewritten.
                    signature.size = -1
                }
                let lo: Int64 = row[11], hi: Int64 = row[12]
                known[row[1]] = KnownCalendar(id: row[0], signature: signature, checked: row[6], kind: row[7], problem: row[8],
                                              events: row[9], zonesSum: row[10], near: lo < high && hi > low)
            }
            let listed = Set(refs.map(\.path))
            gone = known.keys.filter { !listed.contains($0) }
            for (i, ref) in refs.enumerated() {
                guard let signature = signatures[i], let k = known[ref.path], k.signature == signature,
                      !signature.isRacy(checked: k.checked, margin: racyMargin) else {
                    changes.append((i, signatures[i]))
                    continue
                }
                switch k.kind {
                case Self.debriefsKind: reads[i] = .debriefs
                case Self.unreadableKind: reads[i] = .unreadable(EntryProblem(path: ref.path, line: 1, reason: k.problem ?? "cannot be read"))
                default:
                    if k.near {
                        near[k.id] = (i, k.events, k.zonesSum, nil, 0, false, [])
                    } else {
                        reads[i] = .events(CalendarFile())
                    }
                }
            }
            guard !near.isEmpty else { return }
            let zones = try Row.fetchCursor(db, sql: "SELECT id, zones FROM calendar_files WHERE lo < ? AND hi > ?", arguments: [high, low])
            while let row = try zones.next() {
                let id: Int64 = row[0]
                guard near[id] != nil else { continue }
                near[id]?.zones = row[1]
            }
            let columns = IndexRow.calendarEvents.columns
            let statement = try db.makeStatement(sql: """
                SELECT \(columns.joined(separator: ", ")), sum, CASE WHEN lo < ? AND hi > ? THEN event END FROM calendar_events
                WHERE file IN (SELECT id FROM calendar_files WHERE lo < ? AND hi > ?)
                """)
            let events = try Row.fetchCursor(statement, arguments: [high, low, high, low])
            while let row = try events.next() {
                let intact = IndexRow.sum(columns: columns.count, of: statement) == row[columns.count] as Int64
                let file: Int64 = row[0]
                guard near[file] != nil else { continue }
                near[file]?.rows += 1
                guard intact else {
                    near[file]?.damaged = true
                    continue
                }
                guard let event = row[columns.count + 1] as Data? else { continue }
                let eventSum: Int64 = row[3]
                guard eventSum == IndexSchema.checksum(event) else {
                    near[file]?.damaged = true
                    continue
                }
                near[file]?.json.append(event)
            }
        }
        // A file's rows that do not all match (a damaged or lost row, one moved from another file)
        // or zones that do not: read again.
        let decoder = JSONDecoder()
        var decodedZones: [Int64: (data: Data, zones: CalendarZones)] = [:]
        for (_, n) in near {
            guard !n.damaged, n.rows == n.events, let data = n.zones, IndexSchema.checksum(data) == n.zonesSum else {
                changes.append((n.index, signatures[n.index]))
                continue
            }
            var file = CalendarFile()
            do {
                // Files of one calendar program carry the same zones: decoded once.
                if let known = decodedZones[n.zonesSum], known.data == data {
                    file.zones = known.zones
                } else {
                    file.zones = try decoder.decode(CalendarZones.self, from: data)
                    decodedZones[n.zonesSum] = (data, file.zones)
                }
                file.events = try n.json.map { data in try data.withUnsafeBytes { try CalendarEvent(compact: $0) } }
                selected += file.events.count
                reads[n.index] = .events(file)
            } catch {
                changes.append((n.index, signatures[n.index]))
            }
        }
        changes.sort { $0.index < $1.index }
        Trace.mark("index: \(refs.count) calendar files checked, \(changes.count) to read, \(selected) cached events near the window")

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
            try db.cachedStatement(sql: "DELETE FROM calendar_events WHERE file IN (SELECT id FROM calendar_files WHERE path = ?)")
                .execute(arguments: [path])
            try db.cachedStatement(sql: "DELETE FROM calendar_files WHERE path = ?").execute(arguments: [path])
        }
        // Files of one calendar program carry the same zones: encoded once.
        var zonesJSON: [CalendarZones: Data] = [:]
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
                    if let known = zonesJSON[file.zones] {
                        zones = known
                    } else {
                        zones = try encoder.encode(file.zones)
                        zonesJSON[file.zones] = zones
                    }
                    let bounds = EventExpansion.bounds(of: file, local: local)
                    for (event, b) in zip(file.events, bounds) { events.append((b.lo, b.hi, Data(event.compact))) }
                }
                let id = nextID
                nextID += 1
                // The span of all its events (none: a span no window reaches).
                let lo = events.map(\.lo).min() ?? Int.max, hi = events.map(\.hi).max() ?? Int.min
                let values: [DatabaseValueConvertible?] = [id, change.path, s.size, s.mtime, s.ctime, s.inode, checked, kind, problem,
                                                           events.count, IndexSchema.checksum(zones), lo, hi]
                try EntryFacts.insert(db, IndexRow.calendarFiles, values, extra: ("zones", zones))
                for e in events {
                    try EntryFacts.insert(db, IndexRow.calendarEvents, [id, e.lo, e.hi, IndexSchema.checksum(e.data)], extra: ("event", e.data))
                }
            }
        }
    }
}
