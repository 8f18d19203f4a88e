import DebriefCore

/// A screen a program asks the runtime to open (``Command/open(_:)``), by what it shows rather
/// than how it is built: DebriefApp names the screens, the executable's ``ScreenFactory`` builds
/// them with what it knows (the store, the catalog, the session's cache, the terminal's size).
///
/// Adding a screen takes four steps, none of them in the runtime:
/// 1. write it as a ``Program`` (state, `update`, `view`, and a key map for its keys and help);
/// 2. add a case here saying what it shows;
/// 3. build it in the executable's factory (`Sources/debrief/TUI/Screens.swift`) and in the
///    tests' (`AppFixture`), from the request and the ``AppSettings``;
/// 4. open it from a key of another screen with `.open(.yourCase)`; `q` on it returns `.back`.
/// Then record its golden frames (`GoldenScreensTests`) and add it to `UpdateDoesNoIOTests` and
/// `ViewsReadNoClockTests`. Navigation (the stack, going back, resuming the screen below) and
/// every effect come with the runtime.
public enum ScreenRequest: Hashable, Sendable {
    /// The home screen (`debrief`).
    case home
    /// The guided reflection for a new entry (`debrief new`).
    case newReflection
    /// The guided reflection, prefilled with this entry's answers.
    case editEntry(String)
    /// `debrief browse`.
    case browse
    /// The weekly review screen.
    case review
    /// Every follow-up action, soonest due first.
    case followUps
    /// Everyone named in the journal.
    case people
    /// One entry's detail view; going back returns to the screen that asked for it. With
    /// `followUp` (its `n`, from 1), that follow-up is selected and scrolled into view: Enter on
    /// a follow-up in a list opens its entry there.
    case entry(String, followUp: Int? = nil)
    /// A new reflection prefilled from a calendar event (Enter on an event awaiting one, as
    /// `debrief new --event KEY`).
    case reflectionFromEvent(EventInstance)
    /// The brief before a meeting (Enter on home's "Coming up", as `debrief brief KEY`).
    case brief(EventInstance)
}

/// Builds the screen a request names. Injected by the executable (and by tests over a temporary
/// journal), so the app never builds a store, a cache or a catalog of its own. Building may read
/// (a draft to resume, the newest page of entries): the runtime calls it as an effect, never from
/// an `update`. A failure ends the run with that error, as a command that cannot start does.
public struct ScreenFactory {
    public var make: (ScreenRequest, AppSettings) throws -> Screen

    public init(_ make: @escaping (ScreenRequest, AppSettings) throws -> Screen) {
        self.make = make
    }
}
