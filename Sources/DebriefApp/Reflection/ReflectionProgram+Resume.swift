import DebriefCore
import DebriefUI

/// The offer to resume an unfinished draft, before anything is asked: `r` resumes, `d`
/// discards, `n` (new reflections only) keeps the draft and starts afresh, Esc leaves with the
/// draft kept; the dialog lists exactly the keys of ``resumeKeys(editing:stale:)``.
extension ReflectionProgram {
    /// Whether the offered draft edits an older version of the entry than the one on disk now.
    var resumableIsStale: Bool { setup.resumable?.isStale(against: setup.editing) ?? false }

    /// The offer's keys for this draft.
    var resumeKeys: KeyMap<ReflectionAction> {
        Self.resumeKeys(editing: setup.editing != nil, stale: resumableIsStale)
    }

    /// An edit has one draft name per entry, so "keep it and start again" would overwrite the
    /// draft with the first answer: edits offer no `n`, and Esc leaves the draft for later. Over
    /// a stale edit draft only `r` resumes (not Enter): resuming it replaces changes made to the
    /// entry since, which the warning names.
    mutating func resumeKey(_ key: Key) -> [Command<Message>] {
        guard let draft = setup.resumable else {
            phase = .prompting(backToSummary: false)
            return []
        }
        switch resumeKeys.action(for: key) {
        case .resume?:
            answers = draft.answers
            draftName = draft.name
            flow = Self.normalised(draft.flow)
            if setup.editing == nil {
                started = draft.created
                event = draft.event
                location = draft.location
            }
            phase = .prompting(backToSummary: false)
            let asked = askedPrompts
            let first = asked.first { answers[$0.id] == nil } ?? asked.first
            enter(first.flatMap { p in prompts.firstIndex { $0.id == p.id } } ?? 0)
            status = resumableIsStale
                ? Status(text: "Resumed your draft; saving puts it over the entry's newer changes.", role: .warning)
                : Status(text: "Welcome back. Your earlier answers are all here.", role: .success)
            return []
        case .discard?:
            begin()
            let store = setup.store
            let name = draft.name
            return [.perform { store.removeDraft(name); return .draftDiscarded }]
        case .keepDraft?:
            begin()
            return []
        case .leave?:
            phase = .finished
            return [.back]
        default:
            return []
        }
    }

    func drawResumeOffer(into buffer: inout ScreenBuffer) {
        guard let draft = setup.resumable else { return }
        let title = draft.title.isEmpty ? "an untitled event" : "“\(draft.title)”"
        var lines = ["Resume the unfinished reflection on \(title) from \(draft.savedAt.display)?", ""]
        if setup.editing != nil, resumableIsStale {
            lines += ["The entry changed after this draft was written. Saving the draft puts it over those changes.", ""]
        }
        drawDialog(into: &buffer, title: "Unfinished reflection", lines: lines + Self.dialogLines(resumeKeys))
    }
}
