import DebriefCore

/// What the commands that start from a calendar event share (`new --event KEY`, `pending skip KEY`).
enum EventCommand {
    /// The prefill for the event `key` of the configured calendars; a usage error without
    /// calendars, "no input" (66) when no event has that key.
    static func prefill(_ key: String, context: Context) throws -> EventPrefill {
        let instance = try find(key, context: context, noCalendars: "--event: no calendars to read")
        let pending = PendingEvents(rules: context.catalog.events, me: context.config.me, local: context.clock.timeZone)
        return EventPrefill.make(instance, pending: pending, catalog: context.catalog, entries: context.store.loadAll().entries)
    }

    /// The event `key` of the configured calendars, looked for from `daysBack` days ago to
    /// ``PendingEvents/findDays`` ahead: a usage error without calendars (`noCalendars` says what
    /// for), "no input" (66) naming the key when no event has it.
    static func find(_ key: String, context: Context, daysBack: Int = PendingEvents.findDays, noCalendars: String) throws -> EventInstance {
        guard !context.config.calendars.isEmpty else {
            throw CLIError.usage("\(noCalendars); list them under `calendars:` in \(Context.configName(context.environment))")
        }
        guard let instance = PendingEvents.find(key, calendars: context.calendarSet, clock: context.clock, daysBack: daysBack) else {
            let window = daysBack == PendingEvents.findDays ? "within \(PendingEvents.findDays) days of today"
                : "within the last \(daysBack) days or the next \(PendingEvents.findDays)"
            throw CLIError(message: "no event has the key '\(key)' in the calendars \(window); `debrief pending` lists the keys", code: Exit.noInput)
        }
        return instance
    }
}
