import DebriefUI

/// What every full-screen program draws around its own content: a reversed title bar, a status
/// line and a help bar generated from the key map at the bottom, and the `?` overlay on top.
/// Kept in one place so the screens look alike and a change to the frame reaches all of them.
/// Focus is reverse video plus bold so it shows without colour.
enum ScreenChrome {
    /// The title bar across the top of a screen.
    static let titleStyle = Style.role(.accent).bolded().reversed()
    /// The selected row of a list, or the focused follow-up of an entry.
    static let selectedStyle = Style.role(.highlight).bolded().reversed()
    /// Words a search matched, underlined so they show in a selected row too.
    static let matchStyle = Style.role(.highlight).bolded().underlined()
    /// The `?` overlay's title; every screen closes it the same way.
    static let helpOverlayTitle = "Keys (any key closes)"

    /// Draws `text` as the title bar: one space in, fitted to the row so the reverse video spans it.
    static func drawTitle(_ text: String, into buffer: inout ScreenBuffer, row: Int, width: Int) {
        buffer.put(" " + text.fitted(toWidth: max(0, width - 1)), row: row, col: 0, style: titleStyle)
    }

    /// A whole frame with the body above a status line and a help bar from `keys`.
    ///
    /// `drawBody` fills the area above the two bottom lines; `drawStatus` draws the status line
    /// (given its row and width) and returns where the cursor goes, if a prompt is open. The
    /// overlay hides the cursor, since nothing under it can be typed into.
    ///
    /// A `message` too long for one line takes as many lines as it needs above the help bar
    /// (the body gives them up, keeping at least two rows): messages are never cut mid-sentence.
    /// `drawStatus` is then not called; it draws the status line when there is no message.
    static func frame<Action>(
        width: Int, height: Int, keys: KeyMap<Action>, showHelp: Bool, message: Message? = nil,
        drawBody: (inout ScreenBuffer, Rect) -> Void,
        drawStatus: (inout ScreenBuffer, _ row: Int, _ width: Int) -> Position?
    ) -> Frame {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width > 0, height > 0 else { return Frame(buffer: buffer) }
        let lines = message.map { messageLines($0.text, width: width, height: height) } ?? []
        let (body, bottom) = buffer.area.splitRows(bottom: min(max(1, lines.count) + 1, height))
        drawBody(&buffer, body)
        var cursor: Position?
        if let message, bottom.height > 1 {
            for (i, line) in lines.suffix(bottom.height - 1).enumerated() {
                buffer.put(line, row: bottom.row + i, col: 0, style: message.style, maxWidth: width)
            }
        } else if bottom.height > 0 {
            cursor = drawStatus(&buffer, bottom.row, width)
        }
        return finish(&buffer, keys: keys, showHelp: showHelp,
                      helpBarRow: bottom.height > 1 ? bottom.bottom - 1 : nil, cursor: cursor)
    }

    /// A status message wrapped whole to `width`, on at most the lines a screen of `height` can
    /// spare above its help bar (the body keeps two rows and the title one); the end is kept.
    static func messageLines(_ text: String, width: Int, height: Int) -> [String] {
        Array(wrap(text, width: width).suffix(max(1, height - 3)))
    }

    /// A message for the status line and the style it is drawn in.
    struct Message {
        var text: String
        var style: Style

        /// What a screen's last action reported (muted bold, as status lines are).
        static func status(_ text: String?) -> Message? { text.map { Message(text: $0, style: Style.role(.muted).bolded()) } }
    }

    /// Draws the help bar at `helpBarRow` (none when nil) and, over everything, the `?` overlay
    /// when it is open; for screens that lay out their own body and status line.
    static func finish<Action>(
        _ buffer: inout ScreenBuffer, keys: KeyMap<Action>, showHelp: Bool, helpBarRow: Int?,
        helpBarStyle: Style = .role(.muted), cursor: Position? = nil
    ) -> Frame {
        if let helpBarRow {
            buffer.put(keys.helpBar(width: buffer.width), row: helpBarRow, col: 0, style: helpBarStyle)
        }
        guard showHelp else { return Frame(buffer: buffer, cursor: cursor) }
        keys.renderHelpOverlay(into: &buffer, area: buffer.area, title: helpOverlayTitle)
        return Frame(buffer: buffer)
    }
}
