import DebriefCore
import DebriefUI

/// One row of a person's view.
struct PersonLine: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case heading
        case text
        case muted
        /// An entry naming them: Enter opens it.
        case entry(String)
        /// A follow-up with them, as the page shows it: Enter opens the entry it came from,
        /// Space, `s` and `D` mark or move it.
        case followUp(FollowUpItem, overdue: Bool)
    }

    var text: String
    var kind: Kind

    /// The entry Enter opens on this row, if any.
    var entryID: String? {
        switch kind {
        case .entry(let id): return id
        case .followUp(let item, _): return item.entryID
        case .heading, .text, .muted: return nil
        }
    }

    /// The follow-up this row shows, if it is one.
    var followUp: FollowUpItem? {
        guard case .followUp(let item, _) = kind else { return nil }
        return item
    }
}

/// A person's view: every note written about them (newest first, each with its event), the
/// entries naming them (newest first), the entries mentioning them with the line that does, and
/// the follow-ups still open with them (soonest due first), as `debrief people show` prints them, with a selection that only rests on rows Enter
/// can open (a note opens the entry it was written in).
struct PersonPage: Equatable, Sendable, MovableSelection {
    /// The folded name, to find the person again after a re-read.
    var key: String
    var name: String
    var lines: [PersonLine]
    /// Selection and scroll over `lines`.
    var list: ListState

    /// Built from the model each time (first showing, read, resize, edit): the person as last
    /// read, each follow-up as `content` now holds it, so a row marked since the read stays
    /// listed (Space undoes it) and shows what was written.
    /// - Parameter width: notes wrap to it, under their day and event.
    init(_ person: PersonSummary, content: PeopleContent, today: Day, width: Int) {
        let headlines = content.headlines
        key = person.key
        name = person.name
        var lines: [PersonLine] = []
        lines.append(PersonLine(text: ([person.meetings] + [person.level, person.relation].compactMap { $0 }).joined(separator: " · "),
                                kind: .text))
        lines.append(PersonLine(text: "", kind: .text))
        lines.append(PersonLine(text: "Notes (\(person.notes.count))" + (person.notes.count > 1 ? ", newest first" : ""), kind: .heading))
        if person.notes.isEmpty {
            lines.append(PersonLine(text: "  None.", kind: .muted))
        }
        for note in person.notes {
            let event = note.entryTitle.isEmpty ? note.entryID : note.entryTitle
            lines.append(PersonLine(text: "  " + note.day.iso + "  " + event, kind: .entry(note.entryID)))
            for row in note.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap({ wrap(String($0), width: max(10, width - 4)) }) {
                lines.append(PersonLine(text: "    " + row, kind: .text))
            }
        }
        lines.append(PersonLine(text: "", kind: .text))
        lines.append(PersonLine(text: "Entries (\(person.entryIDs.count))", kind: .heading))
        for id in person.entryIDs {
            let headline = headlines[id]
            lines.append(PersonLine(text: "  " + (headline?.day.iso ?? "") + "  " + (headline?.title ?? id), kind: .entry(id)))
        }
        // Only when others name them: most people have no mentions, and the follow-ups matter more.
        if !person.mentions.isEmpty {
            lines.append(PersonLine(text: "", kind: .text))
            lines.append(PersonLine(text: "Mentioned in (\(person.mentions.count))" + (person.mentions.count > 1 ? ", newest first" : ""),
                                    kind: .heading))
        }
        for mention in person.mentions {
            lines.append(PersonLine(text: "  " + mention.day.iso + "  " + mention.entryTitle + (mention.imported ? " (imported)" : ""),
                                    kind: .entry(mention.entryID)))
            for row in wrap(mention.line, width: max(10, width - 4)) {
                lines.append(PersonLine(text: "    " + row, kind: .muted))
            }
        }
        lines.append(PersonLine(text: "", kind: .text))
        // The heading counts what is still open, like the follow-ups screen's title.
        let followUps = person.openFollowUps.map(content.current)
        lines.append(PersonLine(text: "Open follow-ups (\(followUps.filter(\.isOpen).count))", kind: .heading))
        if followUps.isEmpty {
            lines.append(PersonLine(text: "  None.", kind: .muted))
        }
        for item in followUps {
            lines.append(Self.followUpLine(item, today: today))
        }
        self.lines = lines
        list = ListState(count: lines.count, selected: lines.firstIndex { $0.entryID != nil })
    }

    /// A follow-up's row: `[ ] 6 days overdue    Send the link`, `[x] done today …` once marked.
    static func followUpLine(_ item: FollowUpItem, today: Day) -> PersonLine {
        let when = item.done.map { $0 == today ? "done today" : "done " + $0.iso } ?? AnswerText.due(item.due, today: today)
        return PersonLine(text: "  " + (item.isOpen ? "[ ] " : "[x] ") + when.fitted(toWidth: 16) + "  " + item.action,
                          kind: .followUp(item, overdue: item.isOverdue(on: today)))
    }

    /// The follow-up on the selected row, if it is one.
    var selectedFollowUp: FollowUpItem? {
        list.selected.flatMap { lines[$0].followUp }
    }

    /// The same person laid out again, keeping the selected row where it still exists: the same
    /// line, or for a follow-up the same one whatever its state now says (the same action of the
    /// same entry, at another position when rows were added or moved in the file meanwhile).
    mutating func refresh(from page: PersonPage, height: Int) {
        let selectedLine = list.selected.map { lines[$0] }
        lines = page.lines
        name = page.name
        list.count = lines.count
        let same = selectedLine.flatMap { old in
            lines.firstIndex(of: old) ?? old.followUp.flatMap { item in
                lines.firstIndex { $0.followUp.map { $0.entryID == item.entryID && $0.who == item.who && $0.action == item.action } == true }
                    ?? lines.firstIndex { $0.followUp?.names(item) == true }
            }
        }
        if let same {
            list.select(same, height: height)
        } else {
            moveToFirst(height: height)
        }
    }

    var selectedEntryID: String? { list.selected.flatMap { lines[$0].entryID } }

    private var openable: [Int] { lines.indices.filter { lines[$0].entryID != nil } }

    mutating func moveDown(height: Int) {
        guard let next = openable.first(where: { $0 > (list.selected ?? -1) }) else { return }
        list.select(next, height: height)
    }

    mutating func moveUp(height: Int) {
        guard let previous = openable.last(where: { $0 < (list.selected ?? 0) }) else {
            moveToFirst(height: height)
            return
        }
        list.select(previous, height: height)
    }

    mutating func pageDown(height: Int) {
        let target = (list.selected ?? 0) + max(1, height - 1)
        guard let next = openable.first(where: { $0 >= target }) ?? openable.last else { return }
        list.select(next, height: height)
    }

    mutating func pageUp(height: Int) {
        let target = (list.selected ?? 0) - max(1, height - 1)
        guard let previous = openable.last(where: { $0 <= target }) else {
            moveToFirst(height: height)
            return
        }
        list.select(previous, height: height)
    }

    /// The first openable row, with the summary above it back in view.
    mutating func moveToFirst(height: Int) {
        list.select(0, height: height)
        if let first = openable.first { list.select(first, height: height) }
    }

    mutating func moveToLast(height: Int) {
        if let last = openable.last { list.select(last, height: height) }
    }
}
