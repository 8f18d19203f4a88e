import ArgumentParser
import DebriefCore
import Foundation

/// `debrief export`: entries out of debrief, in a form another tool, a person or debrief reads.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export entries as JSON, one Markdown document, jrnl's text format, or a calendar of their follow-ups.",
        discussion: """
        json: an array of entries, oldest first, each with id, created, updated, flow, source and \
        every prompt of the catalog (null when unanswered); `debrief import json` reads it back. \
        markdown: one readable document, a section per entry, people and follow-ups as tables and \
        the pitfalls each entry shows. jrnl: jrnl 4's plain-text format with its default timeformat \
        ("%F %r", e.g. [2026-11-24 06:30:00 PM] Title) and tags as @tags, which a stock jrnl reads \
        (the tag `starred` becomes jrnl's star). ics: the open follow-ups of the exported entries \
        as an RFC 5545 calendar, as `debrief followups --format ics` writes it (--all adds done ones; \
        --ics-kind todo for to-do apps; --output DIR --vdir for a vdir folder).

        --since and --until take the entry's event day and accept the same dates as `list`. \
        --output writes the file atomically and refuses to replace an existing one without --force.

        Examples:
          debrief export > journal.json
          debrief export --format markdown --since 2026-10-01 --output autumn.md
          debrief export --format jrnl --output ~/journal.txt --force
        """
    )

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case json, markdown, jrnl, ics }

    @OptionGroup var journal: JournalOptions
    @Option(help: "Output format.") var format: ExportFormat = .json
    @Option(help: ArgumentHelp("Only entries on or after this day.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only entries on or before this day.", valueName: "date")) var until: String?
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout (`-` is stdout).", valueName: "file"))
    var output: String?
    @Flag(help: "With --output, replace the file when it exists.") var force = false
    @Option(name: .customLong("ics-kind"), help: "With --format ics: event (all-day events on the due day) or todo (VTODO with DUE).")
    var icsKind: ICalendar.Kind?
    @Flag(help: "With --format ics: done follow-ups too (to-dos as STATUS:COMPLETED).") var all = false
    @Flag(help: "With --format ics and --output DIR: one .ics per follow-up, kept in step.") var vdir = false

    func validate() throws {
        try CalendarOutput.validate(isCalendar: format == .ics, kindGiven: icsKind != nil, output: OutputPath.file(output), vdir: vdir, force: force)
        if all, format != .ics { throw ValidationError("--all goes with --format ics") }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let (since, until) = try context.dayRange(since: self.since, until: self.until)
            let range = EntryQuery(since: since, until: until)
            if format == .json, OutputPath.file(output) == nil {
                // JSON on stdout: written a batch at a time as it is read, oldest first (issue 23).
                var writer = JSONValue.ArrayWriter()
                let promptIDs = context.catalog.prompts.map(\.id)
                let problems = context.store.entries(including: { range.includes(day: $0.eventTime.day) },
                                                     ordered: { $0.eventTime < $1.eventTime }) { entries in
                    Output.jsonPart(writer.part(entries) { JournalJSON.entry($0, promptIDs: promptIDs, into: &$1) })
                }
                Output.json(writer.end())
                if let warning = UnreadFiles.warning(problems.count, .notIncluded) { Output.error(warning) }
                return
            }
            let snapshot = context.store.loadAll()
            let entries = snapshot.entries.filter { range.includes(day: $0.eventTime.day) }
            let text: String
            switch format {
            case .ics:
                // UIDs are decided over the whole journal (a copied entry's rows), so the range
                // filters items, not the entries the UIDs come from.
                let all = self.all
                try CalendarOutput.emit(snapshot.entries, select: { entries in
                    let exported = Set(entries.filter { range.includes(day: $0.eventTime.day) }.map(\.id))
                    return ICalendar.items(entries) { exported.contains($0.entryID) && (all || $0.isOpen) }
                }, kind: icsKind ?? .event, output: OutputPath.file(output), vdir: vdir, force: force, context: context)
                if let warning = UnreadFiles.warning(snapshot.problems.count, .notIncluded) { Output.error(warning) }
                return
            case .json:
                text = JournalJSON.export(entries, catalog: context.catalog) + "\n"
            case .markdown:
                text = JournalMarkdown.render(entries, catalog: context.catalog,
                                              flags: { context.detector.flags(for: $0, asOf: context.clock.today) },
                                              exported: context.clock.today, since: since, until: until)
            case .jrnl:
                text = JrnlText.write(entries.map { JrnlNote(exporting: $0, catalog: context.catalog) })
            }
            if let output = OutputPath.file(output) {
                let path = try OutputPath.write(text, to: output, replace: force)
                Output.note("Exported \(entries.count) entr\(entries.count == 1 ? "y" : "ies") to \(path)")
            } else if format == .json {
                Output.json(text)
            } else if !text.isEmpty {
                // Text for people: made terminal-safe on the way out, unlike the file above.
                Output.print(text)
            }
            if let warning = UnreadFiles.warning(snapshot.problems.count, .notIncluded) { Output.error(warning) }
        }
    }
}
