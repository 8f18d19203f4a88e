import DebriefCore
import DebriefUI

/// What keys do on the list and in the detail view.
extension BrowseProgram {
    mutating func handleListKey(_ key: Key) -> [Command<Message>] {
        guard var action = BrowseKeys.list.action(for: key) else { return [] }
        if action == .nextMatch, key == .char("N") { action = .previousMatch }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: list.move(action, height: listHeight)
        case .open:
            guard let i = selectedEntryIndex else { return [] }
            openDetail(entries[i])
        case .search:
            prompt = .search(TextEditor(text: "", multiline: false, width: width), origin: list.selected)
        case .nextMatch: jumpToMatchInList(forward: true, from: list.selected ?? 0, skipCurrent: true)
        case .previousMatch: jumpToMatchInList(forward: false, from: list.selected ?? 0, skipCurrent: true)
        case .filter:
            prompt = .filter(TextEditor(text: filter.text, multiline: false, width: width), error: nil)
        case .clearFilter:
            guard !filter.isEmpty else { return [] }
            filter = BrowseFilter()
            refilter(keeping: selectedEntryIndex.map { entries[$0].id })
        case .guidedEdit:
            guard let i = selectedEntryIndex else { return [] }
            return [.open(.editEntry(entries[i].id))]
        case .editFile:
            guard let i = selectedEntryIndex else { return [] }
            return editFile(entries[i])
        case .delete:
            guard let i = selectedEntryIndex else { return [] }
            prompt = .confirmDelete(entries[i].id)
        case .undo: return undoTrash()
        case .reload:
            status = "Reloaded"
            return reload()
        case .review:
            return [.open(.review)]
        case .help: showHelp = true
        case .quit: return [.back]
        case .interrupt: return [.quit(Interrupt.status)]
        case .back, .nextFollowUp, .previousFollowUp, .toggleFollowUp, .rescheduleFollowUp, .followUpDoneOn: break
        }
        return []
    }

    mutating func openDetail(_ entry: Entry) {
        // No follow-up is selected until Tab picks one, so the first Tab selects the first.
        var state = DetailState(id: entry.id, scroll: 0, followUp: nil)
        if !query.isEmpty, let first = detailLines(for: entry).firstIndex(where: { SearchMatch.lineMatches($0.text, query: query) }),
           first >= detailHeight {
            state.scroll = first
        }
        screen = .detail(state)
    }

    /// Scrolls the detail so its selected follow-up is in view (half way down when it was not);
    /// a follow-up the entry no longer has is unselected.
    mutating func revealSelectedFollowUp() {
        guard case .detail(var state) = screen, let n = state.followUp, let i = index(of: state.id) else { return }
        let lines = detailLines(for: entries[i])
        if let row = lines.firstIndex(where: { $0.kind == .followUp(n) }) {
            if row < state.scroll || row >= state.scroll + detailHeight {
                state.scroll = min(max(0, lines.count - detailHeight), max(0, row - detailHeight / 2))
            }
        } else {
            state.followUp = nil
        }
        screen = .detail(state)
    }

    mutating func handleDetailKey(_ key: Key, state: DetailState) -> [Command<Message>] {
        guard var action = BrowseKeys.detail.action(for: key), let i = index(of: state.id) else {
            // The entry is gone: an entry's own screen leaves on its way back; the browser lists.
            if index(of: state.id) == nil {
                if !standalone { screen = .list }
                if standalone, BrowseKeys.detail.action(for: key) == .back { return [.back] }
            }
            return []
        }
        if action == .nextMatch, key == .char("N") { action = .previousMatch }
        if action == .nextFollowUp, key == .backTab { action = .previousFollowUp }
        let entry = entries[i]
        let lines = detailLines(for: entry)
        let maxScroll = max(0, lines.count - detailHeight)
        var state = state
        switch action {
        case .up: state.scroll = max(0, state.scroll - 1)
        case .down: state.scroll = min(maxScroll, state.scroll + 1)
        case .pageUp: state.scroll = max(0, state.scroll - max(1, detailHeight - 1))
        case .pageDown: state.scroll = min(maxScroll, state.scroll + max(1, detailHeight - 1))
        case .first: state.scroll = 0
        case .last: state.scroll = maxScroll
        case .nextFollowUp, .previousFollowUp:
            let count = entry.followUps.count
            guard count > 0 else { status = "This entry has no follow-ups"; break }
            if let current = state.followUp {
                state.followUp = (current - 1 + (action == .nextFollowUp ? 1 : count - 1)) % count + 1
            } else {
                state.followUp = action == .nextFollowUp ? 1 : count
            }
            if let row = lines.firstIndex(where: { $0.kind == .followUp(state.followUp ?? 1) }),
               row < state.scroll || row >= state.scroll + detailHeight {
                state.scroll = min(maxScroll, max(0, row - detailHeight / 2))
            }
        case .toggleFollowUp, .rescheduleFollowUp, .followUpDoneOn:
            guard !entry.followUps.isEmpty else {
                status = "This entry has no follow-ups"
                break
            }
            guard let n = state.followUp, entry.followUps.indices.contains(n - 1), let act = action.followUpAct else {
                status = "Tab selects a follow-up; then Space marks it, s reschedules it"
                break
            }
            let step = editor.begin(act, on: FollowUpItem(entry: entry, n: n, followUp: entry.followUps[n - 1]), entry: entry,
                                    reading: false, store: store, clock: clock)
            screen = .detail(state)
            return followUpStep(step)
        case .search:
            prompt = .search(TextEditor(text: "", multiline: false, width: width), origin: state.scroll)
        case .nextMatch, .previousMatch:
            if let hit = jumpToMatchInDetail(lines, from: state.match ?? (state.scroll - 1), forward: action == .nextMatch) {
                state.match = hit
                state.scroll = min(hit, maxScroll)
            }
        case .editFile: return editFile(entry)
        case .guidedEdit:
            return [.open(.editEntry(entry.id))]
        case .help: showHelp = true
        case .back:
            if standalone { return [.back] }
            screen = .list
            // Another program may have changed the journal meanwhile; the cache reads only the
            // files that changed (and any not read yet).
            return reload()
        default: break
        }
        screen = .detail(state)
        return []
    }

    /// The detail rows of an entry at the current width, with the verdicts judged in `update`
    /// (``judgeDetail()``) when they are this entry's.
    func detailLines(for entry: Entry) -> [DetailLine] {
        detailLines(for: entry, width: width)
    }

    func detailLines(for entry: Entry, width: Int) -> [DetailLine] {
        let today = clock.today
        let flags = detailFlags.flatMap { $0.entry == entry && $0.today == today ? $0.flags : nil }
            ?? detector.flags(for: entry, asOf: today)
        return DetailDocument.lines(for: entry, catalog: catalog, flags: flags, today: today, width: width)
    }

    /// Judges the entry the detail view shows, when it is not judged yet as it is now (after
    /// every event: an entry opened, re-read or edited, a new day).
    mutating func judgeDetail() {
        guard case .detail(let state) = screen, let i = index(of: state.id) else {
            detailFlags = nil
            return
        }
        let entry = entries[i], today = clock.today
        guard detailFlags?.entry != entry || detailFlags?.today != today else { return }
        detailFlags = DetailFlags(entry: entry, today: today, flags: detector.flags(for: entry, asOf: today))
    }
}
