import DebriefCore

/// What the commands that start from a calendar event share (`new --event KEY`).
enum EventCommand {
    /// The prefill for the event `key` of the configured calendars; a usage error without
    /// calendars, "no input" (66) when no event has that key.
    static func prefill(_ key: String, context: Context) throws -> EventPrefill {
        guard !context.config.calendars.isEmpty else {
            throw CLIError.usage("--event: no calendars to read; list them under `calendars:` in \(Context.configName(context.environment))")
        }
        guard let instance = PendingEvents.find(key, calendars: context.calendarSet, clock: context.clock) else {
            throw CLIError(message: "no event has the key '\(key)' in the calendars within \(PendingEvents.findDays) days of today; "
                           + "`debrief pending` lists the keys", code: Exit.noInput)
        }
        let pending = PendingEvents(rules: context.catalog.events, me: context.config.me, local: context.clock.timeZone)
        return EventPrefill.make(instance, pending: pending, catalog: context.catalog, entries: context.store.loadAll().entries)
    }
}
