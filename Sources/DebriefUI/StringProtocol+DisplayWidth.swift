extension StringProtocol {
    /// Total columns the string occupies, summed per grapheme cluster (never per scalar or byte).
    public var displayWidth: Int {
        var total = 0
        for character in self { total += character.displayWidth }
        return total
    }

    /// The longest prefix that fits in `width` columns, with `ellipsis` appended when anything
    /// was cut.
    ///
    /// The result's display width is always ≤ `width`: a wide character that would straddle the
    /// limit is dropped rather than split, and if even the ellipsis does not fit, the prefix is
    /// returned without it.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return String(self) }
        let ellipsisWidth = ellipsis.displayWidth
        let useEllipsis = ellipsisWidth <= width
        let budget = useEllipsis ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in self {
            let w = character.displayWidth
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return useEllipsis ? result + ellipsis : result
    }

    /// The string followed by spaces up to `width` columns; strings already at least that wide
    /// are returned unchanged (combine with ``truncated(toWidth:ellipsis:)`` to fit exactly).
    public func padded(toWidth width: Int) -> String {
        let missing = width - displayWidth
        return missing > 0 ? String(self) + String(repeating: " ", count: missing) : String(self)
    }

    /// Truncated and then padded, so the result is exactly `width` columns wide (for `width` ≥ 0);
    /// used for table cells and status lines.
    public func fitted(toWidth width: Int, ellipsis: String = "…") -> String {
        truncated(toWidth: width, ellipsis: ellipsis).padded(toWidth: width)
    }
}
