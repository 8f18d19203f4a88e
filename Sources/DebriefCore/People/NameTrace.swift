import Foundation

/// Where a name still appears in what debrief keeps: after `people forget`, and for
/// `debrief doctor --forgotten NAME`, which confirms it appears nowhere.
///
/// Files of the journal (every file under `entries/`, `trash/` and `drafts/`, read or not) are
/// searched line by line for the name as a whole word, folded (case, accents and spacing ignored:
/// "ana li" finds "Ána  Li" but not "Ana Lima" nor "Banana Li"), and joined as a tag (`#AnaLi`,
/// `@ana_li`). Other files (the index's
/// database, write-ahead log and shared memory) are searched byte for byte for each spelling given.
public enum NameTrace {
    /// One place the name was found: a line of a text file, or a file that holds it somewhere
    /// (`line` 0), or a file that could not be searched (`unreadable`).
    public struct Place: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var text: String
        public var unreadable = false

        public var description: String {
            unreadable ? "\(path): could not be searched (\(text))"
                : line > 0 ? "\(path):\(line): \(TerminalSafe.line(text))" : "\(path): \(text)"
        }
    }

    /// Files larger than this are named as not searched rather than read whole.
    static let textLimit = 64 << 20

    /// The lines of the journal's files (entries, trash, drafts) that name `key` (a folded name).
    public static func journal(_ store: JournalStore, key: String) -> [Place] {
        guard !key.isEmpty else { return [] }
        let words = forms(of: key)
        var places: [Place] = []
        for folder in [store.root + "/entries", store.trashDirectory, store.draftsDirectory] {
            for path in JournalStore.regularFiles(under: folder) {
                guard let bytes = readWhole(path, limit: textLimit) else {
                    places.append(Place(path: path, line: 0, text: "not a readable file up to \(textLimit >> 20) MB", unreadable: true))
                    continue
                }
                let text = String(decoding: bytes, as: UTF8.self)
                for (n, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated()
                where words.contains(where: { contains(String(line).folded, word: $0) }) {
                    places.append(Place(path: path, line: n + 1, text: String(line).trimmingLineBreak))
                }
            }
        }
        return places
    }

    /// The files among `paths` that hold any of `spellings`' bytes (each as given, in NFC and NFD,
    /// lowercased, folded, and joined as a tag). A missing file is fine (nothing kept there).
    ///
    /// Never call it for files SQLite has open in this process: opening and closing another
    /// descriptor of such a file drops the process's locks on it.
    public static func files(_ paths: [String], spellings: [String]) -> [Place] {
        var patterns = Set<[UInt8]>()
        for s in spellings where !s.isEmpty {
            for form in [s, s.precomposedStringWithCanonicalMapping, s.decomposedStringWithCanonicalMapping, s.lowercased()] + forms(of: s.folded) {
                patterns.insert(Array(form.utf8))
            }
        }
        let wanted = patterns.filter { !$0.isEmpty }
        var places: [Place] = []
        for path in paths {
            switch scan(path, for: Array(wanted)) {
            case .some(true): places.append(Place(path: path, line: 0, text: "holds the name"))
            case .some(false): continue
            case nil: places.append(Place(path: path, line: 0, text: "could not be opened", unreadable: true))
            }
        }
        return places
    }

    /// A folded name and the ways a tag writes it (`ana li`, `anali`, `ana_li`, `ana-li`: how
    /// mentions find someone in an imported note's tags).
    static func forms(of key: String) -> [String] {
        var out = [key]
        for joiner in ["", "_", "-"] where key.contains(" ") { out.append(key.replacingOccurrences(of: " ", with: joiner)) }
        return out
    }

    /// Whether `text` (folded) holds `word` (folded) with no letter or digit right before or after.
    static func contains(_ text: String, word: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter == true || before?.isNumber == true), !(after?.isLetter == true || after?.isNumber == true) {
                return true
            }
            rest = text[text.index(after: range.lowerBound)...]
        }
        return false
    }

    /// A file's bytes, up to `limit`; nil when it is not a regular file or larger.
    static func readWhole(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) <= limit else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(Int(st.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return out }
            out += chunk[0..<n]
            if out.count > limit { return nil }
        }
    }

    /// Whether the file at `path` holds any pattern as a whole word (no letter or digit right
    /// before or after it: "Ana Li" is not found in "Ana Lima"): read in chunks (an index may be
    /// large), a pattern cut by a chunk's end found across it. Nil when it exists but cannot be
    /// read; false when it does not exist. A symbolic link is not followed (debrief's cache files
    /// are not links).
    static func scan(_ path: String, for patterns: [[UInt8]]) -> Bool? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return errno == ENOENT ? false : nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        // Kept from one chunk to the next: a whole pattern and the character around it.
        let overlap = (patterns.map(\.count).max() ?? 1) + 8
        var window: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return nil }
            let last = n == 0
            window += chunk[0..<n]
            if patterns.contains(where: { holdsWord(window, $0, complete: last) }) { return true }
            if last { return false }
            window = Array(window.suffix(overlap))
        }
    }

    /// Whether `bytes` hold `word` with no letter or digit around it. A match at the end of
    /// an incomplete window is left for the next one (which keeps it), unless `complete`.
    static func holdsWord(_ bytes: [UInt8], _ word: [UInt8], complete: Bool) -> Bool {
        var from = 0
        while from < bytes.count, let r = bytes[from...].firstRange(of: word) {
            from = r.lowerBound + 1
            if !complete, r.upperBound + 4 > bytes.count { continue }
            if let u = scalar(before: r.lowerBound, in: bytes), isWordScalar(u) { continue }
            if let u = scalar(at: r.upperBound, in: bytes), isWordScalar(u) { continue }
            return true
        }
        return false
    }

    static func isWordScalar(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic || u.properties.numericType != nil }

    /// The character whose UTF-8 encoding starts at `i`.
    static func scalar(at i: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard i < bytes.count else { return nil }
        return String(decoding: bytes[i..<min(bytes.count, i + 4)], as: UTF8.self).unicodeScalars.first
    }

    /// The character whose UTF-8 encoding ends right before `i`.
    static func scalar(before i: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard i > 0 else { return nil }
        var start = i - 1
        while start > 0, i - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self).unicodeScalars.last
    }
}
