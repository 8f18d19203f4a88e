/// The one spelling of a tag (docs/FORMAT.md, "Tags"): no leading `@` or `#`, however it was
/// typed or imported; case kept as first written; two tags that differ only in case are one tag
/// (a lookup such as `list --tag` also ignores accents). Every path that takes tags in (the
/// reflection's Tags question, `add`, imports, reading a file) goes through here, so `list --tag nordwind`, browse's
/// `tag:nordwind`, completion and the jrnl export see one tag where `@nordwind` and `nordwind`
/// were typed.
public enum TagSpelling {
    /// The symbols a tag may be typed with and is stored without.
    public static let symbols: Set<Unicode.Scalar> = ["@", "#"]

    /// `raw` without white space around it and without leading tag symbols (`@`, `#` and any in
    /// `symbols`); nil when nothing is left.
    public static func tag(_ raw: String, symbols extra: Set<Unicode.Scalar> = []) -> String? {
        let scalars = Array(raw.unicodeScalars)
        let all = symbols.union(extra)
        var start = 0, end = scalars.count
        while start < end, scalars[start].properties.isWhitespace || all.contains(scalars[start]) { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        guard start < end else { return nil }
        return start == 0 && end == scalars.count ? raw : String(scalars: scalars[start..<end])
    }

    /// Each tag once, as first spelled: a later `Swift` or `SWIFT` after `swift` is dropped.
    public static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The tags of an answer in their one spelling: each without its symbol, each once.
    public static func normalized(_ tags: [String]) -> [String] {
        unique(tags.compactMap { tag($0) })
    }

    /// Tags as typed on one line, separated by commas (`@nordwind, #hiring, swift`).
    public static func parse(_ typed: String) -> [String] {
        normalized(typed.split(separator: ",").map(String.init))
    }
}
