/// One entry of a key map: which keys trigger an action, and how to describe it.
///
/// Bindings are data (as in bubbletea's `key.Binding` and tig's keymaps): the help bar and the
/// help overlay are generated from the same values that dispatch keys.
public struct KeyBinding<Action> {
    public var keys: [Key]
    /// What the help shows for the keys, e.g. `"^S"` or `"↑/↓"`.
    public var label: String
    /// A short verb phrase, e.g. `"save"`.
    public var help: String
    public var action: Action
    /// Whether the binding appears in the one-line help bar (it always appears in the overlay).
    public var showsInHelpBar: Bool

    /// - Parameter label: defaults to the keys' display names joined by `/`.
    public init(_ keys: [Key], label: String? = nil, help: String, action: Action, showsInHelpBar: Bool = true) {
        self.keys = keys
        self.label = label ?? keys.map(\.displayName).joined(separator: "/")
        self.help = help
        self.action = action
        self.showsInHelpBar = showsInHelpBar
    }

    /// A binding for a single key.
    public init(_ key: Key, label: String? = nil, help: String, action: Action, showsInHelpBar: Bool = true) {
        self.init([key], label: label, help: help, action: action, showsInHelpBar: showsInHelpBar)
    }

    /// `"^S save"`: one hint as shown in the help bar.
    public var hint: String { "\(label) \(help)" }
}

extension KeyBinding: Sendable where Action: Sendable {}
extension KeyBinding: Equatable where Action: Equatable {}
