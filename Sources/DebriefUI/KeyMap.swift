/// An ordered list of bindings: the single source for dispatch, help bar and help overlay.
///
/// Order matters: the first binding for a key wins, and the help bar shows hints in order,
/// dropping those that do not fit, so put the most important first.
public struct KeyMap<Action> {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The action bound to `key`, or `nil` so the caller can hand the key to a widget.
    public func action(for key: Key) -> Action? {
        bindings.first(where: { $0.keys.contains(key) })?.action
    }

    /// Hints like `"^S save  ^Q quit"` that fit in `width` columns, in binding order.
    ///
    /// A hint that does not fit is skipped (later shorter ones may still fit), so the bar never
    /// wraps or cuts a hint in half.
    public func helpBar(width: Int, separator: String = "  ") -> String {
        hints(width: width, separator: separator) { $0.showsInHelpBar }
    }

    /// Hints for the bindings `include` picks, fitted to `width` like ``helpBar(width:separator:)``:
    /// for a part of a screen that lists its own keys next to it (home's follow-ups).
    public func hints(width: Int, separator: String = "  ", include: (KeyBinding<Action>) -> Bool) -> String {
        var bar = ""
        var used = 0
        let separatorWidth = separator.displayWidth
        for binding in bindings where include(binding) {
            let hint = binding.hint
            let needed = hint.displayWidth + (bar.isEmpty ? 0 : separatorWidth)
            if used + needed > width { continue }
            bar += (bar.isEmpty ? "" : separator) + hint
            used += needed
        }
        return bar
    }

    /// Rows for the help overlay: every binding as `label  help`, labels padded to one column.
    public func helpLines() -> [String] {
        let labelWidth = bindings.map { $0.label.displayWidth }.max() ?? 0
        return bindings.map { $0.label.padded(toWidth: labelWidth) + "  " + $0.help }
    }
}

extension KeyMap: Sendable where Action: Sendable {}
