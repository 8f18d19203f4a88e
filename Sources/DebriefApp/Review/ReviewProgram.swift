import DebriefCore
import DebriefUI

/// The weekly review as a full-screen pager (`r` from home or browse): the same text as
/// `debrief review`, one ISO week at a time, Left/Right to the weeks before and back.
///
/// The journal is read once per showing, in the background through the session's cache, so the
/// first frame draws at once. The entries' pitfalls are judged once per read (``FlaggedJournal``);
/// moving between weeks only recounts from what it keeps, never touching the disk.
public struct ReviewProgram: Program {
    public enum Message: Sendable {
        /// The journal as read and judged, how many files could not be read, and the review of
        /// the week that was shown when the read began.
        case loaded(FlaggedJournal, problems: Int, WeeklyReview, calendar: CalendarRead?)
        /// The calendars read for the review of a week (after moving to it).
        case calendar(CalendarRead)
        /// The background read has read this many of the files it reads (a cold index build).
        case reading(done: Int, total: Int)
    }

    /// What the calendars gave for one week's review: its calendar part's input, or why not.
    public struct CalendarRead: Sendable {
        var week: ISOWeek
        var input: WeeklyReview.CalendarInput?
        var failure: String?
    }

    let cache: JournalCache
    let catalog: Catalog
    /// The calendars, when `calendars:` lists some: the review then has its calendar part.
    let calendar: CalendarAgenda.Source?
    /// The calendars as read for the week shown (its trend's weeks).
    var calendarRead: CalendarRead?
    public var clock: Clock
    /// How many weeks the sparklines cover, ending with the week shown.
    let trendLength: Int
    /// Block characters and `·` when the locale is UTF-8, ASCII otherwise (as the CLI decides).
    let unicode: Bool
    /// Days without a mention before a known person is suggested for a catch-up: the cold
    /// list's setting, as the people screen and `debrief people --cold` use it.
    let coldDays: Int
    /// The week the clock is in: there is no review of a later one.
    var currentWeek: ISOWeek
    var week: ISOWeek
    /// Nil until the first read arrives.
    var journal: FlaggedJournal?
    /// How far a long first read has come, shown as a bar until the review arrives.
    var reading: (done: Int, total: Int)?
    /// Files the last read could not parse.
    var problems = 0
    /// The review of `week`; nil while the journal is being read.
    var review: WeeklyReview? {
        didSet { layOut() }
    }
    /// The review's lines at `width`, kept so keys and frames do not wrap a long review again.
    var lines: [ReviewText.Line] = []
    /// The first body row shown.
    var scroll = 0
    var showHelp = false
    /// A message for the status line, cleared by the next key.
    var status: String?
    /// 80×24 until the runtime sends the real size, which it does before the first frame.
    var width = 80
    var height = 24

    public init(cache: JournalCache, catalog: Catalog, clock: Clock, trendLength: Int = 8, unicode: Bool = true,
                coldDays: Int = PeopleIndex.defaultColdDays, calendar: CalendarAgenda.Source? = nil) {
        self.cache = cache
        self.catalog = catalog
        self.calendar = calendar
        self.clock = clock
        self.trendLength = max(1, trendLength)
        self.unicode = unicode
        self.coldDays = coldDays
        currentWeek = ISOWeek(containing: clock.today)
        week = currentWeek
    }

    /// Reads the journal through the cache (only changed files) and builds the review of the week
    /// shown.
    public mutating func start() -> [Command<Message>] {
        read()
    }

    /// Back from another screen: read again; what is on screen stays until the new read arrives.
    public mutating func resume() -> [Command<Message>] {
        read()
    }

    private mutating func read() -> [Command<Message>] {
        currentWeek = ISOWeek(containing: clock.today)
        let cache = self.cache, catalog = self.catalog, clock = self.clock, week = self.week, weeks = trendLength
        let coldDays = self.coldDays, source = calendar
        return [.background {
            let snapshot = cache.snapshot()
            let journal = FlaggedJournal(entries: snapshot.entries, catalog: catalog, clock: clock)
            let read = source.map { Self.readCalendar($0, week: week, weeks: weeks, store: cache.store, clock: clock) }
            return .loaded(journal, problems: snapshot.problems.count, WeeklyReview.make(journal: journal, catalog: catalog, week: week,
                                                       weeks: weeks, clock: clock, coldDays: coldDays, calendar: read?.input),
                           calendar: read)
        }]
    }

    /// Reads the calendars for the review of `week`; run off the main thread.
    static func readCalendar(_ source: CalendarAgenda.Source, week: ISOWeek, weeks: Int, store: JournalStore, clock: Clock) -> CalendarRead {
        do throws(StoreError) {
            return CalendarRead(week: week, input: try source.reviewInput(week: week, weeks: weeks, store: store, clock: clock))
        } catch {
            return CalendarRead(week: week, failure: "The calendar part is left out: " + error.description)
        }
    }

    public func readProgress(done: Int, total: Int) -> Message? {
        review == nil ? .reading(done: done, total: total) : nil
    }

    public mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.signal(let signal)):
            return [.exitOnSignal(signal)]
        case .terminal(.resize(let w, let h)):
            let rewrap = w != width
            width = w
            height = h
            if rewrap { layOut() }
            clampScroll()
            return []
        case .terminal(.tick):
            return []
        case .terminal(.key(let key)):
            if ReviewKeys.map.action(for: key) == .interrupt { return [.quit(Interrupt.status)] }
            if showHelp {
                showHelp = false
                return []
            }
            status = nil
            guard let action = ReviewKeys.map.action(for: key) else { return [] }
            return perform(action)
        case .message(.reading(let done, let total)):
            reading = (done, total)
            return []
        case .message(.loaded(let journal, let problems, let review, let calendar)):
            reading = nil
            self.journal = journal
            self.problems = problems
            if let calendar { calendarRead = calendar }
            if let failure = calendar?.failure { status = failure }
            // The week may have changed while the journal was read.
            self.review = review.week == week ? review : makeReview(of: week, from: journal)
            clampScroll()
            return calendarNeeded()
        case .message(.calendar(let read)):
            guard read.week == week else { return [] }
            calendarRead = read
            if let failure = read.failure { status = failure }
            review = journal.map { makeReview(of: week, from: $0) }
            clampScroll()
            return []
        }
    }

    /// A read of the calendars for the week shown, when they are configured and what was read is
    /// another week's.
    private func calendarNeeded() -> [Command<Message>] {
        guard let source = calendar, calendarRead?.week != week else { return [] }
        let cache = self.cache, clock = self.clock, week = self.week, weeks = trendLength
        return [.background { .calendar(Self.readCalendar(source, week: week, weeks: weeks, store: cache.store, clock: clock)) }]
    }

    private mutating func perform(_ action: ReviewAction) -> [Command<Message>] {
        let page = max(1, bodyHeight - 1)
        switch action {
        case .previousWeek: show(week.adding(weeks: -1))
        case .nextWeek:
            if week < currentWeek {
                show(week.adding(weeks: 1))
            } else {
                status = "\(week.iso) is this week; the next one has not started yet."
            }
        case .thisWeek: if week != currentWeek { show(currentWeek) }
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .top: scroll = 0
        case .bottom: scroll = Int.max / 2
        case .help: showHelp = true
        case .back: return [.back]
        case .interrupt: return [.quit(Interrupt.status)]
        }
        clampScroll()
        return calendarNeeded()
    }

    /// Shows `target` from the top, computed from the judged journal when there is one (else the read
    /// under way builds it).
    private mutating func show(_ target: ISOWeek) {
        week = target
        scroll = 0
        review = journal.map { makeReview(of: target, from: $0) }
    }

    /// The review of `week`, with its calendar part when the calendars were read for that week.
    private func makeReview(of week: ISOWeek, from journal: FlaggedJournal) -> WeeklyReview {
        let input = calendarRead.flatMap { $0.week == week ? $0.input : nil }
        return WeeklyReview.make(journal: journal, catalog: catalog, week: week, weeks: trendLength, clock: clock, coldDays: coldDays,
                                 calendar: input)
    }

    private mutating func layOut() {
        lines = Self.lines(of: review, width: width, unicode: unicode)
    }

    private mutating func clampScroll() {
        scroll = max(0, min(scroll, lines.count - bodyHeight))
    }

    /// Rows between the title bar and the status line.
    var bodyHeight: Int { max(1, height - 3) }
}
