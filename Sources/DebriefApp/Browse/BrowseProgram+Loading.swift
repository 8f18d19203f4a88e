import DebriefCore
import DebriefUI

/// Loading a large journal without holding back the first frame: the newest page is read before
/// the first paint, the rest in chunks on idle ticks and with each key (a debug build decodes ~4 entries per ms,
/// so 10,000 entries up front delayed the first screen by seconds).
extension BrowseProgram {
    /// Entries read per idle tick.
    static let chunkSize = 400

    /// A browser that has read only the newest `firstPage` entries of the scan's refs (newest
    /// first); the rest arrive a chunk per `.tick` event and per key, or all at once before a
    /// search, a filter or a jump to the end. Files the scan did not count are in the warning
    /// from the first frame.
    public init(store: JournalStore, catalog: Catalog, clock: Clock, scan: JournalScan, firstPage: Int,
                cache: JournalCache? = nil) {
        self.init(store: store, catalog: catalog, clock: clock, loading: (), cache: cache)
        var first = self.cache.load(Array(scan.refs.prefix(firstPage)))
        first.problems = scan.problems + first.problems
        apply(first)
        pending = Array(scan.refs.dropFirst(firstPage))
    }

    /// The next chunk to read (on an idle tick, and after each key), if any is left. Read
    /// through the session's cache, which then knows these files when the journal is read again.
    func loadNextChunk() -> [Command<Message>] {
        guard !pending.isEmpty else { return [] }
        let chunk = Array(pending.prefix(Self.chunkSize))
        let cache = self.cache
        return [.perform { .chunk(cache.load(chunk), of: chunk) }]
    }

    /// Appends the entries of `refs`, read in the background of the user's idle time, when they
    /// are still the next pending ones: a reload that arrived first (`R`, back from an entry)
    /// has read them already, and they must not be listed twice.
    mutating func append(_ snapshot: JournalSnapshot, of refs: [EntryRef]) {
        guard !refs.isEmpty, pending.starts(with: refs) else { return }
        pending.removeFirst(refs.count)
        let selectedID = selectedEntryIndex.map { entries[$0].id }
        let today = clock.today
        let start = entries.count
        entries += snapshot.entries
        rows += snapshot.entries.map { row(for: $0, today: today) }
        if haystacks != nil {
            haystacks? += entries[start...].map { EntryQuery.searchText($0, catalog: catalog) }
        }
        problems += snapshot.problems.count
        refilter(keeping: selectedID)
    }

    /// Asks for everything still pending, then handles `key` (a search, a filter, a jump to the
    /// end), which needs the whole journal, when it has arrived: `update` itself reads nothing.
    func readRest(then key: Key) -> [Command<Message>] {
        let rest = pending
        let cache = self.cache
        return [.perform { .rest(cache.load(rest), of: rest, then: key) }]
    }
}
