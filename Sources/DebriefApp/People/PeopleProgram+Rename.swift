import DebriefCore
import DebriefUI

/// Tidying names from the people list: `R` renames the selected person, Space marks people and
/// `M` merges the marked ones, in every entry that names them (the core's ``NameChange``: only
/// the `name`/`who` lines and `updated:` change, one atomic write per file, a file changed
/// meanwhile skipped and named). `+`/`-` change after how many days someone is cold: a setting
/// of the run (``Command/remember(_:then:)``), also written to debrief's state file.
extension PeopleProgram {
    /// The new name `R` or `M` asks for in the status line.
    struct NamePrompt: Equatable, Sendable {
        /// The people whose every spelling becomes the typed name.
        var people: [PersonSummary]
        var editor: TextEditor
        var problem: String?

        var merging: Bool { people.count > 1 }

        /// The question, whose names are shortened on a narrow line, the typed name and the note.
        var line: PromptLine {
            PromptLine(head: merging ? "Merge " : "Rename ",
                       subject: merging ? people.map(\.name).joined(separator: ", ") : people.first?.name ?? "",
                       tail: merging ? " into: " : " to: ", text: editor.text,
                       note: problem ?? (merging ? "Enter merges them, Esc cancels" : "Enter renames in every entry, Esc cancels"),
                       isProblem: problem != nil,
                       shorterNotes: problem != nil ? [] : [merging ? "Enter merges" : "Enter renames"])
        }

        /// What a merge will do, listed above the prompt before anything is written: each marked
        /// person whole (the prompt line shortens their names) with when they were met, and the
        /// name they all become. Marking the wrong two shows here, not after the write.
        func mergePanel(width: Int, height: Int) -> [String] {
            guard merging, height >= 3 else { return [] }
            let target = editor.text.trimmingCharacters(in: .whitespaces)
            let nameWidth = min(people.map(\.name.displayWidth).max() ?? 0, max(10, width - 22))
            var lines = ["Merge these \(people.count) people into one:"]
            // What happens is said whole, wrapped: at 50 columns it was cut before "Enter".
            let outcome = wrap(target.isEmpty ? "Type the name they become; nothing is written before Enter."
                               : "→ all become “\(target)”; nothing is written before Enter.", width: max(10, width))
            let room = height - 1 - outcome.count
            let shown = people.count <= room ? people : Array(people.prefix(max(0, room - 1)))
            for person in shown {
                let detail = [person.meetings, person.level].compactMap { $0 }.joined(separator: " · ")
                lines.append("  " + person.name.truncated(toWidth: nameWidth).padded(toWidth: nameWidth) + "  " + detail)
            }
            if shown.count < people.count { lines.append("  …and \(people.count - shown.count) more") }
            lines += outcome
            return lines.map { $0.truncated(toWidth: width) }
        }
    }

    /// The days `+`/`-` step through.
    static let coldDayChoices = [7, 14, 30, 60, 90, 120, 180, 270, 365]

    mutating func startNameChange(merging: Bool) {
        guard let content else { return }
        let people: [PersonSummary]
        if merging {
            people = content.index.people.filter { marked.contains($0.key) }
            guard people.count >= 2 else {
                status = "Space marks the people to merge (two or more), then M merges them"
                return
            }
        } else {
            guard let person = selectedPerson else { return }
            people = [person]
        }
        // The merge's name starts as the spelling of whoever is named most often.
        let start = people.max { $0.met < $1.met }?.name ?? ""
        namePrompt = NamePrompt(people: people, editor: TextEditor(text: start, multiline: false, width: width))
    }

    /// Keys while `R` or `M` asks for the name: Enter renames, Esc closes the prompt.
    mutating func handleNamePromptKey(_ key: Key) -> [Command<Message>] {
        guard var prompt = namePrompt else { return [] }
        switch key {
        case .escape, .ctrl("c"):
            namePrompt = nil
            return []
        case .enter:
            let name = prompt.editor.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, content != nil else {
                prompt.problem = "type the name to write"
                namePrompt = prompt
                return []
            }
            namePrompt = nil
            // After the read that follows the write, the cursor is on the person they became.
            selectAfterRead = name.folded
            let change = NameChange(from: prompt.people.map(\.name), to: name)
            let store = cache.store
            let now = clock.timestamp
            status = "Renaming…"
            // The screen holds no entries: the rename plans over the journal read now, as
            // `debrief people rename` does (a file changed since is skipped and named).
            return [.perform {
                .renamed(change, Result { () throws(StoreError) in
                    try store.write(store.plan(change, entries: store.loadAll().entries, now: now))
                })
            }]
        default:
            prompt.problem = nil
            _ = prompt.editor.handle(key)
            namePrompt = prompt
            return []
        }
    }

    /// The summary of a rename, then the journal read again so the list shows the new names.
    mutating func renamed(_ change: NameChange, _ outcome: Result<NameChangeOutcome, StoreError>) -> [Command<Message>] {
        switch outcome {
        case .success(let done):
            let verb = change.from.count > 1 ? "Merged into" : "Renamed to"
            if done.written.isEmpty, done.skipped.isEmpty, done.refused.isEmpty {
                status = "Nothing to change: every mention is already “\(change.to)”"
                return []
            }
            status = "\(verb) “\(change.to)” \(NameChange.extent(done.written))"
            if !done.skipped.isEmpty {
                let names = done.skipped.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }.joined(separator: ", ")
                status? += "; skipped, changed on disk meanwhile (nothing written there): \(names). R again to finish."
            }
            if let refusal = done.refused.first {
                let more = done.refused.count > 1 ? " (and \(done.refused.count - 1) more)" : ""
                status? += "; not written: \(refusal.file.path)\(more): \(refusal.reason)"
            }
            marked = []
        case .failure(let error):
            status = "Not renamed: \(error.description)"
            selectAfterRead = nil
        }
        return read()
    }

    /// `+`/`-`: the next longer or shorter choice of days, remembered in the state file.
    mutating func changeColdDays(longer: Bool) -> [Command<Message>] {
        let choices = Self.coldDayChoices
        let next = longer ? choices.first { $0 > coldDays } ?? coldDays : choices.last { $0 < coldDays } ?? coldDays
        guard next != coldDays else {
            status = "Cold after \(coldDays) days is the \(longer ? "longest" : "shortest") choice"
            return []
        }
        coldDays = next
        if !showCold { showCold = true }
        refilter(keeping: selectedPerson?.key)
        return [.remember(.coldDays(next), then: { .remembered(days: next, error: $0) })]
    }
}
