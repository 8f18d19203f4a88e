/// How a cell is drawn: a colour role plus attributes that survive `NO_COLOR`.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// Plain text in the terminal's default colours.
    public static let plain = Style()

    /// A role with no attributes, e.g. `Style.role(.muted)`.
    public static func role(_ role: ColorRole) -> Style { Style(role: role) }

    /// A copy with bold set; chainable so styles read like `Style.role(.accent).bolded()`.
    public func bolded(_ on: Bool = true) -> Style { var s = self; s.bold = on; return s }
    /// A copy with reverse video set (the usual way to show selection without colour).
    public func reversed(_ on: Bool = true) -> Style { var s = self; s.reverse = on; return s }
    /// A copy with underline set.
    public func underlined(_ on: Bool = true) -> Style { var s = self; s.underline = on; return s }
    /// A copy with dim set.
    public func dimmed(_ on: Bool = true) -> Style { var s = self; s.dim = on; return s }
    /// A copy with another colour role.
    public func with(role: ColorRole) -> Style { var s = self; s.role = role; return s }
}
