import DebriefCore
import DebriefUI

/// The weekly review as a full-screen pager (`r` from home or browse): the same text as
/// `debrief review`, one ISO week at a time, Left/Right to the weeks before and back.
///
/// It is not read-only: Tab selects the next reason or follow-up (the lines the review marks
/// with a ``ReviewText/Target``), Enter opens its entry (at the follow-up, selected), and
/// Space, `s` and `D` change a selected follow-up through the screens' one ``FollowUpEditor``;
/// the journal is then read again and the selection follows the follow-up to its new section.
///
/// Each week's review is made in the background the way `debrief review` makes it
/// (``WeeklyReview/make(source:catalog:week:weeks:clock:coldDays:calendar:)``, through the
/// session's cache: from the index's rows, reading only what the review shows), so the first
/// frame draws at once and the review arrives as fast as the command's; moving to another week
/// makes that week's. The screen holds no entries: Space, `s` and `D` read the one entry they
/// change first (``Message/entry(_:n:_:)``).
public struct ReviewProgram: Program {
    public enum Message: Sendable {
        /// The review of a week, how many files could not be read, what the calendars gave for
        /// it, and which read made it (``ReviewProgram/reads`` when it was asked for).
        case loaded(WeeklyReview, problems: Int, calendar: CalendarRead?, read: Int)
        /// The background read has read this many of the files it reads (a cold index build).
        case reading(done: Int, total: Int)
        /// The entry of follow-up `n` read for Space, `s` or `D` (the act), or why not.
        case entry(FollowUpEditor.Act, n: Int, Result<Entry, StoreError>)
        /// What came of Space, `s` or `D` on a follow-up.
        case followUp(FollowUpEditor.Message)
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
    /// The entries read for a follow-up's Space, `s` or `D`, by id, until the review is read again
    /// (the one the date prompt is asking about is kept until it closes).
    var edited: [String: Entry] = [:]
    /// How many reads were asked for: only the last one's review is shown. Reads run on threads of
    /// their own and may arrive in any order (Left, Right: two reads of this week, the first
    /// begun before a follow-up was marked done, may arrive after the second).
    var reads = 0
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
    /// The reason or follow-up Tab selected, by what it is about, so it stays selected when the
    /// review is laid out again or read again (a follow-up marked done moves to "Done this week").
    var selected: Selection?
    /// Space, `s` and `D` on the selected follow-up (the day `s` or `D` asks for).
    var editor = FollowUpEditor()
    /// A read is under way; nothing is written meanwhile (the rows may be about to change).
    var loading = false
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

    /// Makes the review of the week shown, in the background.
    public mutating func start() -> [Command<Message>] {
        read()
    }

    /// Back from another screen: read again; what is on screen stays until the new read arrives.
    public mutating func resume() -> [Command<Message>] {
        read()
    }

    private mutating func read() -> [Command<Message>] {
        loading = true
        reads += 1
        currentWeek = ISOWeek(containing: clock.today)
        let cache = self.cache, catalog = self.catalog, clock = self.clock, week = self.week, weeks = trendLength
        let coldDays = self.coldDays, source = calendar, number = reads
        return [.background {
            let read = source.map { Self.readCalendar($0, week: week, weeks: weeks, store: cache.store, clock: clock) }
            let (review, problems) = cache.review { facts in
                (WeeklyReview.make(source: facts, catalog: catalog, week: week, weeks: weeks, clock: clock, coldDays: coldDays,
                                   calendar: read?.input), facts.problems.count)
            }
            return .loaded(review, problems: problems, calendar: read, read: number)
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
            if editor.isAsking {
                let edited = self.edited
                return apply(editor.promptKey(key, entry: { edited[$0] }, reading: loading, store: cache.store, clock: clock))
            }
            guard let action = ReviewKeys.map.action(for: key) else { return [] }
            return perform(action)
        case .message(.reading(let done, let total)):
            reading = (done, total)
            return []
        case .message(.followUp(let message)):
            let (text, refresh) = FollowUpEditor.finished(message, today: clock.today)
            status = text
            // The follow-up may change section (overdue to done): the review is built again from
            // the journal as read now, the selection following it.
            return refresh == .nothing ? [] : read()
        case .message(.loaded(let review, let problems, let calendar, let number)):
            // An earlier read (of a week left meanwhile, or begun before a write): the last one
            // asked for is under way and is the one shown.
            guard number == reads else { return [] }
            reading = nil
            loading = false
            // The entries read for the keys may be older than these rows: read again when asked,
            // except the one the date prompt is asking about (its write needs it).
            let asked = editor.asking?.item.entryID
            edited = edited.filter { $0.key == asked }
            self.problems = problems
            if let failure = calendar?.failure { status = failure }
            self.review = review
            clampScroll()
            // The same item, else the first about the same thing (a follow-up that moved section).
            let items = self.items
            if let selected, let item = items.first(where: { $0.selection == selected })
                ?? items.first(where: { $0.selection.target == selected.target }) {
                self.selected = item.selection
                reveal(item)
            } else {
                selected = nil
            }
            return []
        case .message(.entry(let act, let n, let outcome)):
            // The review comes from the index's rows and the entry from its file, read now: nothing
            // is written to a follow-up other than the one on screen; the review is read again to
            // show the file as it is.
            switch FollowUpEditor.checked(outcome, n: n, shown: { shownFollowUp($0, n: n) }) {
            case .refused(let text):
                if case .success(let entry) = outcome { edited[entry.id] = nil }
                status = text
                return read()
            case .ready(let item, let entry):
                edited[entry.id] = entry
                return apply(editor.begin(act, on: item, entry: entry, reading: loading, store: cache.store, clock: clock))
            }
        }
    }

    private mutating func perform(_ action: ReviewAction) -> [Command<Message>] {
        let page = max(1, bodyHeight - 1)
        switch action {
        case .previousWeek: return show(week.adding(weeks: -1))
        case .nextWeek:
            if week < currentWeek { return show(week.adding(weeks: 1)) }
            status = "\(week.iso) is this week; the next one has not started yet."
        case .thisWeek: if week != currentWeek { return show(currentWeek) }
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .top: scroll = 0
        case .bottom: scroll = Int.max / 2
        case .nextItem, .previousItem:
            select(action == .nextItem ? 1 : -1)
            return []
        case .open:
            guard let selected else {
                status = "Tab selects a reason or a follow-up; Enter opens its entry"
                return []
            }
            switch selected.target {
            case .entry(let id): return [.open(.entry(id))]
            case .followUp(let id, let n): return [.open(.entry(id, followUp: n))]
            }
        case .toggle, .reschedule, .doneOn:
            guard case .followUp(let id, let n) = selected?.target, let act = action.followUpAct else {
                status = "Space, s and D change a follow-up: Tab to one under FOLLOW-UPS (PgDn pages)"
                return []
            }
            if let entry = edited[id] { return update(.message(.entry(act, n: n, .success(entry)))) }
            // The review holds no entries: the one changed is read first, whole, from its file.
            let store = cache.store
            return [.perform { .entry(act, n: n, FollowUpEditor.read(id, in: store)) }]
        case .help: showHelp = true
        case .back: return [.back]
        case .interrupt: return [.quit(Interrupt.status)]
        }
        clampScroll()
        // A selection scrolled out of sight is dropped: Enter must act on what can be seen.
        if let item = selectedItem, !isVisible(item.rows) {
            selected = nil
        }
        return []
    }

    // MARK: - Reasons and follow-ups

    /// Which reason or follow-up is selected: what it is about, and which of the review's items
    /// about it (an entry's reason shows under the focus and again under its pitfall).
    struct Selection: Equatable, Sendable {
        var target: ReviewText.Target
        var occurrence: Int
    }

    /// A reason or follow-up of the review: which one it is and the lines it takes.
    struct Item: Equatable {
        var selection: Selection
        var rows: Range<Int>
    }

    /// The review's reasons and follow-ups in order, each a run of lines about the same thing.
    var items: [Item] {
        var items: [Item] = []
        var seen: [ReviewText.Target: Int] = [:]
        for (i, line) in lines.enumerated() {
            guard let target = line.target else { continue }
            if let last = items.last, last.selection.target == target, last.rows.upperBound == i {
                items[items.count - 1].rows = last.rows.lowerBound..<(i + 1)
            } else {
                items.append(Item(selection: Selection(target: target, occurrence: seen[target, default: 0]), rows: i..<(i + 1)))
                seen[target, default: 0] += 1
            }
        }
        return items
    }

    /// The selected item as laid out now.
    var selectedItem: Item? {
        selected.flatMap { selected in items.first { $0.selection == selected } }
    }

    /// Selects the next (`step` 1) or previous (-1) item from the selection, or, with none, the
    /// first (last) one in sight, else the first (last) after (before) it; scrolls it into view.
    private mutating func select(_ step: Int) {
        let items = self.items
        guard !items.isEmpty else {
            status = "Nothing to open this week: no reasons or follow-ups"
            return
        }
        let next: Item?
        if let current = items.firstIndex(where: { $0.selection == selected }) {
            next = items.indices.contains(current + step) ? items[current + step] : nil
        } else if step > 0 {
            next = items.first { $0.rows.upperBound > scroll } ?? items.last
        } else {
            next = items.last { $0.rows.lowerBound < scroll + bodyHeight } ?? items.first
        }
        guard let next else {
            status = step > 0 ? "That was the last reason or follow-up this week" : "That was the first reason or follow-up this week"
            return
        }
        selected = next.selection
        reveal(next)
    }

    /// Scrolls so the lines of `item` are in view (its first line when it is taller than the screen).
    private mutating func reveal(_ item: Item) {
        if item.rows.upperBound > scroll + bodyHeight { scroll = item.rows.upperBound - bodyHeight }
        if item.rows.lowerBound < scroll { scroll = item.rows.lowerBound }
        clampScroll()
    }

    private func isVisible(_ rows: Range<Int>) -> Bool {
        rows.lowerBound < scroll + bodyHeight && rows.upperBound > scroll
    }

    /// Follow-up `n` of entry `id` as the review on screen lists it.
    private func shownFollowUp(_ id: String, n: Int) -> WeeklyReview.FollowUpLine? {
        guard let lists = review?.followUps else { return nil }
        return (lists.overdue + lists.open + lists.done).first { $0.entryID == id && $0.n == n }
    }

    /// What the editor asked for, and its status line when it has one.
    private mutating func apply(_ step: FollowUpEditor.Step) -> [Command<Message>] {
        if let text = step.status { status = text }
        return [step.command.map(Message.followUp)]
    }

    /// Shows `target` from the top once its review is made (never another week's text under its
    /// title meanwhile).
    private mutating func show(_ target: ISOWeek) -> [Command<Message>] {
        week = target
        scroll = 0
        selected = nil
        review = nil
        return read()
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
