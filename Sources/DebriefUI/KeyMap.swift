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
    ///
    /// The hint for the help overlay (`?` or F1) is kept whatever the width, the others giving
    /// way first: on a narrow terminal it is the way to every key the bar has no room for.
    public func helpBar(width: Int, separator: String = "  ") -> String {
        let help = bindings.lastIndex { $0.showsInHelpBar && ($0.keys.contains(.function(1)) || $0.keys.contains(.char("?"))) }
        return hints(width: width, separator: separator, keeping: help) { $0.showsInHelpBar }
    }

    /// Hints for the bindings `include` picks, fitted to `width` like ``helpBar(width:separator:)``:
    /// for a part of a screen that lists its own keys next to it (home's follow-ups).
    public func hints(width: Int, separator: String = "  ", include: (KeyBinding<Action>) -> Bool) -> String {
        hints(width: width, separator: separator, keeping: nil, include: include)
    }

    /// `kept`: the index of a binding whose hint has room kept for it until its turn comes.
    private func hints(width: Int, separator: String, keeping kept: Int?,
                       include: (KeyBinding<Action>) -> Bool) -> String {
        var bar = ""
        var used = 0
        let separatorWidth = separator.displayWidth
        let keptWidth = kept.map { bindings[$0].hint.displayWidth + separatorWidth } ?? 0
        for (i, binding) in bindings.enumerated() where include(binding) {
            let hint = binding.hint
            let needed = hint.displayWidth + (bar.isEmpty ? 0 : separatorWidth)
            let reserved = kept.map { i < $0 } == true ? keptWidth : 0
            if used + needed + reserved > width { continue }
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
