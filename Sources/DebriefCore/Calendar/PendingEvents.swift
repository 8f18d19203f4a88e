import Foundation
import Synchronization

/// An event that ended without a reflection, as `debrief pending` and home list it.
public struct PendingEvent: Sendable, Hashable {
    public var instance: EventInstance
    /// The other people's names (``EventPeople``).
    public var people: [String]
    /// The kind a reflection from it starts with, when a guess holds.
    public var kind: String?

    public var key: String { instance.key }

    /// The order every list of them uses: newest start first.
    public static func newestFirst(_ a: PendingEvent, _ b: PendingEvent) -> Bool {
        (a.instance.start, a.key) > (b.instance.start, b.key)
    }
}

/// Which calendar events wait for a reflection (issue 20's rules; the judgement of which events
/// are worth one is the catalog's ``EventRules``):
///
/// an event waits when it ended within the last `days` days and before now, was not cancelled,
/// was not declined by the user, is worth a reflection, has none yet, and was not skipped.
///
/// A reflection is an entry whose `event` is the instance's key; or, for an entry without
/// `event` (older, written by hand, imported), one on the same day whose title holds at least half
/// of the summary's significant words, or one within two hours of the start with one of the
/// event's people (by folded name, or by the person's `email`).
public struct PendingEvents: Sendable {
    public let rules: EventRules
    /// The user's addresses (`me:`).
    public var me: [String]
    public var local: TimeZone
    /// The rules' word lists cut into words once (every instance of a window is judged).
    private let networkingWords: [[String]], recurringWords: [[String]], busyWords: [[String]]
    /// Each kind guess's words cut into words once (``kind(of:)`` runs for every waiting event).
    private let kindWords: [[[String]]]
    /// What the words of a text decided, per text: the instances of a series share their event's
    /// texts, and cutting a text that is not ASCII into words goes through Foundation's folding
    /// (tens of microseconds each: a twelfth of a warm `pending` over 5,000 files).
    private let networkingMemo = TextMemo<Bool>()
    private let summaryMemo = TextMemo<(busy: Bool, recurring: Bool)>()

    public init(rules: EventRules, me: [String], local: TimeZone) {
        self.rules = rules
        self.me = me
        self.local = local
        networkingWords = rules.networkingWords.map(EventWords.tokens)
        recurringWords = rules.recurringWords.map(EventWords.tokens)
        busyWords = rules.busyWords.map(EventWords.tokens)
        kindWords = rules.kinds.map { $0.words.map(EventWords.tokens) }
    }

    /// The waiting events among `instances` as of `now` (seconds), newest first. `entries` need
    /// only be those of the window's days (a day either side is enough).
    public func waiting(_ instances: [EventInstance], entries: [Entry], skipped: Set<String>, now: Int, days: Int) -> [PendingEvent] {
        let oldest = now - days * 86_400
        let candidates = instances.filter { i in i.end > oldest && !skipped.contains(i.key) && qualifies(i, now: now) }
        let matcher = ReflectionMatcher(entries: entries, rules: rules, me: me, local: local)
        return candidates.filter { matcher.reflection(for: $0) == nil }.map(pending).sorted(by: PendingEvent.newestFirst)
    }

    public func pending(_ instance: EventInstance) -> PendingEvent {
        PendingEvent(instance: instance, people: EventPeople.others(instance.event, me: me).map(EventPeople.name),
                     kind: kind(of: instance))
    }

    /// Over by `now`, not cancelled, not declined by the user, and worth a reflection: an event
    /// that asks for one (the waiting list, the review's calendar part).
    public func qualifies(_ i: EventInstance, now: Int) -> Bool {
        i.end <= now && !i.isCancelled && !EventPeople.declined(i.event, me: me) && isWorthAReflection(i)
    }

    /// The catalog's judgement (``EventRules``): free time (unless it names a networking word: an
    /// all-day conference is often marked free), busy blocks and instances of a recurring series
    /// (unless their summary names a recurring word) never; otherwise with enough other people, or
    /// naming a networking word.
    public func isWorthAReflection(_ instance: EventInstance) -> Bool {
        let event = instance.event
        let text = [event.summary, event.location, event.categories.joined(separator: ", ")].joined(separator: "\n")
        let networking = networkingMemo.value(for: text) { EventWords.names(text, anyOfPhrases: networkingWords) }
        if rules.skipFreeTime, event.isTransparent || event.busyStatus == "FREE", !networking { return false }
        let summary = summaryMemo.value(for: event.summary) {
            let words = EventWords.tokens(event.summary)
            return (busyWords.contains(words), recurringWords.contains { EventWords.contains(words, phrase: $0) })
        }
        if summary.busy { return false }
        if instance.recurrenceID != nil, !summary.recurring { return false }
        if rules.withOthers > 0, EventPeople.others(event, me: me).count >= rules.withOthers { return true }
        return networking
    }

    /// The first kind guess that holds (``EventRules/KindGuess``), or nil.
    public func kind(of instance: EventInstance) -> String? {
        let event = instance.event
        let text = [event.summary, event.location, event.categories.joined(separator: ", ")].joined(separator: "\n")
        let others = EventPeople.others(event, me: me).count
        let hosts = event.links.compactMap { URL(string: $0)?.host?.lowercased() }
        let words = EventWords.tokens(text)
        for (guess, phrases) in zip(rules.kinds, kindWords) {
            if !guess.words.isEmpty, !phrases.contains(where: { EventWords.contains(words, phrase: $0) }) { continue }
            if let n = guess.others, n != others { continue }
            if !guess.links.isEmpty, !hosts.contains(where: { host in guess.links.contains { host == $0 || host.hasSuffix("." + $0) } }) { continue }
            return guess.kind
        }
        return nil
    }
}

/// Finds the reflection written about an event among entries (see ``PendingEvents``).
public struct ReflectionMatcher: Sendable {
    let byKey: [String: Entry]
    let byDay: [Day: [Entry]]
    let rules: EventRules
    let me: [String]
    let local: TimeZone
    let notSignificant: Set<String>

    public init(entries: [Entry], rules: EventRules, me: [String], local: TimeZone) {
        var byKey: [String: Entry] = [:]
        var byDay: [Day: [Entry]] = [:]
        for entry in entries {
            if let key = entry.event {
                if byKey[key] == nil { byKey[key] = entry }
            } else {
                byDay[entry.eventTime.day, default: []].append(entry)
            }
        }
        self.byKey = byKey
        self.byDay = byDay
        self.rules = rules
        self.me = me
        self.local = local
        notSignificant = Set(rules.notSignificant.flatMap(EventWords.tokens))
    }

    /// The entry about `instance`, or nil.
    public func reflection(for instance: EventInstance) -> Entry? {
        if let entry = byKey[instance.key] { return entry }
        let day = Day(Date(timeIntervalSince1970: TimeInterval(instance.start)), in: local)
        let nearby = (byDay[day.adding(days: -1)] ?? []) + (byDay[day] ?? []) + (byDay[day.adding(days: 1)] ?? [])
        guard !nearby.isEmpty else { return nil }
        let event = instance.event
        let mine = Set(EventPeople.myNames(event, me: me).flatMap(EventWords.tokens))
        let significant = Array(Set(EventWords.tokens(event.summary)).subtracting(notSignificant).subtracting(mine))
        let people = EventPeople.others(event, me: me)
        let names = Set(people.map { EventPeople.name($0).folded })
        let emails = Set(people.compactMap(\.email))
        for entry in nearby {
            if entry.eventTime.day == day, !significant.isEmpty {
                let title = Set(EventWords.tokens(entry.title))
                let found = significant.filter { title.contains($0) }.count
                if found * 2 >= significant.count { return entry }
            }
            if abs(entry.eventTime.seconds - instance.start) <= 2 * 3600,
               entry.people.contains(where: { names.contains($0.name.folded) || ($0.email.map { emails.contains($0.lowercased()) } ?? false) }) {
                return entry
            }
        }
        return nil
    }
}

extension PendingEvents {
    /// What waits as of the clock's now, read from the calendars and the journal: the events of
    /// the last `days` days, the entries of those days (a day either side), and the skip file.
    public static func read(store: JournalStore, calendars: CalendarSet, catalog: Catalog, me: [String], clock: Clock,
                            days: Int) throws(StoreError) -> (waiting: [PendingEvent], problems: [EntryProblem]) {
        let now = Int(clock.now().timeIntervalSince1970)
        let from = now - days * 86_400
        let snapshot = calendars.instances(from: from, to: now + 1, local: clock.timeZone)
        let skipped = try SkippedEvents.read(store)
        let entries = windowEntries(store: store, catalog: catalog, clock: clock, days: days)
        let pending = PendingEvents(rules: catalog.events, me: me, local: clock.timeZone)
        let waiting = pending.waiting(snapshot.instances, entries: entries, skipped: skipped, now: now, days: days)
        return (waiting, snapshot.problems)
    }

    /// The entries ``waiting(_:entries:skipped:now:days:)`` can match to the events of the last
    /// `days` days as of the clock's now: those of the window's days, a day either side, and no
    /// others, so `pending` and home's calendar lines cost what the window holds, not the journal.
    /// Only the window's month folders are walked: the journal's problems are not reported here.
    public static func windowEntries(store: JournalStore, catalog: Catalog, clock: Clock, days: Int) -> [Entry] {
        let from = Int(clock.now().timeIntervalSince1970) - days * 86_400
        let first = Day(Date(timeIntervalSince1970: TimeInterval(from)), in: clock.timeZone).adding(days: -1)
        let query = EntryQuery(since: first, until: clock.today.adding(days: 1))
        let journal = store.entries(matching: EntryMatcher(query, catalog: catalog, today: clock.today), windowOnly: true)
        Trace.mark("pending: \(journal.entries.count) entries of the window read")
        return journal.entries
    }
}

extension PendingEvents {
    /// How far from now `find` looks for an event by its key.
    public static let findDays = 400

    /// The most days back `debrief pending --days` looks, so the farthest back an event it lists
    /// can lie (and `pending skip` must find it).
    public static let maxDays = 3660

    /// The instance whose key is `key` among the calendars' instances from `daysBack` days before
    /// now to ``findDays`` after, or nil.
    public static func find(_ key: String, calendars: CalendarSet, clock: Clock, daysBack: Int = findDays) -> EventInstance? {
        let now = Int(clock.now().timeIntervalSince1970)
        let snapshot = calendars.instances(from: now - daysBack * 86_400, to: now + findDays * 86_400, local: clock.timeZone)
        return snapshot.instances.first { $0.key == key }
    }
}
