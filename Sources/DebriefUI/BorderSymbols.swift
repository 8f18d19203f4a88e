/// The characters a box is drawn with; ``ascii`` for terminals or fonts without box drawing.
public struct BorderSymbols: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    /// Light rounded box drawing: `╭─╮ │ ╰─╯`.
    public static let rounded = BorderSymbols(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                              bottomLeft: "╰", bottomRight: "╯")
    /// Light square box drawing: `┌─┐ │ └─┘`.
    public static let plain = BorderSymbols(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                            bottomLeft: "└", bottomRight: "┘")
    /// `+-+ | +-+`, safe everywhere.
    public static let ascii = BorderSymbols(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                            bottomLeft: "+", bottomRight: "+")
}
