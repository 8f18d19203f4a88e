/// An editable text field: the core widget of the guided reflection.
///
/// A value type in the bubbletea style: the screen stores it, forwards keys with
/// ``handle(_:)`` and keeps the mutated copy. Text is held as an array of grapheme clusters so
/// the cursor is a plain grapheme index and editing a few thousand characters stays cheap.
///
/// Vertical movement, Home and End work on *visual* (soft-wrapped) lines, which depend on
/// the width the editor is drawn at. The screen tells the editor its size in its update
/// (``resize(width:height:)``), and every key keeps the cursor in view by moving ``scrollOffset``
/// (rows of multi-line text) or ``firstVisible`` (the first character of a one-line field); drawing
/// only reads them. A one-line field never wraps: it scrolls sideways to show the part around
/// the cursor.
public struct TextEditor: Hashable, Sendable {
    /// The text as grapheme clusters; the cursor indexes into this.
    public internal(set) var characters: [Character]
    /// Grapheme index of the cursor, `0...characters.count`; setting it clamps and forgets the
    /// column Up/Down were aiming for.
    public var cursor: Int {
        didSet {
            cursor = min(max(0, cursor), characters.count)
            preferredColumn = nil
            keepCursorVisible()
        }
    }
    /// When false, line breaks are never inserted (pasted ones become spaces) and Up/Down are
    /// left to the caller.
    public let multiline: Bool
    /// Wrap width (multi-line) or visible width (one line), set by ``resize(width:height:)``.
    public private(set) var width: Int
    /// Rows shown of multi-line text.
    public private(set) var height: Int = 1
    /// First visual line shown; moved only by keys and resizes, so the view does not jump while
    /// typing or moving up through a long answer.
    public internal(set) var scrollOffset: Int = 0
    /// The first character shown of a one-line field.
    public internal(set) var firstVisible: Int = 0
    /// Display column Up/Down aim for, so moving through a short line does not lose the column.
    var preferredColumn: Int?

    /// - Parameters:
    ///   - text: initial text; the cursor starts at its end.
    ///   - width: initial wrap width, replaced by the first render.
    public init(text: String = "", multiline: Bool = true, width: Int = 80) {
        self.multiline = multiline
        self.width = max(1, width)
        self.characters = Array(TextEditor.sanitize(text, multiline: multiline))
        self.cursor = 0
        self.cursor = characters.count
        keepCursorVisible()
    }

    /// Tells the editor the size it is drawn at; keeps the cursor in view.
    public mutating func resize(width: Int, height: Int = 1) {
        let width = max(1, width)
        if width != self.width { preferredColumn = nil }
        self.width = width
        self.height = max(1, height)
        keepCursorVisible()
    }

    /// The whole text. Setting it keeps the cursor index when still valid.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(TextEditor.sanitize(newValue, multiline: multiline))
            cursor = min(cursor, characters.count)
            preferredColumn = nil
            keepCursorVisible()
        }
    }

    /// Whether there is no text at all.
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts text at the cursor as if typed (line breaks normalised; see ``sanitize``).
    ///
    /// The neighbouring graphemes are re-segmented with the new text, so a combining mark or
    /// skin-tone modifier typed separately joins the character before it, as it would in a String.
    public mutating func insert(_ string: String) {
        let new = TextEditor.sanitize(string, multiline: multiline)
        guard !new.isEmpty else { return }
        let start = max(0, cursor - 1)
        let end = min(characters.count, cursor + 1)
        let after = String(characters[cursor..<end])
        let merged = Array(String(characters[start..<cursor]) + new + after)
        characters.replaceSubrange(start..<end, with: merged)
        let trailing = after.isEmpty || merged.last.map(String.init) != after ? 0 : 1
        cursor = start + merged.count - trailing
        keepCursorVisible()
    }

    /// Inserts a line break (the app binds Ctrl-J to this); returns false in single-line mode.
    @discardableResult
    public mutating func insertNewline() -> Bool {
        guard multiline else { return false }
        insert("\n")
        return true
    }

    /// Makes text safe to store: CR/CRLF become LF (or a space in single-line mode), tabs become
    /// four spaces, other control characters are dropped — none of them can be drawn.
    static func sanitize(_ string: String, multiline: Bool) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for character in string {
            switch character {
            case "\n", "\r\n", "\r":
                result.append(multiline ? "\n" : " ")
            case "\t":
                result += "    "
            default:
                if let first = character.unicodeScalars.first, DisplayWidth.isControl(first.value) { continue }
                result.append(character)
            }
        }
        return result
    }
}
