import Foundation

/// Whole entries as JSON, out and back in: `debrief export --format json` writes an array of
/// entries that `debrief import json` reads back into the same entries; the import also reads
/// jrnl's `--format json` export.
public enum JournalJSON {
    // MARK: - Export

    /// One entry with every answer: `id`, `created`, `updated`, `flow`, `source`, `event` and `location` (null when
    /// absent), then every prompt of the catalog in order, null when unanswered, so every object
    /// has the same keys. Answers have the shapes of `show --format json`, with follow-ups
    /// complete (`id`, `first-due`, `postponed`), and `notes` is the body.
    ///
    /// `promptIDs` are the ids of the catalog's prompts in order (`catalog.prompts`), taken once
    /// for a whole export: gathering them for each entry (the sections' prompts flattened and
    /// copied, then released) was 237 M of 2,660 M instructions of `export --format json` at
    /// 10,000 entries.
    public static func entry(_ entry: Entry, promptIDs: [String], into w: inout JSONWriter) {
        w.object { w in
            w.field("id", entry.id)
            w.field("created", entry.created.iso)
            w.field("updated", entry.updated.iso)
            w.field("flow", entry.flow)
            w.field("source", entry.origin)
            w.field("event", entry.event)
            w.field("location", entry.location)
            for id in promptIDs {
                w.key(id)
                if let answer = entry[id] { EntryJSON.answer(answer, complete: true, into: &w) } else { w.null() }
            }
        }
    }

    /// Entries oldest first, as one JSON array.
    public static func export(_ entries: [Entry], catalog: Catalog) -> String {
        let promptIDs = catalog.prompts.map(\.id)
        var writer = JSONValue.ArrayWriter()
        let text = writer.part(entries.sorted { $0.eventTime < $1.eventTime }) { entry($0, promptIDs: promptIDs, into: &$1) }
        return String(decoding: text, as: UTF8.self) + writer.end()
    }

    // MARK: - Import

    /// Reads debrief's export (an array of entries) or jrnl's (`{"tags": …, "entries": […]}`).
    /// A file that is not JSON, or neither shape, throws with its line; an entry that cannot be
    /// read is refused with the line it starts on, and the others are still offered.
    /// `tagSymbols` are taken off jrnl's tags (besides `#` and `@`).
    public static func read(_ text: String, catalog: Catalog, clock: Clock,
                            tagSymbols: String = JrnlNote.defaultTagSymbols) throws(YAMLProblem) -> ImportSource {
        let root = try JSONReader.parse(text)
        switch root.value {
        case .array(let items):
            var source = ImportSource()
            for item in items { add(debriefEntry(item, catalog: catalog, clock: clock), to: &source) }
            return source
        case .object:
            guard let entries = root["entries"], case .array(let items) = entries.value else {
                throw YAMLProblem(line: root.line, message: "expected debrief's export (an array of entries) or jrnl's (an object with \"entries\")")
            }
            var source = ImportSource()
            for item in items { add(jrnlEntry(item, timeZone: clock.timeZone, tagSymbols: tagSymbols), to: &source) }
            return source
        default:
            throw YAMLProblem(line: root.line, message: "expected debrief's export (an array of entries) or jrnl's (an object with \"entries\")")
        }
    }

    private static func add(_ result: Result<ImportCandidate, ImportRefusal>, to source: inout ImportSource) {
        switch result {
        case .success(let candidate): source.candidates.append(candidate)
        case .failure(let refusal): source.refused.append(refusal)
        }
    }

    /// One object of debrief's export: metadata, then answers checked against the catalog as
    /// `debrief add` checks them. Unknown keys refuse the entry rather than lose what they hold.
    static func debriefEntry(_ node: JSONNode, catalog: Catalog, clock: Clock) -> Result<ImportCandidate, ImportRefusal> {
        guard case .object(let pairs) = node.value else {
            return .failure(ImportRefusal(line: node.line, message: "an entry must be a JSON object"))
        }
        func refuse(_ line: Int, _ message: String) -> Result<ImportCandidate, ImportRefusal> {
            .failure(ImportRefusal(line: line, message: message))
        }
        var answers: [String: Answer] = [:]
        var created: Timestamp?, updated: Timestamp?, flow: String?, origin: String?, event: String?, location: String?, formerID: String?
        for (key, value) in pairs {
            if case .null = value.value { continue }
            switch key {
            case "id", "flow", "source", "event", "location", "created", "updated":
                guard let s = value.string else { return refuse(value.line, "`\(key)` must be text") }
                switch key {
                case "id": formerID = s
                case "flow": flow = s
                case "source": origin = s
                case "event": event = s
                case "location": location = s
                default:
                    guard let ts = Timestamp(iso: s) else { return refuse(value.line, "`\(key)` must be a date-time like 2026-11-24T18:30:00+01:00, not '\(s)'") }
                    if key == "created" { created = ts } else { updated = ts }
                }
            case "schema", "path", "pitfalls":
                continue
            default:
                guard let prompt = catalog.prompt(key) else {
                    return refuse(value.line, "unknown key `\(key)`: not a prompt in the catalog (see `debrief prompts show`)")
                }
                do throws(YAMLProblem) {
                    answers[key] = try AnswerInput.answer(value.yamlValue, for: prompt, line: value.line, clock: clock)
                } catch {
                    return refuse(error.line, error.message)
                }
            }
        }
        for prompt in catalog.prompts where prompt.required && answers[prompt.id] == nil {
            return refuse(node.line, "the entry has no `\(prompt.id)`")
        }
        // Never "now": an entry without a day of its own would get a new duplicate key each day
        // the file is imported again.
        guard let when = created ?? answers["date"]?.timestamp else {
            return refuse(node.line, "the entry has neither `created` nor `date`; an import needs the day it happened")
        }
        var entry = Entry(id: "", created: when, updated: updated ?? when, answers: answers, flow: flow, event: event, location: location)
        // The key it was first imported under travels with it; an entry written in debrief is
        // known by where it was exported from; an entry with neither, by its day and content.
        var earlierKey: String?
        if let origin {
            entry.origin = origin
        } else if let formerID {
            entry.origin = key(formerID + "\u{1F}" + when.iso)
        } else {
            // Not its time alone: entries without an id that share a minute are different
            // entries (before, all but the first were skipped as duplicates). What an earlier
            // debrief keyed by the time alone still matches, once (see ImportPlan).
            let content = pairs.filter { !["updated", "schema", "path", "pitfalls"].contains($0.key) && !isNull($0.value) }
            entry.origin = key("\u{1F}" + when.iso + "\u{1F}" + JSONNode(value: .object(content), line: node.line).canonical)
            earlierKey = key("\u{1F}" + when.iso)
        }
        return .success(ImportCandidate(line: node.line, entry: entry, formerID: formerID, earlierKey: earlierKey))
    }

    /// `debrief:` and a hash of `text`: the duplicate key of an entry from debrief's JSON.
    private static func key(_ text: String) -> String {
        "debrief:" + String(Fingerprint(of: Array(text.utf8)).hash, radix: 16)
    }

    private static func isNull(_ node: JSONNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    /// One entry of jrnl's JSON export: `title`, `body`, `date` (`2026-11-24`), `time` (`18:30`),
    /// `tags` (`["@swift"]`) and `starred`.
    static func jrnlEntry(_ node: JSONNode, timeZone: TimeZone, tagSymbols: String) -> Result<ImportCandidate, ImportRefusal> {
        guard case .object = node.value else {
            return .failure(ImportRefusal(line: node.line, message: "a jrnl entry must be a JSON object"))
        }
        guard let title = node["title"]?.string, !title.allSatisfy(\.isWhitespace) else {
            return .failure(ImportRefusal(line: node.line, message: "the entry has no \"title\""))
        }
        let dateText = node["date"]?.string ?? "", timeText = node["time"]?.string ?? ""
        guard let date = JrnlText.date(dateText + " " + timeText, timeZone: timeZone) else {
            return .failure(ImportRefusal(line: node["date"]?.line ?? node.line,
                                          message: "\"date\" and \"time\" must be like 2026-11-24 and 18:30, not '\(dateText)' and '\(timeText)'"))
        }
        var tags: [String] = []
        if case .array(let items)? = node["tags"]?.value {
            tags = TagSpelling.unique(items.compactMap { $0.string.flatMap { TagSpelling.tag($0, symbols: Set(tagSymbols.unicodeScalars)) } })
        }
        var starred = false
        if case .bool(let b)? = node["starred"]?.value { starred = b }
        let note = JrnlNote(date: date, title: title, body: node["body"]?.string ?? "", tags: tags, starred: starred)
        return .success(ImportCandidate(line: node.line, entry: note.entry()))
    }
}
