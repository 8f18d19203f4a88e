/// Every follow-up action across the journal, soonest due first.
///
/// Built once from loaded entries and queried many times (the CLI once, the TUI on every filter
/// change), so it is a value with no reference to the store.
public struct FollowUpIndex: Sendable {
    /// Every action, sorted by `FollowUpItem.soonestDueFirst`.
    public let items: [FollowUpItem]

    public init(entries: [Entry]) {
        var items: [FollowUpItem] = []
        items.reserveCapacity(entries.count * 2)
        for entry in entries {
            for (i, followUp) in entry.followUps.enumerated() {
                items.append(FollowUpItem(entry: entry, n: i + 1, followUp: followUp))
            }
        }
        self.init(items: items)
    }

    /// The index of `items` given in the order of their entries (as ``init(entries:)`` collects
    /// them, so both give the same order): the index's facts build it so (``FollowUpFacts``).
    public init(items: [FollowUpItem]) {
        // Sorting positions, not the items: an item is ten fields, five of them strings, and a
        // sort that moves them retains and releases each string on every move (a tenth of
        // `debrief followups` on 10,000 entries). Compared through their keys, the integers
        // ``FollowUpItem/soonestDueFirst(_:_:)`` reads first, worked out once per item (a `Day`
        // compares by its ordinal, computed from the date at every comparison: half of sorting
        // 14,000 items); only items whose keys tie read the items themselves.
        let keys = items.map(SortKey.init)
        let order = keys.withUnsafeBufferPointer { k in
            items.withUnsafeBufferPointer { all in
                all.indices.sorted { a, b in
                    let x = k[a], y = k[b]
                    if x.due != y.due { return x.due < y.due }
                    if x.seconds != y.seconds || x.offset != y.offset { return x.seconds < y.seconds }
                    return FollowUpItem.soonestDueFirst(all[a], all[b])
                }
            }
        }
        self.items = order.map { items[$0] }
    }

    /// What ``FollowUpItem/soonestDueFirst(_:_:)`` compares before the entry's id, as integers:
    /// the due day's ordinal (undated after every date) and the event time.
    private struct SortKey {
        var due: Int
        var seconds: Int
        var offset: Int

        init(_ item: FollowUpItem) {
            due = item.due?.ordinal ?? Int.max
            seconds = item.eventTime.seconds
            offset = item.eventTime.utcOffset
        }
    }

    /// The actions `filter` keeps on `today`, optionally only those with `person`.
    ///
    /// `person` matches the action's `who` ignoring case, accents and spacing, and may be part of
    /// it ("ana" finds "Ana Li"): the test `debrief list --person` makes of every name
    /// (``EntryQuery/name(folded:matches:)``).
    public func items(_ filter: FollowUpFilter, today: Day, person: String? = nil) -> [FollowUpItem] {
        let wanted = person?.folded
        return items.filter { item in
            guard filter.includes(item, today: today) else { return false }
            guard let wanted, !wanted.isEmpty else { return true }
            return EntryQuery.name(folded: item.who.folded, matches: wanted)
        }
    }

    /// Open actions whose `who` is exactly `name` once folded: the ones the people index shows.
    public func open(with name: String) -> [FollowUpItem] {
        let key = name.folded
        return items.filter { $0.isOpen && $0.who.folded == key }
    }
}
