import DebriefApp
import DebriefCore
#if canImport(Glibc)
import Glibc
#endif

/// The executable's ``ScreenFactory``: builds each screen a request names from the command's
/// context, the session's cache and the run's settings. The one place that knows how a screen is
/// made; add a case here when adding a screen (see ``ScreenRequest``).
struct Screens {
    let context: Context
    let cache: JournalCache

    func make(_ request: ScreenRequest, _ settings: AppSettings) throws -> Screen {
        Trace.mark("screen: \(request)")
        switch request {
        case .home:
            return Screen(HomeProgram(cache: cache, catalog: context.catalog, clock: context.clock, calendar: context.agendaSource),
                          request: request)
        case .newReflection:
            return Screen(ReflectionProgram(ReflectionCommand.newSetup(context, cache: cache, settings: settings)), request: request)
        case .editEntry(let id):
            return Screen(ReflectionProgram(try ReflectionCommand.editSetup(context, cache: cache, id: id)), request: request)
        case .browse:
            return Screen(browse(), request: request)
        case .entry(let id, let followUp):
            return Screen(BrowseProgram(store: context.store, catalog: context.catalog, clock: context.clock, entryID: id,
                                        followUp: followUp, cache: cache),
                          request: request)
        case .review:
            return Screen(ReviewProgram(cache: cache, catalog: context.catalog, clock: context.clock,
                                        unicode: Review.utf8Locale(context.environment), coldDays: settings.coldDays,
                                        calendar: context.agendaSource),
                          request: request)
        case .followUps:
            return Screen(FollowUpsProgram(cache: cache, clock: context.clock), request: request)
        case .people:
            return Screen(PeopleProgram(cache: cache, clock: context.clock, coldDays: settings.coldDays), request: request)
        case .reflectionFromEvent(let instance):
            let pending = PendingEvents(rules: context.catalog.events, me: context.config.me, local: context.clock.timeZone)
            let prefill = EventPrefill.make(instance, pending: pending, catalog: context.catalog, entries: cache.snapshot().entries)
            var setup = ReflectionCommand.newSetup(context, cache: cache, settings: settings, prefill: prefill.answers)
            setup.event = prefill.event
            setup.location = prefill.location
            return Screen(ReflectionProgram(setup), request: request)
        case .brief(let instance):
            return Screen(BriefProgram(cache: cache, instance: instance, me: context.config.me, clock: context.clock), request: request)
        }
    }

    /// The browser, with the newest few pages read before the first frame and the rest on idle ticks.
    func browse() -> BrowseProgram {
        BrowseProgram(store: context.store, catalog: context.catalog, clock: context.clock,
                      scan: context.store.scan(), firstPage: max(100, Self.terminalRows() * 3), cache: cache)
    }

    /// Rows of the terminal on stdout (24 when unknown), for sizing what is read before the first
    /// frame; the runtime tells programs the exact size before they draw.
    static func terminalRows() -> Int {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }
}
