import ArgumentParser
import DebriefCore

/// `debrief people show NAME`: everything the journal says about one person, as their page on
/// the people screen shows it.
struct PeopleShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one person: every note about them, their entries, mentions and open follow-ups.",
        discussion: """
        NAME is matched like `debrief people` merges names (case, accents, Unicode form and spacing \
        ignored); part of a name will do when only one person has it. Notes come newest first, each \
        with the event it was written after. "Mentioned in" lists the entries that name them without \
        listing them among the people met (their full name in the text, or an imported note's tag \
        like @henrike_vogel), each with the line that names them; --format json gives them apart \
        as `mentions`, the entries that list them as `entries`.

        Exit codes: 0 shown, 64 the name matches several people (they are listed), 66 nobody.

        Examples:
          debrief people show "Zoë Brandt"
          debrief people show zoe --format json
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The person's name, or a part of it.", completion: JournalCompletion.people) var name: String
    @Option(help: "Output format.") var format: OutputFormat = .text

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            // From the index's facts when it can answer (issue 23), else from every entry; only
            // this person's facts when the name is someone's whole name.
            let (index, sightings, problems) = context.store.peopleIndex(named: name.folded)
            let person = try Self.find(name, in: index)
            switch format {
            case .json:
                var writer = JSONWriter()
                person.json(into: &writer)
                Output.json(writer)
            case .text:
                let entries = Dictionary(sightings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                Output.print(Self.text(person, entries: entries, today: context.clock.today))
            }
            if let warning = UnreadFiles.warning(problems.count, .notIncluded) { Output.error(warning) }
        }
    }

    /// The person whose folded name is `name`, else the one person whose name contains it.
    static func find(_ name: String, in index: PeopleIndex) throws -> PersonSummary {
        if let exact = index.person(named: name) { return exact }
        let wanted = name.folded
        let matches = wanted.isEmpty ? [] : index.people.filter { EntryQuery.name(folded: $0.key, matches: wanted) }
        guard let first = matches.first else {
            throw CLIError(message: "nobody named like '\(name)' in the journal; `debrief people` lists everyone", code: Exit.noInput)
        }
        guard matches.count == 1 else {
            throw CLIError.usage("'\(name)' matches \(matches.count) people: \(matches.prefix(5).map(\.name).joined(separator: ", "))"
                                 + (matches.count > 5 ? ", …" : "") + "; type more of the name")
        }
        return first
    }

    /// The heading line, then notes (newest first, with the event), entries and open follow-ups.
    static func text(_ p: PersonSummary, entries: [String: PersonSighting], today: Day) -> String {
        var out = [([TerminalSafe.line(p.name), p.meetings] + [[p.level, p.relation].compactMap { $0 }.joined(separator: ", ")].filter { !$0.isEmpty })
            .joined(separator: " · ")]
        out += ["", "Notes (\(p.notes.count))" + (p.notes.count > 1 ? ", newest first" : "")]
        if p.notes.isEmpty { out.append("  None.") }
        for note in p.notes {
            let lines = note.text.split(separator: "\n", omittingEmptySubsequences: false)
            out.append("  \(note.day.iso)  \(note.entryTitle.isEmpty ? note.entryID : note.entryTitle): \(lines.first ?? "")")
            out += lines.dropFirst().map { "    " + $0 }
        }
        out += ["", "Entries (\(p.entryIDs.count))"]
        for id in p.entryIDs {
            let entry = entries[id]
            out.append("  \(entry?.eventTime.day.iso ?? "")  \(entry?.displayTitle ?? id) · \(id)")
        }
        if !p.mentions.isEmpty { out += ["", "Mentioned in (\(p.mentions.count))" + (p.mentions.count > 1 ? ", newest first" : "")] }
        for m in p.mentions {
            out.append("  \(m.day.iso)  \(m.entryTitle)\(m.imported ? " (imported)" : "") · \(m.entryID)")
            out.append("    " + m.line)
        }
        out += ["", "Open follow-ups (\(p.openFollowUps.count))"]
        if p.openFollowUps.isEmpty { out.append("  None.") }
        for item in p.openFollowUps {
            var when = AnswerText.due(item.due, today: today, withDate: true)
            if let history = AnswerText.postponements(item.postponed, firstDue: item.firstDue, due: item.due) { when += ", " + history }
            out.append("  \(item.action), \(when) · " + FollowUps.markCommand(item))
        }
        return out.joined(separator: "\n")
    }
}
