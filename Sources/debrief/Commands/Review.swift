import ArgumentParser
import DebriefCore

/// `debrief review`: the weekly habit review of one ISO week.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a week: recurring pitfalls, their trend, follow-ups and the people you met.",
        discussion: """
        Weeks run Monday to Sunday (ISO 8601); an entry belongs to the week of its event date. \
        Follow-ups are judged as of the end of the week or now, whichever is earlier, so the \
        review of a past week never changes.

        With calendars (`calendars:` in config.yaml), a CALENDAR section says how many of the week's \
        events worth a reflection got one (those written more than 24 hours after the event counted \
        apart), how many were skipped and how many have none, with the share reflected per week as \
        bars (JSON: the `calendar` object).

        Examples:
          debrief review                      this week
          debrief review --week last --format markdown > review.md
          debrief review --week 2026-W48 --weeks 12 --format json
        """
    )

    @OptionGroup var journal: JournalOptions

    @Option(help: ArgumentHelp("The week: this, last, an ISO week like 2026-W48, or a date inside it.", valueName: "week"))
    var week: String = "this"

    @Option(help: ArgumentHelp("How many weeks the trend covers, ending with the reviewed one (1 to 104).", valueName: "n"))
    var weeks: Int = 8

    @Option(help: "Output format.") var format: Format = .text

    @Option(help: ArgumentHelp("Colour: auto (only on a terminal without NO_COLOR), always or never (default: the config's color, else auto).",
                               valueName: "when"))
    var color: DebriefConfig.ColorChoice?

    func validate() throws {
        guard (1...104).contains(weeks) else { throw ValidationError("--weeks must be a whole number from 1 to 104, not \(weeks)") }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            guard let target = ISOWeek.parse(week, clock: context.clock) else {
                throw CLIError.usage("--week: '\(week)' is not a week; try this, last, 2026-W48 or a date such as 2026-11-24")
            }
            let current = ISOWeek(containing: context.clock.today)
            if target > current {
                throw CLIError.usage("--week: \(target.iso) has not started yet; the latest week to review is \(current.iso)")
            }
            let calendar = try context.agendaSource?.reviewInput(week: target, weeks: weeks, store: context.store, clock: context.clock)
            // Only what the review shows is read: from the index's rows when they can say.
            let coldDays = context.coldDays()
            let (review, problems) = context.store.review { source in
                (WeeklyReview.make(source: source, catalog: context.catalog, week: target, weeks: weeks, clock: context.clock,
                                   coldDays: coldDays, calendar: calendar), source.problems.count)
            }
            Trace.mark("review: made")
            switch format {
            case .json:
                Output.json(ReviewJSON.render(review, catalog: context.catalog))
            case .markdown:
                Output.print(ReviewMarkdown.render(review))
            case .text:
                let options = ReviewText.Options(color: context.useColor(flag: color), unicode: Self.utf8Locale(context.environment))
                if options.color { Output.styled(ReviewText.render(review, options: options)) } else { Output.print(ReviewText.render(review, options: options)) }
            }
            if let warning = UnreadFiles.warning(problems, .leftOutOfReview) { Output.error(warning) }
        }
    }

    /// Whether the locale's character set is UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as setlocale reads them).
    static func utf8Locale(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
