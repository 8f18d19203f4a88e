#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore

/// A cheap summary of the journal's files (names, sizes, modification times), so returning to
/// the list only re-reads the journal when another process changed it; a stat of 10,000 files is
/// a few milliseconds, a full load a good part of a second.
public struct JournalSignature: Equatable, Sendable {
    var hash: UInt64
    var count: Int

    static func of(_ store: JournalStore) -> JournalSignature {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) {
            h ^= value
            h = h &* 0x0000_0100_0000_01B3
        }
        let refs = store.refs()
        for ref in refs {
            for b in ref.path.utf8 { mix(UInt64(b)) }
            var st = stat()
            if stat(ref.path, &st) == 0 {
                mix(UInt64(bitPattern: Int64(st.st_size)))
                mix(UInt64(bitPattern: Int64(st.st_mtim.tv_sec)))
                mix(UInt64(bitPattern: Int64(st.st_mtim.tv_nsec)))
            }
        }
        return JournalSignature(hash: h, count: refs.count)
    }
}
