#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calendar events the user said need no reflection (`debrief pending skip KEY`, `x` on
/// home): `<journal>/skipped-events.txt`, one event key a line, so every synced device agrees
/// (docs/FORMAT.md, "Skipped events").
///
/// Written the journal's way: under its lock, atomically, with the least change: a skip adds one
/// line at the end, an unskip removes that key's lines; comments, blank lines and every other
/// line stay byte for byte. A file linked elsewhere (a symbolic link, a second hard link) is read
/// but never written (as entries: a rename over it would leave the other name stale).
public enum SkippedEvents {
    public static let fileName = "skipped-events.txt"

    static let header = """
        # Calendar events debrief does not ask a reflection for, one event key a line.
        # `debrief pending skip KEY` adds one, `debrief pending unskip KEY` removes it.

        """

    /// What changed.
    public enum Change: Equatable, Sendable {
        case changed
        /// The key was already skipped (skip) or not skipped (unskip): nothing written.
        case unchanged
    }

    public static func path(in store: JournalStore) -> String { store.root + "/" + fileName }

    /// The skipped keys; an empty set when there is no file. A file that cannot be read is an
    /// error (it is not "nothing skipped": events the user skipped would come back).
    public static func read(_ store: JournalStore) throws(StoreError) -> Set<String> {
        guard let bytes = try AtomicFile.read(path(in: store)) else { return [] }
        return keys(bytes)
    }

    static func keys(_ bytes: [UInt8]) -> Set<String> {
        var out = Set<String>()
        // Split as bytes: in a Swift String "\r\n" is one Character, which a split at "\n" misses.
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let key = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            let trimmed = String(decoding: key, as: UTF8.self).trimmingBlanks
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            out.insert(trimmed)
        }
        return out
    }

    /// Whether a key can be a line of the file: not empty, no line break or other control
    /// character, not starting with `#`.
    public static func isValid(_ key: String) -> Bool {
        !key.trimmingBlanks.isEmpty && key == key.trimmingBlanks && !key.hasPrefix("#")
            && !key.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Adds `key` (skip: true) or removes it (skip: false).
    public static func set(_ key: String, skipped: Bool, in store: JournalStore) throws(StoreError) -> Change {
        guard isValid(key) else { throw StoreError.io(key, "not an event key (a line of text without control characters)") }
        let file = path(in: store)
        return try store.withLock { () throws(StoreError) -> Change in
            let before = try AtomicFile.read(file)
            if before != nil { try JournalStore.refuseLinked(file, what: "the list of skipped events") }
            var bytes = before ?? []
            let present = keys(bytes).contains(key)
            if skipped {
                guard !present else { return .unchanged }
                if bytes.isEmpty { bytes = Array(header.utf8) }
                // The file's own line ends.
                let lineEnd: [UInt8] = bytes.contains(0x0D) ? [0x0D, 0x0A] : [0x0A]
                if let last = bytes.last, last != 0x0A { bytes += lineEnd }
                bytes += Array(key.utf8) + lineEnd
            } else {
                guard present else { return .unchanged }
                bytes = removing(key, from: bytes)
            }
            try AtomicFile.write(bytes, to: file, replace: true, temporaries: .journal)
            return .changed
        }
    }

    /// `bytes` without the lines that hold `key` (with their line ends).
    static func removing(_ key: String, from bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = min(end + 1, bytes.count)
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if String(decoding: line, as: UTF8.self).trimmingBlanks != key { out += bytes[start..<next] }
            start = next
        }
        return out
    }
}
