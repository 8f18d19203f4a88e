/// Merges two versions of one entry file answer by answer, with their common ancestor when there
/// is one (docs/FORMAT.md, "Merging versions of an entry"): what `debrief merge` does for git, and
/// `debrief doctor --merge` for the copies sync tools leave.
///
/// The result is ours' file with only what the merge changes rewritten: a field taken from theirs
/// is theirs' lines as written, a list both sides changed is patched row by row through
/// ``RowBlock`` (so its layout, comments and line breaks stay), and only what cannot be patched
/// is written in debrief's canonical form. What both sides changed differently keeps the version
/// the answer shows and records the other under a `merge-conflict` key, so the entry still reads;
/// the file as merged is read back before it is returned, like every write of the store.
public struct EntryMerge: Sendable {
    public var codec: EntryCodec

    public init(codec: EntryCodec) {
        self.codec = codec
    }

    /// What a merge came to.
    public struct Outcome: Sendable {
        /// The merged file.
        public var bytes: [UInt8]
        /// The answers both versions changed differently, in words: each is kept in one version in
        /// the answer and the other under the `merge-conflict` key (see `conflictKey`).
        public var clashes: [String]
        /// Without a common ancestor: what was decided, and by what.
        public var decisions: [String]
        /// The versions that do not read as entries. When there is one, `bytes` is a plain text
        /// merge of the three files with git's conflict markers, never a silent choice.
        public var unreadable: [EntryProblem]
        /// The key the other versions were recorded under (`merge-conflict`, or `merge-conflict-2`
        /// when the entry holds an unresolved one already), nil when nothing clashed.
        public var conflictKey: String?

        /// Merged with nothing left to resolve.
        public var isClean: Bool { clashes.isEmpty && unreadable.isEmpty }
    }

    /// How the two versions are called in messages: "ours"/"theirs" for git, "the original"/"the
    /// copy" for a sync-conflict copy.
    public struct Names: Sendable {
        public var ours: String
        public var theirs: String

        public init(ours: String, theirs: String) {
            self.ours = ours
            self.theirs = theirs
        }

        public static let git = Names(ours: "ours", theirs: "theirs")
        public static let copy = Names(ours: "the original", theirs: "the copy")
    }

    /// The key under which a merge records the versions it could not merge.
    public static let conflictKey = "merge-conflict"

    /// Merges `ours` and `theirs` (the files' bytes) with `base`, their common ancestor, or
    /// without one when `base` is nil or empty (git passes an empty ancestor when both sides
    /// added the file): then what differs takes the version saved later (`updated`), and is a
    /// clash when both were saved at the same moment. `id` is the entry's id (its file name) and
    /// `paths` name the three files in problems.
    public func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], id: String,
                      paths: (base: String, ours: String, theirs: String), names: Names = .git) -> Outcome {
        let base = base.flatMap { $0.isEmpty ? nil : $0 }
        if ours == theirs || (base != nil && base == theirs) { return Outcome(bytes: ours, clashes: [], decisions: [], unreadable: []) }
        if let base, base == ours { return Outcome(bytes: theirs, clashes: [], decisions: [], unreadable: []) }
        var problems: [EntryProblem] = []
        func decode(_ bytes: [UInt8], _ path: String) -> Entry? {
            do {
                return try codec.decode(bytes, id: id, path: path)
            } catch {
                problems.append(error)
                return nil
            }
        }
        let o = decode(ours, paths.ours), t = decode(theirs, paths.theirs)
        let b = base.map { decode($0, paths.base) }
        if let o, let t, b == nil || b! != nil, let oursSide = MergeSide(o), let theirsSide = MergeSide(t) {
            let baseSide = b.flatMap { $0 }.flatMap(MergeSide.init)
            var work = EntryMergeWork(codec: codec, base: baseSide, ours: oursSide, theirs: theirsSide, names: names)
            if let text = work.run(id: id, path: paths.ours) {
                return Outcome(bytes: Array(text.utf8), clashes: work.clashes, decisions: work.decisions, unreadable: [],
                               conflictKey: work.conflictKey)
            }
            problems.append(EntryProblem(path: paths.ours, line: 1, reason: "the merged entry did not read back as merged"))
        }
        return textMerge(base: base, ours: ours, theirs: theirs, problems: problems)
    }

    /// The plain text merge of files that do not all read as entries: lines changed on one side
    /// are taken, and where both sides changed the same lines both are kept between git's
    /// conflict markers, so neither side is lost (it is always reported as a conflict).
    func textMerge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], problems: [EntryProblem]) -> Outcome {
        let lo = LineMerge.lines(ours), lt = LineMerge.lines(theirs)
        let lb = base.map(LineMerge.lines) ?? LineMerge.common(lo, lt)
        let ending = lo.first.map { $0.count >= 2 && $0[$0.count - 2] == 13 ? "\r\n" : "\n" } ?? "\n"
        let bytes = LineMerge.marked(LineMerge.merge(base: lb, ours: lo, theirs: lt), ending: ending)
        return Outcome(bytes: bytes, clashes: [], decisions: [], unreadable: problems.isEmpty
                       ? [EntryProblem(path: "", line: 1, reason: "not merged as an entry")] : problems)
    }
}

/// One version of an entry in a merge: the entry as read and the document it was read from.
struct MergeSide {
    let entry: Entry
    let doc: EntryDocument

    init?(_ entry: Entry) {
        guard let source = entry.source else { return nil }
        self.entry = entry
        doc = source.document
    }

    func field(_ key: String) -> EntryDocument.Field? { doc.fields.first { $0.key == key } }
}

extension EntryMerge {
    /// Whether a front-matter key is a merge's record of clashing versions: `merge-conflict`, or
    /// `merge-conflict-2`… for a later one.
    public static func isConflictKey(_ key: String) -> Bool {
        guard key.hasPrefix(conflictKey) else { return false }
        let rest = key.dropFirst(conflictKey.count)
        return rest.isEmpty || (rest.first == "-" && rest.count > 1 && rest.dropFirst().allSatisfy(\.isASCII) && Int(rest.dropFirst()) != nil)
    }

    /// The answers a record holds the other version of (its keys), for doctor's message.
    static func recordedKeys(_ field: EntryDocument.Field) -> [String] {
        guard let node = try? YAML.compose(field.raw), let value = node.pairs?.first?.value, let pairs = value.pairs else { return [] }
        return pairs.map(\.key)
    }
}
