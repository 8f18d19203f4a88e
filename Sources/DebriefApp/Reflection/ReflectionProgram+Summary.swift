import DebriefCore
import DebriefUI

/// The summary before saving: one row per prompt asked, the pitfalls the answers show, and a
/// Save row. Changing an answer is deliberate (move to its row, Enter); saving is Enter on Save,
/// where the summary opens, or Ctrl-S.
extension ReflectionProgram {
    /// The summary's selectable rows: the prompts asked, then Save (at ``summarySaveRow``).
    var summaryPrompts: [Prompt] { askedPrompts }

    var summarySaveRow: Int { summaryPrompts.count }

    /// Shows the summary with the row of catalog prompt `i` selected, or Save when nil.
    mutating func openSummary(at i: Int?) {
        returnToSummary = false
        mode = .summary
        let rows = summaryPrompts
        summarySelection = i.flatMap { i in rows.firstIndex { $0.id == prompts[i].id } } ?? rows.count
    }

    mutating func summaryKey(_ key: Key) -> [Command<Message>] {
        switch Self.summaryKeys.action(for: key) {
        case .save?: return save()
        case .leave?: return askToLeave()
        case .help?:
            showsHelp = true
            return []
        default: break
        }
        let rows = summaryPrompts
        switch key {
        case .up: summarySelection = max(0, min(summarySelection, rows.count) - 1)
        case .down: summarySelection = min(rows.count, summarySelection + 1)
        case .home: summarySelection = 0
        case .end: summarySelection = rows.count
        case .enter:
            guard summarySelection < rows.count else { return save() }
            let id = rows[summarySelection].id
            guard let i = prompts.firstIndex(where: { $0.id == id }) else { return [] }
            mode = .prompting
            enter(i)
            returnToSummary = true
        case .backTab, .left:
            guard let last = askedIndices.last else { return [] }
            mode = .prompting
            enter(last)
        default: break
        }
        return []
    }
}
