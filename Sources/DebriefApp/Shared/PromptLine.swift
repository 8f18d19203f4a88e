import DebriefUI

/// A question asked in the status line, the answer being typed and a note after it (how to
/// cancel, or why the last answer was refused), laid out so that what is typed and the note stay
/// in view: when the line is too short, the question's subject (a follow-up, the people to merge)
/// is shortened first, since the list above shows it whole. Used by every status-line prompt
/// (``DatePrompt``, the people screen's rename and merge).
struct PromptLine {
    /// The question before and after its subject: `New due date for ` + subject + `: `.
    var head: String
    var subject: String
    var tail: String
    var text: String
    var note: String
    /// The note says why the last answer was refused (shown as a warning), not how to cancel.
    var isProblem: Bool
    /// Shorter versions of `note`, tried in order when it does not fit after the typed text
    /// (the last one is cut if even it does not).
    var shorterNotes: [String] = []
    /// The question without its subject ("Done on: "), for a line too short to show the typed
    /// answer and the shortest note after the whole question (50 columns): the list above keeps
    /// the subject's row highlighted meanwhile.
    var shortQuestion: String?

    /// Columns kept for the answer however short it still is, so the question does not shift
    /// with each key typed (dates such as `in 2 weeks` fit).
    static let answerRoom = 12
    /// The subject is never cut shorter than this: the prompt must still say what it is about.
    static let shortestSubject = 10

    /// Draws the line and returns where the cursor goes (after the typed text).
    func draw(into buffer: inout ScreenBuffer, row: Int, width: Int) -> Position {
        // The subject gives way to the note's first shorter version, not to the whole note.
        let kept = shorterNotes.first ?? note
        let others = head.displayWidth + tail.displayWidth + max(text.displayWidth, Self.answerRoom) + 2 + kept.displayWidth
        var question = head + subject.truncated(toWidth: max(Self.shortestSubject, width - others)) + tail
        let shortestNote = (shorterNotes.last ?? note).displayWidth
        if let shortQuestion, question.displayWidth + text.displayWidth + 2 + shortestNote > width { question = shortQuestion }
        var end = buffer.put(question, row: row, col: 0, style: Style().bolded(), maxWidth: width)
        end = buffer.put(text, row: row, col: end, style: .plain, maxWidth: max(0, width - end))
        if end + 3 < width {
            let room = width - end - 2
            let notes = [note] + shorterNotes
            let note = notes.first { $0.displayWidth <= room } ?? notes[notes.count - 1]
            buffer.put(note.truncated(toWidth: room), row: row, col: end + 2,
                       style: isProblem ? Style.role(.danger).bolded() : .role(.muted), maxWidth: width - end - 2)
        }
        return Position(row: row, col: min(end, width - 1))
    }
}
