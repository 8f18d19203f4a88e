import Foundation
import Synchronization

extension String {
    /// The string with case and diacritics removed and runs of whitespace collapsed, for matching
    /// what people type against what they wrote ("zoe  brandt" finds "Zoë Brandt").
    public var folded: String {
        if let ascii = asciiFolded { return ascii }
        // Names and kinds recur across a journal ("Zoë Brandt" in hundreds of entries) and
        // Foundation's folding costs microseconds a call: short texts are folded once a process.
        let short = utf8.count <= FoldMemo.longest
        if short, let known = FoldMemo.shared.withLock({ $0[self] }) { return known }
        let base = self.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let result = base.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if short {
            FoldMemo.shared.withLock { memo in
                if memo.count < FoldMemo.capacity { memo[self] = result }
            }
        }
        return result
    }
}

extension String {
    /// `folded`, for a long text of many words (an entry's search text): words are cut at ASCII
    /// white space on the bytes, ASCII words are lowercased there, and the others are folded one by
    /// one through `folded` (memoised), where the whole text would go through Foundation's folding,
    /// and Swift's grapheme breaking to find the spaces, as soon as one word is not ASCII (a third
    /// of a cold index build). The same result (`FoldingTests`); the few texts where cutting at a
    /// space could differ (a mark or modifier right after a space, a prepended concatenation mark
    /// in a word, a word that folds to nothing or to two words) fold whole instead.
    public var foldedByWords: String {
        var text = self
        guard let cut = text.withUTF8(Self.foldedByWords(utf8:)) else { return folded }
        return String(decoding: cut, as: UTF8.self)
    }

    /// ``foldedByWords`` of the text whose UTF-8 is `bytes` (valid UTF-8: a `String`'s, or
    /// several joined at ASCII bytes), as UTF-8; nil when the text must fold whole (with
    /// ``folded``). The result is valid UTF-8 as it stands (the text's ASCII, and folded words'
    /// own UTF-8), so a caller that only stores or compares it need not make a `String` of it,
    /// which checks every byte again (a tenth of folding an entry's search text in `doctor`).
    static func foldedByWords(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // ASCII words with one space between them are copied as one stretch and lowercased
        // in place: byte by byte through `append` was most of this loop's cost (0.7 G of
        // `doctor` at 10,000 entries). The stretch is `bytes[stretch..<stretchEnd]`.
        var stretch = -1
        var stretchEnd = 0
        func flushStretch() {
            guard stretch >= 0 else { return }
            out.appendASCIILowercased(UnsafeBufferPointer(rebasing: bytes[stretch..<stretchEnd]))
            stretch = -1
        }
        var i = 0
        while i < bytes.count {
            let spaces = i
            while i < bytes.count, Self.isASCIISpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { break }
            let start = i
            var ascii = true
            while i < bytes.count, !Self.isASCIISpace(bytes[i]) {
                if bytes[i] >= 0x80 { ascii = false }
                i += 1
            }
            if ascii {
                // After one space, the word goes on the stretch; otherwise one begins here.
                if stretch < 0 || start != spaces + 1 || bytes[spaces] != 0x20 {
                    flushStretch()
                    if !out.isEmpty { out.append(0x20) }
                    stretch = start
                }
                stretchEnd = i
                continue
            }
            flushStretch()
            if !out.isEmpty { out.append(0x20) }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
            let folded = Self.wordMemo.value(forBytes: UnsafeRawBufferPointer(word)) { Self.foldedWord(word) }
            guard let folded else { return nil }
            out.append(contentsOf: folded)
        }
        flushStretch()
        return out
    }

    /// A word of ``foldedByWords`` that is not ASCII, folded; nil when the text must fold whole
    /// (see there).
    private static func foldedWord(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let string = String(decoding: word, as: UTF8.self)
        guard let first = string.unicodeScalars.first, !joinsTheSpaceBefore(first),
              !string.unicodeScalars.contains(where: isPrepend) else { return nil }
        let folded = string.folded
        guard !folded.isEmpty, !folded.utf8.contains(0x20) else { return nil }
        return Array(folded.utf8)
    }

    /// ``foldedWord(_:)`` by the word's bytes: the same few words recur through a journal's search
    /// texts ("café", "Zürich", a name), and each went through Unicode's scalar properties and the
    /// folding memo's normalising `String` lookup (a tenth of `doctor` at 10,000 entries).
    private static let wordMemo = BytesMemo<[UInt8]?>()

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII white space.
    private static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// A scalar that Swift makes one character with a space before it (so the space is no
    /// longer white space there), or that Foundation folds with what precedes it.
    private static func joinsTheSpaceBefore(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isWhitespace || p.isGraphemeExtend || p.isEmojiModifier || p.generalCategory == .spacingMark
            || p.generalCategory == .format
    }

    /// Unicode's prepended concatenation marks (Grapheme_Cluster_Break=Prepend), which Swift
    /// joins with the character after them, a space included.
    private static func isPrepend(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
            return true
        default:
            return false
        }
    }
}

/// Folded forms of short non-ASCII texts already seen by this process (bounded, so a hostile
/// journal of distinct names costs at most a few megabytes).
private enum FoldMemo {
    static let longest = 64
    static let capacity = 20_000
    static let shared = Mutex<[String: String]>([:])
}

extension String {
    /// The folded form of printable ASCII text with single spaces between words, which folding
    /// only lowercases, without Foundation (which costs microseconds a call); nil for any other
    /// text.
    fileprivate var asciiFolded: String? {
        var previousSpace = true
        var changed = false
        for b in utf8 {
            guard b >= 0x20, b < 0x7F else { return nil }
            if b == 0x20 {
                if previousSpace { return nil }
                previousSpace = true
            } else {
                previousSpace = false
            }
            if b.asciiLowercased != b { changed = true }
        }
        if previousSpace && !isEmpty { return nil }
        guard changed else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for b in utf8 { bytes.append(b.asciiLowercased) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension UInt8 {
    /// An ASCII capital as its small letter; any other byte as it is.
    fileprivate var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self + 0x20 : self }
}

extension Array where Element == UInt8 {
    /// `bytes` appended with their ASCII capitals made small letters (other bytes as they are):
    /// copied at once, then changed in place, for the runs of ASCII the folded texts are mostly
    /// made of (``Swift/String/foldedByWords``, ``MentionFinder/appendWords(of:to:)``), where an
    /// `append` per byte checked the array's storage each time.
    mutating func appendASCIILowercased(_ bytes: UnsafeBufferPointer<UInt8>) {
        let from = count
        append(contentsOf: bytes)
        withUnsafeMutableBufferPointer { out in
            for k in from..<out.count where out[k] &- 0x41 < 26 { out[k] &+= 0x20 }
        }
    }
}
