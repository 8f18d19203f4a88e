#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A journal's name for itself: 32 random hexadecimal digits in `<journal>/.journal-id`, made
/// the first time debrief needs it (the first `--vdir` sync). It travels with the journal (a
/// sync tool or git carries it like any file), so the same journal on two machines has the same
/// id, and a journal moved to another folder keeps it; two journals have two.
///
/// It names the journal in the mark of every file debrief writes outside the journal
/// (``OwnedFile``), so a calendar folder that two journals keep in step holds each one's files
/// apart. A journal copied to start a second one carries the first one's id: delete the copy's
/// `.journal-id` and it gets its own.
extension JournalStore {
    public var identityPath: String { root + "/.journal-id" }

    /// This journal's id, made (under the journal's lock, never replacing a file) when there is
    /// none yet. A `.journal-id` that does not hold one is refused, never rewritten.
    public func identity() throws(StoreError) -> String {
        if let id = try readIdentity() { return id }
        return try withLock { () throws(StoreError) -> String in
            if let id = try readIdentity() { return id }
            var generator = SystemRandomNumberGenerator()
            let id = [generator.next(), generator.next()].map { (n: UInt64) in
                let hex = String(n, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }.joined()
            try AtomicFile.write(Array((id + "\n").utf8), to: identityPath, replace: false, temporaries: .journal)
            return id
        }
    }

    /// The id in `.journal-id`, nil when there is no such file.
    private func readIdentity() throws(StoreError) -> String? {
        guard let bytes = try AtomicFile.read(identityPath) else { return nil }
        var text = bytes
        if text.last == UInt8(ascii: "\n") { text.removeLast() }
        guard text.count == 32, text.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw StoreError.refused(identityPath, "does not hold a journal id (32 hexadecimal digits, as debrief writes it); "
                                     + "delete it and debrief makes a new one (the calendar files the old one marked are then no longer debrief's)")
        }
        return String(decoding: text, as: UTF8.self)
    }
}
