import DebriefCore
import DebriefUI

/// The calendar on home: the next meeting with someone from the journal ("Coming up", Enter opens
/// its brief) and the events awaiting a reflection (Enter starts one prefilled from the event, `x`
/// skips the event, `u` takes the last skip back). A skip is written to the journal's skip file
/// by an effect (``SkippedEvents``, the same file `debrief pending skip` writes); `update` itself
/// touches no file.
extension HomeProgram {
    /// 1 when the next meeting is shown, else 0.
    var comingUpCount: Int { content?.agenda?.comingUp == nil ? 0 : 1 }

    /// How many waiting events are listed (the heading counts them all).
    var shownWaitingCount: Int { min(content?.agenda?.waiting.count ?? 0, Self.maxWaitingLines) }

    /// Lines the calendar takes above the follow-ups: "Coming up" (two and a blank), "Awaiting a
    /// reflection" (heading, events, "… more", a blank).
    var agendaLineCount: Int {
        guard let agenda = content?.agenda else { return 0 }
        var lines = (agenda.comingUp == nil ? 0 : 3) + (agendaWarning(agenda) == nil ? 0 : 2)
        if !agenda.waiting.isEmpty { lines += 2 + shownWaitingCount + (agenda.waiting.count > shownWaitingCount ? 1 : 0) }
        return lines
    }

    /// A read that began before the last skip or undo (home reads again when it comes back from
    /// another screen, and `x` can come first) shows what home did since: a skipped event stays
    /// out, an unskipped one stays in. A read that began after them is the truth as it is.
    func correctingSkips(_ loaded: HomeContent) -> HomeContent {
        var content = loaded
        guard loaded.skipStamp < skipWrites, var agenda = content.agenda else { return content }
        let skipped = Set(skippedHere.map(\.key))
        agenda.waiting.removeAll { skipped.contains($0.key) }
        for event in unskippedHere where !agenda.waiting.contains(where: { $0.key == event.key }) {
            agenda.waiting.append(event)
        }
        agenda.waiting.sort(by: PendingEvent.newestFirst)
        content.agenda = agenda
        return content
    }

    /// Why the calendar's lines may be missing something, if they may.
    func agendaWarning(_ agenda: CalendarAgenda) -> String? {
        if let failure = agenda.failure { return "Events awaiting a reflection are not shown: " + failure }
        guard agenda.problems > 0 else { return nil }
        return "\(agenda.problems) calendar file\(agenda.problems == 1 ? "" : "s") or series could not be read; `debrief doctor` lists them"
    }

    /// "Coming up: Lunch with Marc Weber, Thu 12:00 — 1 open follow-up".
    func comingUpText(_ next: CalendarAgenda.ComingUp) -> String {
        let start = EventTime.timestamp(next.instance.start, zone: clock.timeZone)
        let when = EventTime.weekdays[start.day.isoWeekday - 1] + (next.instance.isAllDay ? "" : String(format: " %02d:%02d", start.hour, start.minute))
        let open = next.openFollowUps == 0 ? "nothing open with " + (next.known.count == 1 ? next.known[0] : "them")
            : "\(next.openFollowUps) open follow-up" + (next.openFollowUps == 1 ? "" : "s")
        return "Coming up: " + EventTime.title(next.instance) + ", " + when + " — " + open
    }

    /// "Tue 2026-11-24 12:00–13:30  Lunch with Marc Weber  with Marc Weber".
    func waitingText(_ event: PendingEvent) -> String {
        let people = event.people.isEmpty ? "" : "  with " + event.people.joined(separator: ", ")
        return EventTime.span(event.instance, zone: clock.timeZone) + "  " + EventTime.title(event.instance) + people
    }

    /// The waiting event on the selected row, if the selection is on one.
    var selectedEvent: PendingEvent? {
        let i = selected - comingUpCount
        guard let waiting = content?.agenda?.waiting, i >= 0, i < shownWaitingCount else { return nil }
        return waiting[i]
    }

    /// Enter on the next meeting (its brief) or on a waiting event (its reflection); nil when the
    /// selection is on neither.
    func openSelectedEvent() -> [Command<Message>]? {
        if selected == 0, let next = content?.agenda?.comingUp { return [.open(.brief(next.instance))] }
        if let event = selectedEvent { return [.open(.reflectionFromEvent(event.instance))] }
        return nil
    }

    /// `x` on a waiting event, `u` anywhere on home (the last event `x` skipped here).
    mutating func handleEventKey(_ action: Action) -> [Command<Message>] {
        let store = cache.store
        switch action {
        case .skip:
            guard let event = selectedEvent else {
                status = content?.agenda?.waiting.isEmpty == false ? "x skips an event awaiting a reflection; select one first"
                    : "No event awaits a reflection"
                return []
            }
            skipWrites += 1
            return [.perform { Self.writeSkip(event, skipped: true, store: store) }]
        case .unskip:
            guard let event = skippedHere.last else {
                status = "Nothing skipped here to undo (`debrief pending unskip KEY` for an older one)"
                return []
            }
            skipWrites += 1
            return [.perform { Self.writeSkip(event, skipped: false, store: store) }]
        default:
            return []
        }
    }

    /// Writes the skip file; run as an effect.
    static func writeSkip(_ event: PendingEvent, skipped: Bool, store: JournalStore) -> Message {
        do throws(StoreError) {
            _ = try SkippedEvents.set(event.key, skipped: skipped, in: store)
            return .skip(event, skipped: skipped, failure: nil)
        } catch {
            return .skip(event, skipped: skipped, failure: error.description)
        }
    }

    /// The list changes in place: a skipped event leaves it, an unskipped one comes back where it was.
    mutating func skipWritten(_ event: PendingEvent, skipped: Bool, failure: String?) -> [Command<Message>] {
        let title = EventTime.title(event.instance)
        if let failure {
            status = (skipped ? "Not skipped: " : "Not undone: ") + failure
            return []
        }
        if skipped {
            content?.agenda?.waiting.removeAll { $0.key == event.key }
            skippedHere.append(event)
            unskippedHere.removeAll { $0.key == event.key }
            status = "Skipped: \(title) (u undoes)"
        } else {
            skippedHere.removeAll { $0.key == event.key }
            unskippedHere.append(event)
            if content?.agenda?.waiting.contains(where: { $0.key == event.key }) == false {
                content?.agenda?.waiting.append(event)
                content?.agenda?.waiting.sort(by: PendingEvent.newestFirst)
            }
            if let i = content?.agenda?.waiting.firstIndex(where: { $0.key == event.key }) {
                selected = comingUpCount + min(i, max(0, shownWaitingCount - 1))
            }
            status = "Awaits a reflection again: \(title)"
        }
        selected = min(selected, max(0, rowCount - 1))
        return []
    }
}
