extension Key {
    /// The short name used in help bars and the help overlay: `^S`, `Enter`, `Esc`, `↑`, `F1`.
    ///
    /// Generated from the key itself so hints cannot disagree with the bindings.
    public var displayName: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "^" + c.uppercased()
        case .alt(let c): return "M-" + String(c)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .escape: return "Esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .paste: return "Paste"
        }
    }
}
