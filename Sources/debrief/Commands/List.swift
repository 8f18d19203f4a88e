import ArgumentParser
import DebriefCore

/// `debrief list`: entries, newest first, filtered.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List entries, newest first.",
        discussion: """
        Dates accept ISO 8601 and 'today', 'yesterday', 'mon'…'sun'. --person matches names ignoring case, \
        accents and spacing.
        """
    )

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var journal: JournalOptions
    @Option(help: ArgumentHelp("Only entries on or after this day.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only entries on or before this day.", valueName: "date")) var until: String?
    @Option(help: ArgumentHelp("Only entries naming this person.", valueName: "name"), completion: JournalCompletion.people) var person: String?
    @Option(help: ArgumentHelp("Only entries with this tag.", valueName: "tag"), completion: JournalCompletion.tags) var tag: String?
    @Option(help: ArgumentHelp("Only entries of this kind.", valueName: "kind"), completion: JournalCompletion.kinds) var kind: String?
    @Option(help: ArgumentHelp("At most this many entries.", valueName: "n")) var limit: Int?
    @Option(help: "Output format.") var format: ListFormat = .text

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let (since, until) = try context.dayRange(since: self.since, until: self.until)
            if let kind, let options = context.catalog.prompt("kind")?.options, !options.contains(kind) {
                throw CLIError.usage("--kind must be one of \(options.joined(separator: ", ")), not '\(kind)'")
            }
            // Read only what the listing needs: ids start with the event's day, so a date range
            // skips files unread, and a bare --limit stops after the newest ones.
            let scan = context.store.scan()
            var refs = scan.refs.filter { ref in
                guard let day = Day(iso: ref.id.prefix(10)) else { return true }
                if let since, day < since { return false }
                if let until, day > until { return false }
                return true
            }
            let unfiltered = person == nil && tag == nil && kind == nil
            if unfiltered, let limit, refs.count > limit * 2 {
                // Ids sort by the event's local time; keep a margin for entries whose offsets differ.
                refs = Array(refs.prefix(limit * 2))
            }
            let snapshot = context.store.load(refs)
            var entries = snapshot.entries.filter { entry in
                let day = entry.eventTime.day
                if let since, day < since { return false }
                if let until, day > until { return false }
                if let kind, entry.kind != kind { return false }
                if let tag, !entry.tags.contains(where: { $0.folded == tag.folded }) { return false }
                if let person, !entry.people.contains(where: { $0.name.folded.contains(person.folded) }) { return false }
                return true
            }
            entries.sort { $0.eventTime > $1.eventTime }
            if let limit { entries = Array(entries.prefix(limit)) }
            switch format {
            case .json:
                Output.json(JSONValue.array(entries.map { EntryJSON.summary($0, pitfalls: context.pitfallIDs($0)) }).rendered())
            case .text:
                for entry in entries { Output.print(Self.line(entry, pitfalls: context.pitfallIDs(entry))) }
            }
            if let warning = UnreadFiles.warning(scan.problems.count + snapshot.problems.count, .notListed) { Output.error(warning) }
        }
    }

    static func line(_ entry: Entry, pitfalls: [String]) -> String {
        var parts = [entry.eventTime.display, entry.title]
        if let kind = entry.kind { parts.append(kind) }
        let n = entry.people.count
        if n > 0 { parts.append("\(n) \(n == 1 ? "person" : "people")") }
        let open = entry.followUps.filter(\.isOpen).count
        if open > 0 { parts.append("\(open) open follow-up\(open == 1 ? "" : "s")") }
        if !pitfalls.isEmpty { parts.append("pitfalls: " + pitfalls.joined(separator: ", ")) }
        return entry.id + "\t" + parts.joined(separator: " · ")
    }
}
