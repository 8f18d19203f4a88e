#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A vdir (the folder-per-calendar layout vdirsyncer, khal and todoman use: one `.ics` file per
/// item, named after its UID) that debrief keeps in step with the follow-ups.
///
/// Only debrief's own files are ever changed: a file is rewritten only when its content differs,
/// and removed only when its name ends in `@debrief.ics`, it holds debrief's `PRODID`, and its
/// follow-up is no longer exported (done, deleted, filtered out). Anything else in the folder,
/// such as the user's own events synced from their phone, is left alone.
public enum VdirFolder {
    public struct Result: Equatable, Sendable {
        public var written = 0
        public var removed = 0
        public var unchanged = 0
    }

    /// The file name for a UID: the UID with anything but letters, digits and `_.-+@` replaced.
    public static func fileName(uid: String) -> String {
        let safe = uid.unicodeScalars.map { u -> String in
            (u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || "_.-+@".unicodeScalars.contains(u))) ? String(u) : "_"
        }.joined()
        return safe + ".ics"
    }

    /// Makes `directory` hold exactly `files` (name → content) among debrief's own files.
    public static func sync(_ files: [String: String], into directory: String) throws(StoreError) -> Result {
        switch JournalLocation.presence(of: directory) {
        case .notAFolder: throw StoreError.io(directory, "not a folder")
        case .missing: try AtomicFile.makeDirectory(directory)
        case .folder: break
        }
        var result = Result()
        for name in files.keys.sorted() {
            guard let content = files[name] else { continue }
            let path = directory + "/" + name
            let bytes = Array(content.utf8)
            if try AtomicFile.read(path) == bytes {
                result.unchanged += 1
                continue
            }
            try AtomicFile.write(bytes, to: path, replace: true)
            result.written += 1
        }
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let marker = Array(("PRODID:" + ICalendar.productID + "\r\n").utf8)
        for name in present.sorted() where name.hasSuffix(ICalendar.uidSuffix + ".ics") && files[name] == nil {
            let path = directory + "/" + name
            guard let bytes = try AtomicFile.read(path), contains(bytes, marker) else { continue }
            guard unlink(path) == 0 else { throw StoreError.io(path, String(cString: strerror(errno))) }
            result.removed += 1
        }
        return result
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
