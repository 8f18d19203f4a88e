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
            if b >= 0x41 && b <= 0x5A { changed = true }
        }
        if previousSpace && !isEmpty { return nil }
        guard changed else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for b in utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
