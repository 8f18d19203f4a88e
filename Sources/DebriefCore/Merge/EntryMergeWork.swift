/// One merge under way: the three versions, the result document (ours', changed field by field)
/// and what could not be merged. See ``EntryMerge``.
struct EntryMergeWork {
    /// What a field holds, compared to tell whether a side changed it: a prompt's typed answer
    /// (so `yes` and `true`, or two quoting styles, are the same answer), else the YAML value.
    enum Meaning: Equatable {
        case answer(Answer)
        case value(YAMLValue)
    }

    let codec: EntryCodec
    let base: MergeSide?
    let ours: MergeSide
    let theirs: MergeSide
    let names: EntryMerge.Names
    /// Without an ancestor: which side was saved later.
    let newer: RowListMerge.Newer
    /// Ours' line break, which every line taken from theirs or written anew gets.
    let ending: String
    private let prompts: [String: Prompt]

    /// The result, starting as ours'.
    var doc: EntryDocument
    /// Each prompt's answer as merged (absent: no answer), to check the result against.
    var expected: [String: Answer] = [:]
    /// The other version of each clashing answer, as lines under `merge-conflict`, with the
    /// clashes (in words) it records.
    var records: [(text: String, clashes: [String])] = []
    /// The clashes the result records anew (those an earlier merge recorded already are left out).
    var clashes: [String] = []
    var decisions: [String] = []
    var conflictKey: String?

    init(codec: EntryCodec, base: MergeSide?, ours: MergeSide, theirs: MergeSide, names: EntryMerge.Names) {
        self.codec = codec
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.names = names
        if base != nil {
            newer = .unknown
        } else if ours.entry.updated != theirs.entry.updated {
            newer = ours.entry.updated > theirs.entry.updated ? .ours : .theirs
        } else {
            newer = .unknown
        }
        ending = ours.doc.opening.hasScalarSuffix("\r\n") ? "\r\n" : "\n"
        var byID: [String: Prompt] = [:]
        for p in codec.catalog.prompts where !p.isBody { byID[p.id] = p }
        prompts = byID
        doc = ours.doc
        for (key, answer) in ours.entry.answers where prompts[key] != nil { expected[key] = answer }
    }

    /// Merges every field and the notes, records the clashes, and returns the file's text once
    /// it reads back as merged (nil when it cannot be made to).
    mutating func run(id: String, path: String) -> String? {
        var keys = ours.doc.fields.map(\.key)
        for key in theirs.doc.fields.map(\.key) + (base?.doc.fields.map(\.key) ?? []) where !keys.contains(key) { keys.append(key) }
        for key in keys { mergeField(key) }
        mergeLayout()
        mergeBody()
        writeRecords()
        return verified(id: id, path: path)
    }

    // MARK: - Fields

    func meaning(_ side: MergeSide?, _ key: String) -> Meaning? {
        guard let side, let field = side.field(key) else { return nil }
        if prompts[key] != nil {
            guard let answer = field.answer, !answer.isEmpty else { return nil }
            return .answer(answer)
        }
        guard let value = codec.value(of: field, in: side.doc), value != .null else { return nil }
        if key == "created" || key == "updated", let text = value.string, let time = AnswerCoding.timestamp(text, timeZone: codec.timeZone) {
            // The same moment however it is written (PyYAML writes a space for the `T`).
            return .answer(.timestamp(time))
        }
        return .value(value)
    }

    mutating func mergeField(_ key: String) {
        if key == "updated" {
            // The later of the two, as that side wrote it.
            if theirs.entry.updated > ours.entry.updated, theirs.field(key) != nil { take(key) }
            return
        }
        let mo = meaning(ours, key), mt = meaning(theirs, key)
        if mo == mt {
            // The same answer: ours' lines, or theirs' where only theirs changed how it is written.
            if let base, let b = base.field(key), let o = ours.field(key), let t = theirs.field(key),
               LineMerge.same(o.raw, b.raw), !LineMerge.same(t.raw, b.raw) {
                take(key)
            }
            return
        }
        if EntryMerge.isConflictKey(key) { return mergeRecord(key, mo, mt) }
        if let prompt = prompts[key], let list = MergeList(prompt.type) { return mergeList(key, list) }
        if prompts[key]?.type == .tags { return mergeTags(key) }
        if let base {
            let mb = meaning(base, key)
            if mb == mo { return take(key) }
            if mb == mt { return }
            clash(key, "both versions changed it")
        } else {
            switch newer {
            case .theirs:
                take(key)
                decisions.append("`\(key)`: took \(names.theirs)'s (saved later)")
            case .ours:
                decisions.append("`\(key)`: kept \(names.ours)'s (saved later)")
            case .unknown:
                clash(key, "the versions differ and were saved at the same time")
            }
        }
    }

    /// Keeps ours' answer and records theirs', or, when ours has none, takes theirs' and records
    /// that ours had none: a change is never lost to a removal.
    mutating func clash(_ key: String, _ why: String) {
        let mo = meaning(ours, key)
        if mo == nil {
            take(key)
            record(key, nil, "`\(key)`: \(why)")
        } else {
            record(key, meaning(theirs, key), "`\(key)`: \(why)")
        }
    }

    /// A record of an earlier merge's clashes (`merge-conflict…`) is not an answer: one only one
    /// side has is kept (the merge of a copy already merged, or of a side that resolved it, must
    /// not drop the record nor record its absence); one both sides changed differently is a clash.
    mutating func mergeRecord(_ key: String, _ mo: Meaning?, _ mt: Meaning?) {
        if let base {
            let mb = meaning(base, key)
            if mb == mo { return take(key) }
            if mb == mt { return }
        }
        if mo == nil { return take(key) }
        if mt == nil { return }
        clash(key, "both versions hold a different record of an earlier conflict")
    }

    /// Theirs' field as written (line breaks made ours'), replacing ours', inserted where theirs
    /// has it, or removed when theirs has none.
    mutating func take(_ key: String) {
        if let prompt = prompts[key] {
            expected[key] = theirs.entry[prompt.id]
        }
        guard var field = theirs.field(key) else {
            doc.fields.removeAll { $0.key == key }
            return
        }
        field.raw = converted(field.raw)
        field.trailer = converted(field.trailer)
        if let i = doc.fields.firstIndex(where: { $0.key == key }) {
            doc.fields[i].raw = field.raw
            doc.fields[i].answer = field.answer
        } else {
            insert(field)
        }
    }

    /// Inserts a field ours lacks after the field theirs has before it (else before the one
    /// theirs has after it, else last).
    mutating func insert(_ field: EntryDocument.Field) {
        let order = theirs.doc.fields.map(\.key)
        guard let at = order.firstIndex(of: field.key) else { return doc.fields.append(field) }
        for key in order[..<at].reversed() {
            if let i = doc.fields.firstIndex(where: { $0.key == key }) { return doc.fields.insert(field, at: i + 1) }
        }
        for key in order[(at + 1)...] {
            if let i = doc.fields.firstIndex(where: { $0.key == key }) { return doc.fields.insert(field, at: i) }
        }
        doc.fields.append(field)
    }

    /// Sets a field to `raw` in place, or inserts it where theirs has it.
    mutating func set(_ key: String, raw: String) {
        if let i = doc.fields.firstIndex(where: { $0.key == key }) {
            doc.fields[i].raw = converted(raw)
        } else {
            insert(EntryDocument.Field(key: key, line: 0, raw: converted(raw)))
        }
    }

    // MARK: - Tags

    /// Tags merge as a set: a tag added on either side is added, one removed on either side is
    /// removed (without an ancestor, every tag of both is kept).
    mutating func mergeTags(_ key: String) {
        // Compared as TagSpelling does: two tags that differ only in case are one tag.
        let o = ours.entry[key]?.tags ?? [], t = theirs.entry[key]?.tags ?? []
        let ok = Set(o.map { $0.lowercased() }), tk = Set(t.map { $0.lowercased() })
        let merged: [String]
        if let base {
            let bk = Set((base.entry[key]?.tags ?? []).map { $0.lowercased() })
            merged = o.filter { !(bk.contains($0.lowercased()) && !tk.contains($0.lowercased())) }
                + t.filter { !bk.contains($0.lowercased()) && !ok.contains($0.lowercased()) }
        } else {
            merged = TagSpelling.unique(o + t)
            decisions.append("`\(key)`: kept the tags of both")
        }
        if merged == o { return }
        if merged == t { return take(key) }
        expected[key] = merged.isEmpty ? nil : .tags(merged)
        if merged.isEmpty {
            doc.fields.removeAll { $0.key == key }
        } else {
            set(key, raw: AnswerCoding.encode(.tags(merged), key: key))
        }
    }

    // MARK: - Layout around the fields

    /// Comment and blank lines around the fields (each field's trailer and the lines before the
    /// first key) merge as text: one side's change is taken, and when both changed them, ours'
    /// lines come first and theirs' that ours lacks after them, so no comment is lost.
    mutating func mergeLayout() {
        doc.leading = mergedText(base?.doc.leading, ours.doc.leading, theirs.doc.leading)
        for i in doc.fields.indices {
            let key = doc.fields[i].key
            guard let o = ours.field(key), let t = theirs.field(key), LineMerge.same(doc.fields[i].trailer, converted(o.trailer)) else {
                continue
            }
            doc.fields[i].trailer = mergedText(base?.field(key)?.trailer, o.trailer, t.trailer)
        }
    }

    private func mergedText(_ b: String?, _ o: String, _ t: String) -> String {
        let o = converted(o), t = converted(t), b = b.map(converted)
        if LineMerge.same(o, t) { return o }
        if let b, LineMerge.same(b, o) { return t }
        if let b, LineMerge.same(b, t) { return o }
        let ours = o.scalarLines
        return o + t.scalarLines.filter { line in !ours.contains { LineMerge.same($0, line) } }.joined()
    }

    // MARK: - Notes

    /// The notes (the body): one side's change is taken; when both changed them, lines changed
    /// in different places merge (diff3), else it is a clash. Without an ancestor, a version that
    /// only adds lines to the other is taken; any other difference is a clash, because which
    /// device wrote which sentence cannot be told and free text is not chosen by a clock.
    mutating func mergeBody() {
        guard let body = codec.catalog.bodyPrompt else { return }
        let bo = ours.doc.body, bt = converted(theirs.doc.body)
        if LineMerge.same(bo, bt) { return }
        let lo = LineMerge.lines(bo), lt = LineMerge.lines(bt)
        let why: String
        if let base {
            let bb = converted(base.doc.body)
            if LineMerge.same(bb, bo) { return doc.body = bt }
            if LineMerge.same(bb, bt) { return }
            if let lines = LineMerge.clean(LineMerge.merge(base: LineMerge.lines(bb), ours: lo, theirs: lt)) {
                doc.body = String(decoding: lines.joined(), as: UTF8.self)
                return
            }
            why = "`\(body.id)`: both versions changed the same lines"
        } else {
            if LineMerge.isContained(lo, in: lt) {
                decisions.append("`\(body.id)`: took \(names.theirs)'s, which has every line of \(names.ours)'s")
                return doc.body = bt
            }
            if LineMerge.isContained(lt, in: lo) {
                decisions.append("`\(body.id)`: kept \(names.ours)'s, which has every line of \(names.theirs)'s")
                return
            }
            why = "`\(body.id)`: the versions differ and neither holds all of the other"
        }
        let notes = EntryCodec.notes(fromBody: theirs.doc.body)
        records.append((shifted(notes.isEmpty ? "\(body.id): ~\n" : YAMLEmitter.topLevelText(key: body.id, notes)), [why]))
    }

    // MARK: - The record of clashes

    /// The other version of `key` (nil: that version has no answer) as lines under the record.
    mutating func record(_ key: String, _ meaning: Meaning?, _ why: String) {
        let name = YAMLEmitter.inlineScalar(key)
        switch meaning {
        case .answer(let answer)?: records.append((shifted(AnswerCoding.encode(answer, key: name)), [why]))
        case .value(let value)?: records.append((shifted(name + ":" + YAMLEmitter.value(value, indent: 2)), [why]))
        case nil: records.append((shifted("\(name): ~\n"), [why]))
        }
    }

    /// Appends the `merge-conflict` field holding the records (`merge-conflict-2`… when the entry
    /// already holds one that was not resolved).
    ///
    /// A record ours holds already, word for word, under one of its `merge-conflict…` keys is not
    /// written again: merging the same two versions twice (a copy merged again after a run killed
    /// before it moved the copy to the trash, two `doctor --merge` at once) records each clash once.
    mutating func writeRecords() {
        let earlier = doc.fields.filter { EntryMerge.isConflictKey($0.key) }.map { "\n" + converted($0.raw) }
        let new = records.filter { record in
            let text = "\n" + converted(record.text)
            return !earlier.contains { $0.contains(text) }
        }
        clashes = new.flatMap(\.clashes)
        guard !new.isEmpty else { return }
        var name = EntryMerge.conflictKey
        var n = 2
        while doc.fields.contains(where: { $0.key == name }) {
            name = "\(EntryMerge.conflictKey)-\(n)"
            n += 1
        }
        conflictKey = name
        let head = "\(name):  # the other version of each answer both sides changed; keep what you want, then delete this key\n"
        doc.fields.append(EntryDocument.Field(key: name, line: 0, raw: converted(head + new.map(\.text).joined())))
    }

    /// Lines indented two more spaces, to sit under the record's key.
    func shifted(_ text: String) -> String {
        text.scalarLines.map { $0.trimmingLineBreak.isEmpty ? $0 : "  " + $0 }.joined()
    }

    /// `text` with every line break made ours' (`\n` or `\r\n`).
    func converted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for u in text.unicodeScalars {
            if u == "\n" {
                if ending == "\r\n" {
                    if previous != "\r" { out.append("\r") }
                } else if previous == "\r" {
                    out.removeLast()
                }
            }
            out.append(u)
            previous = u
        }
        return String(out)
    }

    // MARK: - Reading the result back

    /// The result's text once it reads back with every answer as merged. A field that reads
    /// differently (an alias whose anchor was in a field the merge replaced, say) is written in
    /// the canonical form instead, once; nil when the result still does not read as merged.
    mutating func verified(id: String, path: String) -> String? {
        var rewritten = Set<String>()
        let notes = EntryCodec.notes(fromBody: doc.body)
        while true {
            let text = doc.text
            let entry: Entry
            do {
                entry = try codec.decode(Array(text.utf8), id: id, path: path)
            } catch {
                guard let key = key(atLine: error.line), prompts[key] != nil, rewritten.insert(key).inserted else { return nil }
                canonical(key)
                continue
            }
            let wrong = prompts.keys.filter { entry[$0] != expected[$0] }.sorted()
            if wrong.isEmpty {
                guard codec.catalog.bodyPrompt == nil || entry.notes == notes else { return nil }
                return text
            }
            for key in wrong {
                guard rewritten.insert(key).inserted else { return nil }
                canonical(key)
            }
        }
    }

    /// The field of `key` written in the canonical form of its merged answer (or removed).
    mutating func canonical(_ key: String) {
        if let answer = expected[key] {
            set(key, raw: AnswerCoding.encode(answer, key: key))
        } else {
            doc.fields.removeAll { $0.key == key }
        }
    }

    /// The key of the field at a line of the result.
    func key(atLine line: Int) -> String? {
        var n = 1 + doc.opening.scalarLines.count + doc.leading.scalarLines.count - 1
        for field in doc.fields {
            let lines = field.raw.scalarLines.count + field.trailer.scalarLines.count
            if line > n, line <= n + lines { return field.key }
            n += lines
        }
        return nil
    }
}
