extension StringProtocol {
    /// Total columns the string occupies, summed per grapheme cluster (never per scalar or byte).
    ///
    /// Text of printable ASCII and of the Latin letters and signs up to U+02FF (nearly every
    /// title, name and action, and the review's `·`) is one column a scalar: each of those
    /// scalars is a cluster of its own (the first that joins the one before, U+0300, is past
    /// them), so it is counted on the bytes without breaking the text into clusters, which the
    /// review screen's layout of a journal with a thousand open follow-ups did 20,000 times.
    public var displayWidth: Int {
        if let columns = utf8.withContiguousStorageIfAvailable(Self.latinColumns) ?? nil { return columns }
        var total = 0
        for character in self { total += character.displayWidth }
        return total
    }

    /// The columns of `bytes` (well-formed UTF-8) when every scalar is printable ASCII or one of
    /// U+00A0…U+02FF but the soft hyphen (U+00AD, no column), one column each; else nil (a control,
    /// C1 included, draws nothing; from U+0300 on, scalars may join or be wide).
    private static func latinColumns(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var columns = 0, i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x20...0x7E:
                i += 1
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] >= 0xA0 && bytes[i + 1] != 0xAD, 0xC3...0xCB:
                i += 2
            default:
                return nil
            }
            columns += 1
        }
        return columns
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
