/// The review as JSON for scripts. Keys are a contract: `week`, `start`, `end`, `as_of`,
/// `entries` (how many reflections), `imported` (imported notes, not judged),
/// `written_within_24h`, `trend_weeks`, `trend_reflections` (reflections per trend week),
/// `pitfalls` (every catalog pitfall in catalog order, so scripts can diff weeks: `id`, `title`,
/// `scope` (`event` or `week`), `count`, `recurring`, `streak`, `trend` oldest first, `reasons`
/// as `{entry, reason}`: one per reflection with its reasons joined, or for a habit one with
/// `entry` null), `focus` (the pitfall id to work on, or null), `next_week` (null, or what the
/// text's "What to try next week" says: `focus`, `title`, `why` (`seen`, `out_of`, `this_week`,
/// `unit` `reflections` or `weeks`, and `text`), `reasons` as in `pitfalls`, `instead`, `rule`,
/// and `also_recurring` as `{id, title, text}`), `not_judged` (per flow: `flow`,
/// `reflections`, `pitfalls`, `in_part`; and `week` for habits), `progress`, `follow_ups`
/// (`done`, `open`, `overdue`: lists of `entry`, `who`, `action`, `due`, `done`, `first_due`,
/// `postponed`), `people`
/// (`met`, `new`, `existing` counts, `levels` by level, `names`, `cold`), `advice` (what to do
/// instead: the focus first, then every other recurring pitfall, as `{id, title, instead}`),
/// `calendar` (null without calendars: `events` worth a reflection this week, `reflected`,
/// `reflected_late` (of them, written more than 24 hours after the event), `skipped`,
/// `unreflected`, `trend_events` and `trend_reflected` per trend week oldest first, and `text`).
///
/// Every section is built from the same ``WeeklyReview`` as the text and the Markdown, and says
/// the same things (`ReviewAgreementTests`).
public enum ReviewJSON {
    public static func value(_ review: WeeklyReview, catalog: Catalog) -> JSONValue {
        let order = catalog.pitfalls.map(\.id)
        let pitfalls = review.pitfalls.sorted { (order.firstIndex(of: $0.id) ?? 0) < (order.firstIndex(of: $1.id) ?? 0) }
        return .object([
            ("week", .string(review.week.iso)),
            ("start", .string(review.start.iso)),
            ("end", .string(review.end.iso)),
            ("as_of", .string(review.asOf.iso)),
            ("entries", .number(review.entries.count)),
            ("imported", .number(review.imported)),
            ("written_within_24h", .number(review.writtenWithin24Hours)),
            ("trend_weeks", .array(review.trendWeeks.map { .string($0.iso) })),
            ("trend_reflections", .array(review.trendReflections.map { .number($0) })),
            ("pitfalls", .array(pitfalls.map(pitfall))),
            ("focus", .optional(review.focus)),
            ("next_week", nextWeek(review)),
            ("not_judged", .object([
                ("flows", .array(review.unjudged.map { g in
                    .object([("flow", .string(g.flow)), ("reflections", .number(g.reflections)),
                             ("pitfalls", .array(g.notJudged.map { .string($0) })), ("in_part", .array(g.inPart.map { .string($0) }))])
                })),
                ("week", .array(review.unjudgedHabits.map { .string($0) })),
            ])),
            ("progress", .array(review.progress.map { p in
                .object([("id", .string(p.id)), ("title", .string(p.title)), ("last_recurring", .string(p.lastRecurring.iso))])
            })),
            ("follow_ups", .object([
                ("done", .array(review.followUps.done.map(followUp))),
                ("open", .array(review.followUps.open.map(followUp))),
                ("overdue", .array(review.followUps.overdue.map(followUp))),
            ])),
            ("people", .object([
                ("met", .number(review.people.met.count)),
                ("new", .number(review.people.new)),
                ("existing", .number(review.people.existing)),
                ("levels", .object(review.people.levels.map { ($0.level, .number($0.count)) })),
                ("names", .array(review.people.met.map { .string($0.name) })),
                ("cold", .array(review.people.cold.map { .string($0) })),
            ])),
            ("advice", .array(review.advice.map { a in
                .object([("id", .string(a.id)), ("title", .string(a.title)), ("instead", .string(a.instead))])
            })),
            ("calendar", review.calendar.map { part in
                .object([
                    ("events", .number(part.events)), ("reflected", .number(part.reflected)),
                    ("reflected_late", .number(part.reflectedLate)), ("skipped", .number(part.skipped)),
                    ("unreflected", .number(part.unreflected)),
                    ("trend_events", .array(part.trendEvents.map { .number($0) })),
                    ("trend_reflected", .array(part.trendReflected.map { .number($0) })),
                    ("text", .string(ReviewWords.calendar(part))),
                ])
            } ?? .null),
        ])
    }

    public static func render(_ review: WeeklyReview, catalog: Catalog) -> String {
        value(review, catalog: catalog).rendered() + "\n"
    }

    /// The focus with why it was picked, its reasons and advice, and the other recurring pitfalls.
    static func nextWeek(_ review: WeeklyReview) -> JSONValue {
        guard let focus = review.focusLine else { return .null }
        let others = ReviewWords.alsoRecurring(review)
        return .object([
            ("focus", .string(focus.id)),
            ("title", .string(focus.title)),
            ("why", review.focusWhy.map { why in
                .object([("seen", .number(why.seen)), ("out_of", .number(why.outOf)), ("this_week", .number(why.thisWeek)),
                         ("unit", .string(why.scope == .event ? "reflections" : "weeks")), ("text", .string(ReviewWords.focusWhy(why)))])
            } ?? .null),
            ("reasons", .array(focus.reasons.map(reason))),
            ("instead", .optional(review.focusAdvice?.instead)),
            ("rule", .string(WeeklyReview.focusRule)),
            ("also_recurring", .array(others.map { line in
                .object([("id", .string(line.line.id)), ("title", .string(line.line.title)), ("text", .string(line.text))])
            })),
        ])
    }

    static func reason(_ r: WeeklyReview.Reason) -> JSONValue {
        .object([("entry", .optional(r.entry?.id)), ("reason", .string(r.text))])
    }

    static func pitfall(_ p: WeeklyReview.PitfallLine) -> JSONValue {
        .object([
            ("id", .string(p.id)),
            ("title", .string(p.title)),
            ("scope", .string(p.scope.rawValue)),
            ("count", .number(p.count)),
            ("recurring", .bool(p.recurring)),
            ("streak", .number(p.streak)),
            ("trend", .array(p.trend.map { .number($0) })),
            ("reasons", .array(p.reasons.map(reason))),
        ])
    }

    static func followUp(_ f: WeeklyReview.FollowUpLine) -> JSONValue {
        .object([
            ("entry", .string(f.entryID)),
            ("who", .string(f.who)),
            ("action", .string(f.action)),
            ("due", .optional(f.due?.iso)),
            ("done", .optional(f.done?.iso)),
            ("first_due", .optional(f.firstDue?.iso)),
            ("postponed", .number(f.postponed)),
        ])
    }
}
