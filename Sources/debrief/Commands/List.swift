import ArgumentParser
import DebriefCore

/// `debrief list`: entries, newest first, filtered.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entries, newest first.",
        discussion: """
        Dates accept ISO 8601 and 'today', 'yesterday', 'mon'…'sun'. Texts match ignoring case, accents \
        and spacing, and part of a word will do: --person matches the people met and the follow-ups' \
        who ("rike" finds Henrike), --kind the start of the kind, --search any part of any answer or \
        the notes (browse's / search), --pitfall part of a pitfall id the entry shows today. --tag \
        matches a whole tag.

        Examples:
          debrief list --person "zoe brandt" --format json
          debrief list --search "tail latency" --since 2026-01-01
          debrief list --kind meet --limit 20
        """
    )

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var journal: JournalOptions
    @Option(help: ArgumentHelp("Only entries on or after this day.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only entries on or before this day.", valueName: "date")) var until: String?
    @Option(help: ArgumentHelp("Only entries naming this person (met, or in a follow-up).", valueName: "name"),
            completion: JournalCompletion.people) var person: String?
    @Option(help: ArgumentHelp("Only entries with this tag.", valueName: "tag"), completion: JournalCompletion.tags) var tag: String?
    @Option(help: ArgumentHelp("Only entries of this kind (its start will do).", valueName: "kind"),
            completion: JournalCompletion.kinds) var kind: String?
    @Option(help: ArgumentHelp("Only entries showing this pitfall today (part of its id).", valueName: "pitfall")) var pitfall: String?
    @Option(help: ArgumentHelp("Only entries whose answers or notes contain this text.", valueName: "text")) var search: String?
    @Option(help: ArgumentHelp("At most this many entries.", valueName: "n")) var limit: Int?
    @Option(help: "Output format.") var format: ListFormat = .text

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let (since, until) = try context.dayRange(since: self.since, until: self.until)
            if let kind, let options = context.catalog.prompt("kind")?.options,
               !options.contains(where: { $0.folded.hasFoldedPrefix(kind.folded) }) {
                throw CLIError.usage("--kind must be one of \(options.joined(separator: ", ")) (or the start of one), not '\(kind)'")
            }
            let query = EntryQuery(since: since, until: until, person: person, tag: tag, kind: kind, pitfall: pitfall,
                                   text: search, limit: limit)
            let detector = context.detector, today = context.clock.today
            var matcher = EntryMatcher(query, catalog: context.catalog, today: today)
            // Of each entry only what its line or summary and its pitfalls read (not its notes).
            matcher.reading = EntryJSON.listedPromptIDs(context.catalog)
            // Written a batch at a time as the store gives them (issue 23): never every entry at once.
            var writer = JSONValue.ArrayWriter()
            var listed = 0
            // Each entry judged where it is written, on every core in one pass: judged in a pass of
            // its own first, each batch waited twice for its slower core, and its text lines were
            // made on one core.
            let problems = context.store.entries(matching: matcher) { entries in
                listed += entries.count
                switch format {
                case .json:
                    Output.jsonPart(writer.part(entries) { EntryJSON.summary($0, pitfalls: detector.pitfallIDs(shownBy: $0, asOf: today), into: &$1) })
                case .text:
                    Output.print(lines: entries.concurrentMap { Self.line($0, pitfalls: detector.pitfallIDs(shownBy: $0, asOf: today)) })
                }
            }
            Trace.mark("list: \(listed) entries written")
            if format == .json { Output.json(writer.end()) }
            if let warning = UnreadFiles.warning(problems.count, .notListed) { Output.error(warning) }
        }
    }

    /// The entry's line: its id, a tab, then its time, title, kind, people, open follow-ups and
    /// pitfalls joined by " · ". Written into one buffer of bytes: an array of parts joined and
    /// appended to the id was a ninth of `list --search` over 10,000 entries (167 M instructions,
    /// 17,000 a line).
    static func line(_ entry: Entry, pitfalls: [String]) -> String {
        let separator = " · ".utf8
        var out: [UInt8] = []
        out.reserveCapacity(160)
        out += entry.id.utf8
        out.append(UInt8(ascii: "\t"))
        entry.eventTime.display(into: &out)
        out += separator
        out += TerminalSafe.line(entry.title).utf8
        if let kind = entry.kind {
            out += separator
            out += TerminalSafe.line(kind).utf8
        }
        let n = entry.people.count
        if n > 0 {
            out += separator
            out += String(n).utf8
            out += (n == 1 ? " person" : " people").utf8
        }
        let open = entry.followUps.reduce(0) { $1.isOpen ? $0 + 1 : $0 }
        if open > 0 {
            out += separator
            out += String(open).utf8
            out += (open == 1 ? " open follow-up" : " open follow-ups").utf8
        }
        if !pitfalls.isEmpty {
            out += separator
            out += "pitfalls: ".utf8
            for (i, id) in pitfalls.enumerated() {
                if i > 0 { out += ", ".utf8 }
                out += id.utf8
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
