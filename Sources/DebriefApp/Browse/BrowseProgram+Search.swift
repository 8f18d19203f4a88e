import DebriefCore
import DebriefUI

/// The `/` search, the `F` filter prompt, the delete confirmation and the broken-edit choice:
/// the one-line prompts that take the keyboard until they are answered.
extension BrowseProgram {
    mutating func handlePromptKey(_ key: Key) -> [Command<Message>] {
        switch prompt {
        case .search(var editor, let origin)?:
            switch key {
            case .enter:
                prompt = nil
                query = editor.text
                if query.folded.isEmpty { status = nil }
            case .escape:
                prompt = nil
                restore(origin: origin)
            default:
                editor.handle(key)
                prompt = .search(editor, origin: origin)
                incrementalSearch(editor.text, origin: origin)
            }
            return []
        case .filter(var editor, _)?:
            switch key {
            case .enter:
                switch BrowseFilter.parse(editor.text, clock: clock) {
                case .success(let parsed):
                    prompt = nil
                    filter = parsed
                    refilter(keeping: selectedEntryIndex.map { entries[$0].id })
                    status = visible.isEmpty ? "No entry matches the filter; x clears it" : nil
                case .failure(let error):
                    prompt = .filter(editor, error: error.message)
                }
            case .escape:
                prompt = nil
            default:
                editor.handle(key)
                prompt = .filter(editor, error: nil)
            }
            return []
        case .confirmDelete(let id)?:
            prompt = nil
            guard key == .char("y") || key == .char("Y"), let i = index(of: id) else {
                status = "Not deleted"
                return []
            }
            screen = .list
            return trash(entries[i])
        case .invalidEdit(let pending, _)?:
            switch key {
            case .char("e"):
                return [.editFile(pending.path, then: { .edited(pending, $0) })]
            case .char("r"):
                return restorePrevious(pending)
            default:
                return []
            }
        case nil:
            return []
        }
    }

    private mutating func restore(origin: Int?) {
        switch screen {
        case .list:
            if let origin { list.select(origin, height: listHeight) }
        case .detail(var state):
            state.scroll = origin ?? state.scroll
            screen = .detail(state)
        }
    }

    /// Each keystroke moves to the first match at or after where the search started.
    private mutating func incrementalSearch(_ text: String, origin: Int?) {
        query = text
        switch screen {
        case .list:
            jumpToMatchInList(forward: true, from: origin ?? 0, skipCurrent: false)
        case .detail(var state):
            guard let i = index(of: state.id) else { return }
            let lines = detailLines(for: entries[i])
            let maxScroll = max(0, lines.count - detailHeight)
            if let hit = (lines.indices.first { $0 >= (origin ?? 0) && SearchMatch.lineMatches(lines[$0].text, query: text) }) {
                state.scroll = min(hit, maxScroll)
                state.match = hit
                status = nil
            } else if !text.folded.isEmpty {
                status = "No match for “\(text)”"
            }
            screen = .detail(state)
        }
    }

    /// Selects the next (or previous) visible entry whose text contains the query, wrapping around.
    mutating func jumpToMatchInList(forward: Bool, from start: Int, skipCurrent: Bool) {
        guard !query.folded.isEmpty else {
            status = query.isEmpty && prompt == nil ? "Search with / first" : nil
            return
        }
        if haystacks == nil { haystacks = entries.map { EntryQuery.searchText($0, catalog: catalog) } }
        guard let haystacks, !visible.isEmpty else { return }
        let folded = query.folded
        let n = visible.count
        for step in (skipCurrent ? 1 : 0)...n {
            let position = ((forward ? start + step : start - step) % n + n) % n
            if SearchMatch.matches(haystacks[visible[position]], folded: folded) {
                list.select(position, height: listHeight)
                status = nil
                return
            }
        }
        status = "No match for “\(query)”"
    }

    /// The next (or previous) matching row after `current`, wrapping around; nil when none.
    mutating func jumpToMatchInDetail(_ lines: [DetailLine], from current: Int, forward: Bool) -> Int? {
        guard !query.folded.isEmpty else {
            status = "Search with / first"
            return nil
        }
        let hits = lines.indices.filter { SearchMatch.lineMatches(lines[$0].text, query: query) }
        guard let first = hits.first, let last = hits.last else {
            status = "No match for “\(query)” in this entry"
            return nil
        }
        return forward ? (hits.first { $0 > current } ?? first) : (hits.last { $0 < current } ?? last)
    }
}
