import ArgumentParser
import DebriefCore
import Foundation

/// `debrief pending`: calendar events that ended without a reflection, and skipping them.
struct Pending: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending",
        abstract: "Calendar events that ended without a reflection.",
        discussion: """
        Reads the calendars of `calendars:` in config.yaml (folders of .ics files, as vdirsyncer, khal \
        and todoman keep them, or .ics exports; only ever read) and lists, newest first, the events \
        that ended within the last --days days (default: `pending-days:`, else 14) and before now, were \
        not cancelled or declined by you (an attendee in `me:`), are worth a reflection (with someone \
        else, or named like a conference, meetup, coffee or dinner; never free time, busy blocks or an \
        instance of a recurring series: the catalog's `events:` rules, see Prompts/README.md), have no \
        reflection yet, and were not skipped.

        A reflection is an entry with the event's key in its front matter (`event:`, which `debrief new \
        --event KEY` writes), or, for an entry without one, an entry on the same day whose title holds \
        at least half of the event's significant words, or within two hours of its start with one of \
        its people.

        --quiet prints nothing and exits 1 when something is waiting, 0 when nothing is (for cron or a \
        notifier). `debrief pending skip KEY` stops asking about an event (remembered in the journal's \
        skipped-events.txt, so every synced device agrees); `debrief pending unskip KEY` undoes it.

        Examples:
          debrief pending
          debrief pending --days 30 --format json
          debrief pending --quiet || notify-send "A reflection is waiting"
          debrief new --event 0c1u9me2b6ol5ebq0pt6m7e1ra@google.com
        """,
        subcommands: [PendingList.self, PendingSkip.self, PendingUnskip.self],
        defaultSubcommand: PendingList.self
    )
}

/// `debrief pending [list]`.
struct PendingList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the events waiting for a reflection (the default).",
        shouldDisplay: false
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var journal: JournalOptions
    @Option(help: ArgumentHelp("Events that ended within this many days (default: pending-days in config.yaml, else 14).", valueName: "n"))
    var days: Int?
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Flag(name: [.short, .long], help: "Print nothing; exit 1 when an event is waiting, 0 when none is.")
    var quiet = false

    func validate() throws {
        if let days, !(1...PendingEvents.maxDays).contains(days) {
            throw ValidationError("--days must be from 1 to \(PendingEvents.maxDays), not \(days)")
        }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal, access: .calendarRead)
            let days = self.days ?? context.pendingDays
            guard !context.config.calendars.isEmpty else {
                if quiet { return }
                if format == .json { Output.json("[]") }
                Output.note("No calendars to read: list them under `calendars:` in \(Context.configName(context.environment)) (see the README).")
                return
            }
            let (waiting, problems) = try PendingEvents.read(store: context.store, calendars: context.calendarSet, catalog: context.catalog,
                                                             me: context.config.me, clock: context.clock, days: days)
            if quiet {
                if !waiting.isEmpty { throw ExitCode(1) }
                return
            }
            switch format {
            case .json:
                Output.json(JSONValue.array(waiting.map { Self.json($0, zone: context.clock.timeZone) }).rendered())
            case .text:
                if waiting.isEmpty {
                    Output.note("Nothing awaits a reflection from the last \(days) day\(days == 1 ? "" : "s").")
                } else {
                    for event in waiting { Output.print(Self.lines(event, zone: context.clock.timeZone)) }
                    Output.note("\(waiting.count) event\(waiting.count == 1 ? "" : "s") await\(waiting.count == 1 ? "s" : "") a reflection: "
                                + "`debrief new --event KEY` writes one, `debrief pending skip KEY` stops asking.")
                }
            }
            if !problems.isEmpty {
                Output.error("\(problems.count) calendar file\(problems.count == 1 ? "" : "s") or series could not be read and \(problems.count == 1 ? "is" : "are") not included; `debrief doctor` lists them")
            }
        }
    }

    /// "Thu 2026-11-19 12:00–13:30  Lunch with Marc Weber", then who, where and the kind, then the key.
    static func lines(_ event: PendingEvent, zone: TimeZone) -> String {
        let i = event.instance
        var details: [String] = []
        if !event.people.isEmpty { details.append("with " + event.people.joined(separator: ", ")) }
        if !i.event.location.isEmpty { details.append("at " + EventTime.place(i)) }
        if let kind = event.kind { details.append(kind) }
        let title = EventTime.title(i)
        return EventTime.span(i, zone: zone) + "  " + title
            + (details.isEmpty ? "" : "\n  " + details.joined(separator: " · "))
            + "\n  key: " + i.key
    }

    /// The JSON item: key, title, start, end, all-day, location, people, kind, calendar.
    static func json(_ event: PendingEvent, zone: TimeZone) -> JSONValue {
        let i = event.instance
        return .object([
            ("key", .string(i.key)),
            ("title", .string(i.event.summary)),
            ("start", .string(EventTime.timestamp(i.start, zone: zone).iso)),
            ("end", .string(EventTime.timestamp(i.end, zone: zone).iso)),
            ("all-day", .bool(i.isAllDay)),
            ("location", .string(i.event.location)),
            ("people", .array(event.people.map { .string($0) })),
            ("kind", .optional(event.kind)),
            ("calendar", .string(i.calendar)),
        ])
    }
}

/// `debrief pending skip KEY`.
struct PendingSkip: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Stop asking for a reflection on an event (its key from `debrief pending`).",
        discussion: "The key must be an event's in the calendars (from \(PendingEvents.maxDays) days back to "
            + "\(PendingEvents.findDays) days ahead): a key no event has is refused (exit 66)."
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("The event's key, as `debrief pending` prints it.", valueName: "key"))
    var key: String

    func run() throws {
        try runReportingErrors {
            try PendingSkip.set(key, skipped: true, journal: journal)
        }
    }

    static func set(_ key: String, skipped: Bool, journal: JournalOptions) throws {
        guard SkippedEvents.isValid(key) else { throw CLIError.usage("'\(key)' is not an event key; `debrief pending` prints them") }
        // A write: a journal folder that does not exist yet is created, as `add` creates it (a
        // calendar user may skip an event before writing any entry).
        let context = try Context(journal, access: .write)
        // Only a key of an event the calendars hold (as far back as `pending --days` reaches) is
        // skipped, so a typo is not remembered for good; any key can be unskipped (an event may
        // leave the calendars after its skip).
        if skipped {
            _ = try EventCommand.find(key, context: context, daysBack: PendingEvents.maxDays, noCalendars: "no calendars to read, so no event to skip")
        }
        let change = try SkippedEvents.set(key, skipped: skipped, in: context.store)
        context.noteIfJournalCreated()
        let path = SkippedEvents.path(in: context.store)
        switch (change, skipped) {
        case (.changed, true): Output.note("Skipped \(key) (in \(path)); `debrief pending unskip \(key)` undoes it.")
        case (.changed, false): Output.note("No longer skipped: \(key).")
        case (.unchanged, true): Output.note("\(key) was already skipped.")
        case (.unchanged, false): Output.note("\(key) was not skipped; nothing changed.")
        }
    }
}

/// `debrief pending unskip KEY`.
struct PendingUnskip: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unskip",
        abstract: "Ask again for a reflection on an event you skipped."
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("The event's key.", valueName: "key"))
    var key: String

    func run() throws {
        try runReportingErrors {
            try PendingSkip.set(key, skipped: false, journal: journal)
        }
    }
}
