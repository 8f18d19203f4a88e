import Foundation

/// Why an entry file could not be read: shown with its path and line, never "fixed" silently.
public struct EntryProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(path):\(line): \(reason)" }
}

/// Reads and writes entry files: Markdown with YAML front matter (see docs/FORMAT.md).
///
/// Reading takes the fast path for fields in debrief's canonical form and falls back to Yams for
/// anything written by hand. Writing keeps every field whose answer did not change byte for byte.
public struct EntryCodec: Sendable {
    public var catalog: Catalog
    /// Zone for date-times written by hand without an offset.
    public var timeZone: TimeZone
    private let promptsByID: [String: Prompt]
    /// Front-matter keys in the order a new entry writes them.
    private let keyOrder: [String: Int]
    /// Off only in tests that compare the fast path with Yams alone.
    var usesFastPath = true

    public init(catalog: Catalog, timeZone: TimeZone) {
        self.catalog = catalog
        self.timeZone = timeZone
        var byID: [String: Prompt] = [:]
        for p in catalog.prompts { byID[p.id] = p }
        promptsByID = byID
        var order: [String: Int] = [:]
        for (i, key) in (Catalog.metadataKeys + catalog.prompts.filter { !$0.isBody }.map(\.id)).enumerated() { order[key] = i }
        keyOrder = order
    }

    /// Bumped when the same bytes are read into other answers (2: tags in their one spelling,
    /// `@nordwind` read as `nordwind`), so an index holding answers read the old way is rebuilt.
    public static let readingRevision = 2
    public static let schemaVersion = 1

    // MARK: - Reading

    /// Decodes an entry file's bytes. `id` is the file name without `.md`.
    public func decode(_ bytes: [UInt8], id: String, path: String) throws(EntryProblem) -> Entry {
        try bytes.withUnsafeBufferPointer { (buffer) throws(EntryProblem) -> Entry in
            try decode(buffer, fingerprint: Fingerprint(of: buffer), id: id, path: path)
        }
    }

    /// Decodes bytes borrowed from a file or from the index. Works on the bytes throughout: the
    /// front matter is split by byte offsets and each field read by ``FastFieldReader`` where its
    /// style allows, by Yams otherwise.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, fingerprint: Fingerprint, id: String, path: String) throws(EntryProblem) -> Entry {
        guard UTF8Check.isValid(bytes) else {
            throw EntryProblem(path: path, line: UTF8Check.line(ofFirstInvalid: Array(bytes)), reason: "not valid UTF-8 text")
        }
        var split: FrontMatter.Split
        do {
            split = try FrontMatter.split(bytes)
        } catch {
            throw EntryProblem(path: path, line: error.line, reason: error.message)
        }
        var answers: [String: Answer] = [:]
        var created: Timestamp?
        var updated: Timestamp?
        var flow: String?
        var origin: String?
        var event: String?
        var formerIDs: [String] = []
        var location: String?
        var seen = Set<String>()
        for i in split.document.fields.indices {
            let field = split.document.fields[i]
            let (key, value) = try read(field, bytes: UnsafeBufferPointer(rebasing: bytes[split.ranges[i]]), in: split.document, path: path)
            if !seen.insert(key).inserted {
                throw EntryProblem(path: path, line: field.line, reason: "duplicate key `\(key)`")
            }
            // The key as YAML reads it (`"title":` and `'title':` are `title`), so a save finds
            // this field instead of adding a second one (found by fuzzing the reader).
            split.document.fields[i].key = key
            switch key {
            case "schema":
                guard let s = value.string, let n = Int(s) else {
                    throw EntryProblem(path: path, line: field.line, reason: "`schema` must be a number")
                }
                guard n <= Self.schemaVersion else {
                    throw EntryProblem(path: path, line: field.line, reason: "written by a newer debrief (schema \(n)); this one reads schema \(Self.schemaVersion)")
                }
            case "id":
                break
            case "former-ids":
                switch value {
                case .null: break
                case .list(let items) where items.allSatisfy({ $0.string != nil }):
                    formerIDs = items.compactMap { $0.string?.trimmingBlanks }.filter { !$0.isEmpty }
                case .scalar(let s, _):
                    formerIDs = s.split(separator: ",").map { $0.trimmingBlanks }.filter { !$0.isEmpty }
                default:
                    throw EntryProblem(path: path, line: field.line, reason: "`former-ids` must be a list of ids")
                }
            case "flow", "source", "event", "location":
                guard value == .null || value.string != nil else {
                    throw EntryProblem(path: path, line: field.line, reason: "`\(key)` must be text")
                }
                let text = value.string.map { $0.trimmingBlanks }.flatMap { $0.isEmpty ? nil : $0 }
                switch key {
                case "flow": flow = text
                case "source": origin = text
                case "event": event = text
                default: location = text
                }
            case "created", "updated":
                guard let s = value.string, let ts = AnswerCoding.timestamp(s, timeZone: timeZone) else {
                    throw EntryProblem(path: path, line: field.line, reason: "`\(key)` must be a date and time like 2026-11-24T21:05:12+01:00")
                }
                if key == "created" { created = ts } else { updated = ts }
            default:
                guard let prompt = promptsByID[key], !prompt.isBody else { continue }
                do {
                    let answer = try AnswerCoding.decode(value, as: prompt, timeZone: timeZone)
                    split.document.fields[i].answer = answer
                    if let answer, !answer.isEmpty { answers[key] = answer }
                } catch {
                    throw EntryProblem(path: path, line: field.line, reason: error.message)
                }
            }
        }
        var doc = split.document
        if let body = catalog.bodyPrompt {
            // The body less the one line break that ends the file, cut from the bytes.
            let end = bytes.count > split.bodyStart && bytes[bytes.count - 1] == 10 ? bytes.count - 1 : bytes.count
            let notes = String(decoding: UnsafeBufferPointer(rebasing: bytes[split.bodyStart..<end]), as: UTF8.self)
            doc.bodyAnswer = notes.isEmpty ? nil : .text(notes)
            if let answer = doc.bodyAnswer { answers[body.id] = answer }
        }
        guard let created = created ?? answers["date"]?.timestamp else {
            throw EntryProblem(path: path, line: 1, reason: "missing `created` (and no `date` to stand in for it)")
        }
        return Entry(id: id, created: created, updated: updated ?? created, answers: answers, flow: flow, origin: origin, event: event,
                     location: location, formerIDs: formerIDs, source: EntrySource(path: path, fingerprint: fingerprint, document: doc))
    }

    /// The key and value of one field: fast path first, Yams for anything else.
    private func read(_ field: EntryDocument.Field, bytes: UnsafeBufferPointer<UInt8>, in doc: EntryDocument,
                      path: String) throws(EntryProblem) -> (String, YAMLValue) {
        if usesFastPath, let value = FastFieldReader.value(in: bytes) { return (field.key, value) }
        do throws(YAMLProblem) {
            do throws(YAMLProblem) {
                guard let node = try YAML.compose(field.raw, lineOffset: field.line - 1),
                      let pairs = node.pairs, pairs.count == 1, let pair = pairs.first else {
                    throw YAMLProblem(line: field.line, message: "expected one `key: value`")
                }
                return (pair.key, try YAMLValue(pair.value))
            } catch where field.raw.contains("*") && error.message.contains("undefined alias") {
                return try Self.readWithinFrontMatter(field, of: doc)
            }
        } catch {
            throw EntryProblem(path: path, line: error.line, reason: error.message)
        }
    }

    /// The YAML value of one field of a document already split (what a merge compares for keys
    /// that are not a prompt's answer), nil when it does not read.
    func value(of field: EntryDocument.Field, in doc: EntryDocument) -> YAMLValue? {
        var raw = field.raw
        return raw.withUTF8 { bytes in try? read(field, bytes: bytes, in: doc, path: "").1 }
    }

    /// A field whose alias names an anchor given in an earlier field (PyYAML's `safe_dump` writes
    /// `&id001` on the first use of a list and `*id001` on the next), read within the whole front
    /// matter, where the anchor is defined.
    private static func readWithinFrontMatter(_ field: EntryDocument.Field, of doc: EntryDocument) throws(YAMLProblem) -> (String, YAMLValue) {
        let text = doc.leading + doc.fields.map { $0.raw + $0.trailer }.joined()
        let lineOffset = doc.opening.isEmpty ? 0 : 1
        guard let root = try YAML.compose(text, lineOffset: lineOffset), let pairs = root.pairs,
              let pair = pairs.first(where: { $0.keyNode.line + lineOffset == field.line }) ?? pairs.first(where: { $0.key == field.key }) else {
            throw YAMLProblem(line: field.line, message: "expected one `key: value`")
        }
        return (pair.key, try YAMLValue(pair.value))
    }

    /// The notes answer is the body less the one line break that ends the file.
    static func notes(fromBody body: String) -> String {
        // Scalars, not Characters: a body ending "\r\n" ends in one Character that is not "\n".
        body.unicodeScalars.last == "\n" ? String(body.unicodeScalars.dropLast()) : body
    }

    // MARK: - Writing

    /// The file text for `entry`, keeping unchanged fields of its source document byte for byte.
    public func encode(_ entry: Entry) -> String {
        var doc = entry.source?.document ?? EntryDocument()
        set(&doc, "schema", raw: "schema: \(Self.schemaVersion)\n", keepIf: { $0.raw.hasPrefix("schema:") })
        set(&doc, "id", raw: "id: \(YAMLEmitter.idScalar(entry.id))\n", keepIf: { FastFieldReader.value(of: $0.raw)?.string == entry.id })
        if entry.formerIDs.isEmpty {
            doc.fields.removeAll { $0.key == "former-ids" }
        } else {
            let raw = "former-ids: [" + entry.formerIDs.map { YAMLEmitter.idScalar($0, inFlow: true) }.joined(separator: ", ") + "]\n"
            set(&doc, "former-ids", raw: raw, keepIf: { $0.raw == raw })
        }
        set(&doc, "created", raw: "created: \(entry.created.iso)\n", keepIf: { FastFieldReader.value(of: $0.raw)?.string == entry.created.iso })
        set(&doc, "updated", raw: "updated: \(entry.updated.iso)\n", keepIf: { FastFieldReader.value(of: $0.raw)?.string == entry.updated.iso })
        for (key, value) in [("flow", entry.flow), ("source", entry.origin), ("event", entry.event), ("location", entry.location)] {
            if let value {
                set(&doc, key, raw: "\(key): \(YAMLEmitter.inlineScalar(value))\n", keepIf: { FastFieldReader.value(of: $0.raw)?.string == value })
            } else {
                doc.fields.removeAll { $0.key == key }
            }
        }
        for prompt in catalog.prompts where !prompt.isBody {
            let answer = entry[prompt.id]
            if let answer {
                set(&doc, prompt.id, raw: AnswerCoding.encode(answer, key: prompt.id), keepIf: { $0.answer == answer })
                if let i = doc.fields.firstIndex(where: { $0.key == prompt.id }) { doc.fields[i].answer = answer }
            } else {
                doc.fields.removeAll { $0.key == prompt.id }
            }
        }
        if let body = catalog.bodyPrompt {
            let answer = entry[body.id]
            if answer != doc.bodyAnswer || entry.source == nil {
                let notes = answer?.text ?? ""
                doc.body = notes.isEmpty ? "" : notes + "\n"
                doc.bodyAnswer = answer
            }
        }
        return doc.text
    }

    /// Replaces a field's raw text unless `keepIf` says the old one already says the same,
    /// inserting a missing field at its place in the canonical order.
    func set(_ doc: inout EntryDocument, _ key: String, raw: String, keepIf: (EntryDocument.Field) -> Bool) {
        if let i = doc.fields.firstIndex(where: { $0.key == key }) {
            if !keepIf(doc.fields[i]) { doc.fields[i].raw = raw }
            return
        }
        let rank = keyOrder[key] ?? Int.max
        var position = 0
        for (i, f) in doc.fields.enumerated() {
            if let r = keyOrder[f.key], r < rank { position = i + 1 }
        }
        doc.fields.insert(EntryDocument.Field(key: key, line: 0, raw: raw), at: position)
    }
}
