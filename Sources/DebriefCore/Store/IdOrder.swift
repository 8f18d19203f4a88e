#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal's order of files: newest id first, as `refs.sorted { $0.id > $1.id }` gives it,
/// which every full-journal command's walk sorts ~10,000 refs into.
///
/// Compared by their UTF-8 bytes when both ids are ASCII (debrief's own names always are:
/// `YYYY-MM-DD-HHMM-slug`), which is the order `String` gives them: for ASCII text, comparing
/// Unicode scalars (what `String`'s `<` does, after a normalisation that leaves ASCII as it is)
/// and comparing UTF-8 bytes agree. A pair with a name that is not ASCII (a file put there by
/// hand: "café.md", or its decomposed spelling, which `String` holds equal to it) is compared as
/// `String`s, so the order is the same for every name the walk accepts, ties kept in walk order
/// as the stable sort keeps them. Comparing `String`s for every pair, with the refs moved whole,
/// was 31 M instructions per command at 10,000 entries.
enum IdOrder {
    static func newestFirst(_ refs: [EntryRef]) -> [EntryRef] {
        guard refs.count > 1 else { return refs }
        // Every id's bytes in one buffer, each id by its range there, and whether it is ASCII.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(refs.count * 48)
        var starts: [Int] = []
        starts.reserveCapacity(refs.count + 1)
        var ascii: [Bool] = []
        ascii.reserveCapacity(refs.count)
        for ref in refs {
            starts.append(bytes.count)
            var id = ref.id
            id.withUTF8 { utf8 in
                bytes.append(contentsOf: utf8)
                ascii.append(utf8.reduce(0, |) < 0x80)
            }
        }
        starts.append(bytes.count)
        var order = Array(refs.indices)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            order.sort { i, j in
                guard ascii[i], ascii[j] else { return refs[i].id > refs[j].id }
                let a = starts[i], b = starts[j]
                let m = starts[i + 1] - a, n = starts[j + 1] - b
                let c = memcmp(base + a, base + b, min(m, n))
                return c != 0 ? c > 0 : m > n
            }
        }
        return order.map { refs[$0] }
    }
}
