import ArgumentParser
import DebriefCore
import Foundation

/// `debrief brief`: what the journal says about the people of your next meeting.
struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "A brief on the people of your next meeting.",
        discussion: """
        Without an argument: the next event in your calendars (`calendars:` in config.yaml, within 30 \
        days) that is neither cancelled nor declined and has someone from the journal. With an event's \
        key: that event. With a name: that person, and the next event with them. For each person of \
        the event: when and where you last met, what you promised them then (the follow-ups with them \
        written at that meeting), what you offered and whether you asked a favour, the open follow-ups that involve them (overdue marked), and your notes about them, newest \
        first; people not in the journal are listed as new. What you promised last time is in front \
        of you before you meet again.

        Examples:
          debrief brief
          debrief brief "Marc Weber"
          debrief brief 0c1u9me2b6ol5ebq0pt6m7e1ra@google.com --format json
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("An event's key, or a person's name (default: the next event with someone you know).",
                                 valueName: "name-or-key"), completion: JournalCompletion.eventKeys)
    var target: String?
    @Option(help: "Output format.") var format: OutputFormat = .text

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal, access: .calendarRead)
            let entries = context.store.loadAll().entries
            let me = context.config.me
            let now = Int(context.clock.now().timeIntervalSince1970)
            let upcoming = context.config.calendars.isEmpty ? [] :
                context.calendarSet.instances(from: now, to: now + MeetingBrief.aheadDays * 86_400, local: context.clock.timeZone).instances
            let brief: MeetingBrief
            if let target, !context.config.calendars.isEmpty,
               let event = PendingEvents.find(target, calendars: context.calendarSet, clock: context.clock) {
                brief = MeetingBrief.make(event, me: me, entries: entries)
            } else if let target {
                let person = try PeopleShow.find(target, in: PeopleIndex(entries: entries))
                let next = MeetingBrief.next(upcoming, now: now, me: me, entries: entries, with: person)
                brief = MeetingBrief.make(person: person, next: next, entries: entries)
            } else {
                guard !context.config.calendars.isEmpty else {
                    throw CLIError.usage("no calendars to read: list them under `calendars:` in \(Context.configName(context.environment)), "
                                         + "or give a person's name")
                }
                guard let next = MeetingBrief.next(upcoming, now: now, me: me, entries: entries) else {
                    if format == .json { Output.json("null") }
                    Output.note("No event with someone from your journal in the next \(MeetingBrief.aheadDays) days.")
                    return
                }
                brief = MeetingBrief.make(next, me: me, entries: entries)
            }
            let zone = context.clock.timeZone
            switch format {
            case .text:
                Output.print(BriefText.lines(brief, today: context.clock.today, zone: zone, markHint: FollowUps.markCommand).joined(separator: "\n"))
            case .json: Output.json(Self.json(brief, today: context.clock.today, zone: zone).rendered())
            }
        }
    }

    static func json(_ brief: MeetingBrief, today: Day, zone: TimeZone) -> JSONValue {
        let event: JSONValue = brief.instance.map { i in
            .object([("key", .string(i.key)), ("title", .string(i.event.summary)),
                     ("start", .string(EventTime.timestamp(i.start, zone: zone).iso)),
                     ("end", .string(EventTime.timestamp(i.end, zone: zone).iso)), ("location", .string(i.event.location))])
        } ?? .null
        let people: [JSONValue] = brief.attendees.map { a in
            guard let p = a.known else {
                return .object([("name", .string(a.name)), ("email", .optional(a.email)), ("known", .bool(false))])
            }
            let last: JSONValue = a.lastEntry.map { e in
                .object([("entry", .string(e.id)), ("title", .string(e.title)), ("date", .string(e.eventTime.iso)),
                         ("location", .optional(e.location)), ("offered", .optional(e["offered"]?.text)),
                         ("promised", .array(a.promised.map { row in
                             .object([("action", .string(row.action)), ("due", .optional(row.due?.iso)), ("done", .optional(row.done?.iso))])
                         })),
                         ("asked-favor", e["asked-favor"].map { if case .bool(let b) = $0 { return .bool(b) } else { return .null } } ?? .null)])
            } ?? .null
            return .object([
                ("name", .string(p.name)), ("email", .optional(a.email)), ("known", .bool(true)), ("met", .number(p.met)),
                ("level", .optional(p.level)), ("relation", .optional(p.relation)), ("last-met", last),
                ("open-follow-ups", .array(p.openFollowUps.map { item in
                    .object([("entry", .string(item.entryID)), ("n", .number(item.n)), ("action", .string(item.action)),
                             ("due", .optional(item.due?.iso)), ("overdue", .bool(item.isOverdue(on: today)))])
                })),
                ("notes", .array(p.notes.map { n in
                    .object([("date", .string(n.day.iso)), ("entry", .string(n.entryID)), ("text", .string(n.text))])
                })),
            ])
        }
        return .object([("event", event), ("people", .array(people))])
    }
}
