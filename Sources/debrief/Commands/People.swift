import ArgumentParser
import DebriefCore

/// `debrief people`: everyone named in any reflection, merged by name; `show`, `rename` and
/// `merge` below it. `debrief people` alone lists, as it always did.
struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "List, show, rename and merge the people in your reflections.",
        discussion: """
        `debrief people` alone lists everyone (see `debrief people list --help` for its options).
        """,
        subcommands: [PeopleList.self, PeopleShow.self, PeopleRename.self, PeopleMerge.self, PeopleForget.self],
        defaultSubcommand: PeopleList.self
    )
}

/// `debrief people [list]`: everyone named in any reflection, merged by name.
struct PeopleList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the people in your reflections, most recently met first.",
        discussion: """
        Names merge across entries ignoring case, accents, Unicode form and spacing ("Zoë Brandt" \
        and "zoe  brandt" are one person), shown in their most frequent spelling, with how often and \
        when you met, their latest level and relation, open follow-ups with them and your notes.

        --cold [DAYS] lists only people you already know (called "existing" in some entry, or met \
        more than once) whom no reflection has mentioned, as a person or in a follow-up, for at \
        least DAYS days (default: the days last set on the people screen, else `cold-days` in config.yaml, \
        else 90), the longest silent first: the people to reconnect with. DAYS \
        is the number after --cold and only goes with it.

        Examples:
          debrief people
          debrief people --cold
          debrief people --cold 180 --format json
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var journal: JournalOptions
    @Flag(help: "Only people you know whom no reflection mentioned for DAYS days (default 90, or as configured).") var cold = false
    @Argument(help: ArgumentHelp("With --cold: days without a mention (default 90, or as configured).", valueName: "days")) var days: Int?
    @Option(help: "Output format.") var format: OutputFormat = .text

    func validate() throws {
        guard let days else { return }
        guard cold else { throw ValidationError("DAYS goes with --cold, as in `debrief people --cold \(days)`") }
        guard days >= 0 else { throw ValidationError("--cold DAYS must be 0 or more, not \(days)") }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            // From the index's facts when it can answer (issue 23), else from every entry.
            let (index, sightings, problems) = context.store.peopleIndex()
            // Everyone in the journal and every entry's people, freed by the exit, not one by one.
            KeptUntilExit.keep((index, sightings))
            let today = context.clock.today
            let threshold = context.coldDays(flag: days)
            let people = cold ? index.cold(asOf: today, days: threshold) : index.people
            switch format {
            case .json:
                var writer = JSONWriter()
                writer.array { w in for person in people { person.json(into: &w) } }
                Output.json(writer)
            case .text:
                if people.isEmpty {
                    Output.note(cold
                        ? "Nobody you know has gone unmentioned for \(threshold) days or more."
                        : "No people in the journal yet; name them under `people` in a reflection.")
                }
                // In one write: a write a person was 400 system calls at 10,000 entries.
                Output.print(lines: people.map { cold ? Self.coldLine($0, today: today) : Self.lines($0, today: today) })
            }
            if let warning = UnreadFiles.warning(problems.count, .notIncluded) { Output.error(warning) }
        }
    }

    /// How many notes the text view shows per person; JSON has them all.
    static let notesShown = 3

    /// The name line, then open follow-ups and the latest notes, indented. Appended to one
    /// `String` as they come: arrays of pieces joined twice a person were a tenth of `debrief
    /// people` at 10,000 entries.
    static func lines(_ p: PersonSummary, today: Day) -> String {
        var out = TerminalSafe.line(p.name)
        out += " · "
        out += p.meetings
        // Level and relation, when known, after one separator and joined by a comma.
        if let level = p.level {
            out += " · "
            out += level
            if let relation = p.relation {
                out += ", "
                out += relation
            }
        } else if let relation = p.relation {
            out += " · "
            out += relation
        }
        for item in p.openFollowUps {
            out += "\n  to do: "
            out += TerminalSafe.line(item.action)
            out += ", "
            out += AnswerText.due(item.due, today: today, withDate: true)
            if let history = AnswerText.postponements(item.postponed, firstDue: item.firstDue, due: item.due) {
                out += ", "
                out += history
            }
            out += " · "
            out += FollowUps.markCommand(item)
        }
        for note in p.notes.prefix(notesShown) {
            out += "\n  "
            out += note.day.iso
            out += " "
            out += note.entryTitle
            out += ": "
            out += note.text
        }
        if p.notes.count > notesShown {
            let more = p.notes.count - notesShown
            out += "\n  … and \(more) earlier note\(more == 1 ? "" : "s") (`debrief people show \(quoted(p.name))` shows every one)"
        }
        return out
    }

    /// A name as a shell argument in a hint: quoted when it has a space.
    static func quoted(_ name: String) -> String { name.contains(" ") ? "\"\(name)\"" : name }

    /// One line per cold person: how long it has been, then what you know.
    static func coldLine(_ p: PersonSummary, today: Day) -> String {
        let days = p.daysSinceMentioned(asOf: today)
        var parts = [TerminalSafe.line(p.name), "last mentioned \(p.lastMentioned.iso), \(days) day\(days == 1 ? "" : "s") ago", p.meetings]
        let details = [p.level, p.relation].compactMap { $0 }
        if !details.isEmpty { parts.append(details.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}
