/// The index's id of each file a read answers for, to the place of its ref among the read's refs:
/// what a whole-journal read looks every row up in as it passes over a table (`entries`,
/// `follow_ups`, `people`, `review_facts`, `blobs`).
///
/// Two arrays sorted by id (1.6 MB at 100,000 entries), not a `[Int64: Int]`: a dictionary's
/// lookups land in hash order all over its table (262,144 buckets, 4 MB, at 100,000 entries),
/// where nearly every one missed the CPU's caches, so the lookups grew 27 times from 10,000 to
/// 100,000 entries in `debrief review --weeks 52`'s profile (issue 23). A table
/// read in its rowid order, as most passes are, meets the ids in this order, and so do the
/// files of a phrase (``MentionPhrases``) or a batch sorted by id: ``place(of:)`` tries the
/// id after the one found last, then gallops forward from it, and halves only when a read goes
/// back (the rows of a file recorded again come last in `people` and `follow_ups`). Ids are the
/// index's own (`files.id`), unique; given twice, an id keeps the place given first.
struct FilePlaces: Sendable {
    /// Ascending, each once.
    private(set) var files: [Int64] = []
    /// The place of each of ``files``' refs.
    private var places: [Int] = []
    /// Where the next lookup starts: just past the last id found (or where a missing one would be).
    private var next = 0

    init() {}

    /// The files and their places, in any order.
    init(_ pairs: some Sequence<(file: Int64, place: Int)>) {
        var all = Array(pairs)
        // Mostly in order already (the walk lists the files in the order the index recorded
        // them): checked before sorting. Stable, so the first of a repeated id comes first.
        if zip(all, all.dropFirst()).contains(where: { $0.file > $1.file }) {
            all = all.enumerated().sorted { ($0.element.file, $0.offset) < ($1.element.file, $1.offset) }.map(\.element)
        }
        files.reserveCapacity(all.count)
        places.reserveCapacity(all.count)
        for pair in all where files.last != pair.file {
            files.append(pair.file)
            places.append(pair.place)
        }
    }

    var count: Int { files.count }
    var isEmpty: Bool { files.isEmpty }

    /// Every file with its place, by ascending id.
    var pairs: [(file: Int64, place: Int)] { zip(files, places).map { ($0, $1) } }

    /// Those of them `isIncluded` keeps.
    func filter(_ isIncluded: (_ file: Int64, _ place: Int) -> Bool) -> FilePlaces {
        var out = FilePlaces()
        for (file, place) in zip(files, places) where isIncluded(file, place) {
            out.files.append(file)
            out.places.append(place)
        }
        return out
    }

    /// These and `other`'s; an id in both keeps its place here.
    func merging(_ other: FilePlaces) -> FilePlaces {
        FilePlaces(pairs + other.pairs)
    }

    /// The place of `file`'s ref, nil when the read does not answer for it. Cheapest when asked
    /// in ascending order (a step, or a gallop over the files skipped); any order is answered.
    mutating func place(of file: Int64) -> Int? {
        var lo = next, hi = files.count
        if lo < hi, files[lo] == file {
            next = lo + 1
            return places[lo]
        }
        if lo > 0, files[lo - 1] >= file {
            // Behind the last one found: the same id again, or a read that went back.
            if files[lo - 1] == file { return places[lo - 1] }
            (lo, hi) = (0, lo - 1)
        } else if lo < hi, files[lo] < file {
            // Ahead: gallop from here, so an ascending read with gaps touches the arrays near where it is.
            var step = 1
            while lo + step < hi, files[lo + step] < file {
                lo += step
                step *= 2
            }
            hi = min(hi, lo + step + 1)
            lo += 1
        } else {
            // Between the id before and this one: not among them.
            hi = lo
        }
        // The first id not below `file` in lo..<hi.
        while lo < hi {
            let mid = (lo + hi) / 2
            if files[mid] < file { lo = mid + 1 } else { hi = mid }
        }
        guard lo < files.count, files[lo] == file else {
            next = lo
            return nil
        }
        next = lo + 1
        return places[lo]
    }
}
