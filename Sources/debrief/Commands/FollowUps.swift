import ArgumentParser
import DebriefCore

/// `debrief followups`: every follow-up action across the journal, soonest due first.
struct FollowUps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "List follow-up actions across the journal, soonest due first.",
        discussion: """
        Shows who, what, when it is due ("in 2 days", "3 days overdue") and the entry it came from, \
        and ends with the command that marks it done (`done: debrief done ENTRY-ID N`; for a done \
        one, `reopen: debrief undone ENTRY-ID N`). Actions without a due date come last. \
        --person matches the action's "who" ignoring case, accents and spacing, and may be part of \
        the name.

        --quiet prints nothing and answers with the exit code alone, for shell prompts and cron: \
        1 when at least one action matches the filters, 0 when none does (the convention of \
        `git diff --quiet`: 1 means there is something to look at). So `debrief followups --overdue \
        --quiet` exits 1 when something is overdue and 0 when nothing is; with --open it asks \
        "anything open?", with --done "anything done?". It works with --person, ignores --format, and \
        does not warn about unreadable files (run `debrief doctor` for those). Errors still print \
        and exit 64 or above.

        --format ics writes an RFC 5545 calendar of the follow-ups the filters keep (open ones by \
        default; --all adds done ones, which to-dos mark STATUS:COMPLETED): all-day events on the \
        due day (follow-ups without one are left out and counted on stderr), or with --ics-kind todo \
        VTODO items with DUE. Each item's UID stays the same for that follow-up for good. \
        --output DIR --vdir keeps a vdir folder in step: one .ics per follow-up, rewritten when it \
        changed, removed when the follow-up is done or deleted. Each carries a mark naming the journal \
        (.journal-id) and what debrief wrote; only files marked by this journal and unchanged since \
        are rewritten or removed. A file changed elsewhere (an event edited on a phone) is yours: named \
        on stderr, left as it is. Other files are never touched; syncs of one folder take turns. \
        With --ics-kind todo, a to-do ticked in a to-do app (todoman's `todo done`, a phone synced by \
        vdirsyncer) whose only change is the tick marks its follow-up done on the day of its COMPLETED \
        date, as `debrief done` would, and then goes like any done follow-up's file; one also edited \
        there, or whose follow-up changed in the journal since, or dated after today, is named and left.

        Examples:
          debrief followups --overdue
          debrief followups --format ics --output ~/.calendars/debrief --vdir
          debrief followups --format ics --ics-kind todo --output ~/.calendars/todo --vdir
          debrief followups --all --person "Ana Li" --format json
          debrief followups --overdue --quiet || echo "You have overdue follow-ups"
        """
    )

    enum Which: String, EnumerableFlag {
        case overdue, open, done, all

        static func help(for value: Which) -> ArgumentHelp? {
            switch value {
            case .overdue: return "Only open actions due before today."
            case .open: return "Only actions not done yet."
            case .done: return "Only actions marked done."
            case .all: return "Every action."
            }
        }

        var filter: FollowUpFilter {
            switch self {
            case .overdue: return .overdue
            case .open: return .open
            case .done: return .done
            case .all: return .all
            }
        }
    }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, ics }

    @OptionGroup var journal: JournalOptions
    @Flag var which: Which = .open
    @Option(help: ArgumentHelp("Only actions with this person (part of the name will do).", valueName: "name"),
            completion: JournalCompletion.people)
    var person: String?
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Flag(name: [.short, .long], help: "Print nothing; exit 1 when any action matches, 0 when none does.")
    var quiet = false
    @Option(name: .customLong("ics-kind"), help: "With --format ics: event (all-day events on the due day) or todo (VTODO with DUE).")
    var icsKind: ICalendar.Kind?
    @Option(name: [.short, .long], help: ArgumentHelp("With --format ics: write the calendar to this file (`-` is stdout), or with --vdir keep this folder in step.",
                                                      valueName: "path"), completion: .file())
    var output: String?
    @Flag(help: "With --output DIR: one .ics file per follow-up, updated and removed as follow-ups change (vdirsyncer, khal, todoman).")
    var vdir = false
    @Flag(help: "With --output FILE: replace the file when it exists.") var force = false

    func validate() throws {
        try CalendarOutput.validate(isCalendar: format == .ics, kindGiven: icsKind != nil, output: OutputPath.file(output), vdir: vdir, force: force)
        if format != .ics, output != nil { throw ValidationError("--output goes with --format ics") }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let today = context.clock.today
            // The calendar needs whole entries; the lists are answered from the index's facts.
            let snapshot = format == .ics ? context.store.loadAll() : nil
            let (index, problems) = snapshot.map { (FollowUpIndex(entries: $0.entries), $0.problems) } ?? context.store.followUpIndex(for: which.filter)
            let items = index.items(which.filter, today: today, person: person)
            // Every follow-up of the journal and those listed, freed by the exit, not one by one.
            KeptUntilExit.keep((index, items))
            if quiet {
                if !items.isEmpty { throw ExitCode(1) }
                return
            }
            switch format {
            case .ics:
                // The filters again on the journal as it is after to-dos ticked in a to-do app are taken in.
                let (filter, person) = (which.filter, person)
                try CalendarOutput.emit(snapshot?.entries ?? [], select: { entries in
                    let kept = Set(FollowUpIndex(entries: entries).items(filter, today: today, person: person).map { "\($0.entryID)\u{1F}\($0.n)" })
                    return ICalendar.items(entries) { kept.contains("\($0.entryID)\u{1F}\($0.n)") }
                }, kind: icsKind ?? .event, output: OutputPath.file(output), vdir: vdir, force: force, context: context)
            case .json:
                Output.json(FollowUpItem.json(items) { Output.jsonPart($0) })
            case .text:
                if items.isEmpty { Output.note(emptyMessage) }
                for item in items { Output.print(Self.lines(item, today: today)) }
            }
            if let warning = UnreadFiles.warning(problems.count, .notIncluded) { Output.error(warning) }
        }
    }

    private var emptyMessage: String {
        let with = person.map { " with \($0)" } ?? ""
        switch which {
        case .overdue: return "Nothing overdue\(with). Well done."
        case .open: return "No open follow-ups\(with)."
        case .done: return "No follow-ups\(with) marked done yet."
        case .all: return "No follow-ups\(with) yet."
        }
    }

    /// Two lines per action: who and what, then when, where it came from, and the command that
    /// marks it done (or open again), so the id and N say what they are for.
    static func lines(_ item: FollowUpItem, today: Day) -> String {
        let what = AnswerText.task(who: item.who, action: item.action)
        var when: String
        if let done = item.done {
            when = "done \(done.iso)"
            if let due = item.due { when += " (was due \(due.iso))" }
        } else {
            when = AnswerText.due(item.due, today: today, withDate: true)
            if let history = AnswerText.postponements(item.postponed, firstDue: item.firstDue, due: item.due) { when += ", " + history }
        }
        return what + "\n  " + when + " · from \(TerminalSafe.line(item.entryTitle)) · " + markCommand(item)
    }

    /// `done: debrief done ID N` for an open action, `reopen: debrief undone ID N` for a done one.
    static func markCommand(_ item: FollowUpItem) -> String {
        item.isOpen ? "done: debrief done \(item.entryID) \(item.n)" : "reopen: debrief undone \(item.entryID) \(item.n)"
    }
}
