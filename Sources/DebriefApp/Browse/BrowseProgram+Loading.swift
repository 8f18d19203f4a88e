import DebriefCore

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
    public init(store: JournalStore, catalog: Catalog, clock: Clock, scan: JournalScan, firstPage: Int) {
        self.init(store: store, catalog: catalog, clock: clock, loading: ())
        // The signature of the files about to be read (a stat each: ~10 ms for 10,000), so coming
        // back to the list re-reads the journal only when something changed.
        var first = store.load(Array(scan.refs.prefix(firstPage)))
        first.problems = scan.problems + first.problems
        apply(first, signature: JournalSignature.of(store))
        pending = Array(scan.refs.dropFirst(firstPage))
    }

    /// The next chunk to read on an idle tick, if any is left.
    func loadNextChunk() -> [Command<Message>] {
        guard !pending.isEmpty else { return [] }
        let chunk = Array(pending.prefix(Self.chunkSize))
        let store = self.store
        return [.perform { .chunk(store.load(chunk), count: chunk.count) }]
    }

    /// Appends a chunk read in the background of the user's idle time.
    mutating func append(_ snapshot: JournalSnapshot, count: Int) {
        pending.removeFirst(min(count, pending.count))
        let selectedID = selectedEntryIndex.map { entries[$0].id }
        let today = clock.today
        let start = entries.count
        entries += snapshot.entries
        rows += snapshot.entries.map { BrowseRow($0, detector: detector, today: today) }
        if haystacks != nil {
            haystacks? += entries[start...].map { SearchMatch.haystack($0, catalog: catalog) }
        }
        problems += snapshot.problems.count
        refilter(keeping: selectedID)
    }

    /// Reads everything still pending now, before an action that needs the whole journal.
    mutating func finishLoading() {
        guard !pending.isEmpty else { return }
        append(store.load(pending), count: pending.count)
    }
}
