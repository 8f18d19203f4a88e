extension EntryBlob {
    /// The answers' prompt ids met in the blobs decoded before, for decoding many blobs in a row
    /// (``EntryBlob/decode(_:source:keeping:names:)``): a journal's answers are under a few dozen
    /// ids, so an id's bytes are nearly always those of one met before, and the blob holds them
    /// sorted, so nearly always those of the one after the id before. Found so, the id is taken
    /// as it was made, not made again, and whether `keeping` holds it is not hashed again: the
    /// ids' strings and the set's lookups were a quarter of rebuilding an entry for
    /// `list --search` at 10,000 entries.
    ///
    /// Used with one `keeping` set (or none) only: the answer it remembers is that set's.
    public struct Names: Sendable {
        /// Every id's UTF-8 bytes, one after the other; `spans` says where each is.
        private var bytes: [UInt8] = []
        private var spans: [(start: Int, count: Int)] = []
        private var names: [String] = []
        /// Whether the `keeping` set holds each name: 0 not asked yet, 1 yes, 2 no.
        private var kept: [UInt8] = []
        /// The name found last, whose next is tried first.
        private var last = -1

        /// How many ids are remembered; any more are made each time. 128 is more than any
        /// catalog has prompts; a blob decoded alone remembers none (nothing would ask again).
        private let most: Int

        public init(remembering most: Int = 128) {
            self.most = most
        }

        /// The name whose UTF-8 bytes are `raw` and where it is remembered (nil if it is not).
        mutating func name(_ raw: UnsafeRawBufferPointer) -> (name: String, place: Int?) {
            let next = last + 1
            if next < names.count, same(next, raw) {
                last = next
                return (names[next], next)
            }
            for place in names.indices where place != next && same(place, raw) {
                last = place
                return (names[place], place)
            }
            let name = String(decoding: raw, as: UTF8.self)
            guard names.count < most else {
                last = -1
                return (name, nil)
            }
            spans.append((bytes.count, raw.count))
            bytes.append(contentsOf: raw)
            names.append(name)
            kept.append(0)
            last = names.count - 1
            return (name, last)
        }

        /// Whether `keeping` holds `name`, remembered at `place`: asked of the set once a name.
        mutating func kept(_ name: String, at place: Int?, by keeping: Set<String>) -> Bool {
            guard let place else { return keeping.contains(name) }
            switch kept[place] {
            case 1: return true
            case 2: return false
            default:
                let holds = keeping.contains(name)
                kept[place] = holds ? 1 : 2
                return holds
            }
        }

        private func same(_ place: Int, _ raw: UnsafeRawBufferPointer) -> Bool {
            let span = spans[place]
            guard span.count == raw.count else { return false }
            return bytes.withUnsafeBufferPointer { known in
                var i = 0
                while i < span.count {
                    if known[span.start + i] != raw[i] { return false }
                    i += 1
                }
                return true
            }
        }
    }
}
