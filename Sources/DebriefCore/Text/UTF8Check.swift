/// Validates UTF-8 over bytes without building a `String`: entry files are mostly ASCII, which
/// this checks eight bytes at a time.
public enum UTF8Check {
    /// Whether `b` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF),
    /// the same rule as `String(validating:as:)`.
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard cont(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard cont(i + 1), cont(i + 2) else { return false }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return false }
                if c == 0xED && c1 > 0x9F { return false }
                i += 3
            case 0xF0...0xF4:
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return false }
                if c == 0xF4 && c1 > 0x8F { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// `bytes` as text, or the 1-based line of the first byte that is not UTF-8: every reader of
    /// a file the user wrote (an entry, an import, an answers file, a catalog, the config) says
    /// where the problem is, not only that there is one.
    public static func text(_ bytes: [UInt8]) -> Result<String, InvalidLine> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        return .failure(InvalidLine(line: line(ofFirstInvalid: bytes)))
    }

    /// Where a file stops being UTF-8.
    public struct InvalidLine: Error, Equatable, Sendable {
        public var line: Int
    }

    /// The 1-based line holding the first byte that is not UTF-8 (the last line when none is).
    static func line(ofFirstInvalid bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 10 {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
