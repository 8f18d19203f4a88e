import DebriefCore
import DebriefUI

/// What the list shows for one entry, computed once when the journal is loaded so drawing a
/// frame never runs the pitfall detector.
struct BrowseRow: Sendable, Equatable {
    var day: Day
    var kind: String
    var title: String
    var people: Int
    var pitfalls: [String]
    var openFollowUps: Int

    init(_ entry: Entry, detector: Detector, today: Day) {
        day = entry.eventTime.day
        kind = entry.kind ?? ""
        title = entry.displayTitle
        people = entry.people.count
        pitfalls = detector.pitfallIDs(shownBy: entry, asOf: today)
        openFollowUps = entry.followUps.filter(\.isOpen).count
    }

    static let header = (date: "Date", kind: "Kind", title: "Title", people: "Ppl", pitfalls: "Pitfalls", open: "Open")
    static let kindWidth = 11
    static let tailWidth = 3 + 2 + 8 + 2 + 4

    /// One line exactly `width` columns wide: the title takes what the fixed columns leave and is
    /// cut by display width with an ellipsis.
    func line(width: Int) -> String {
        let marks = pitfalls.isEmpty ? "" : "!" + String(pitfalls.count)
        return Self.format(date: day.iso, kind: kind, title: title, people: people == 0 ? "" : String(people),
                           pitfalls: marks, open: openFollowUps == 0 ? "" : String(openFollowUps), width: width)
    }

    static func headerLine(width: Int) -> String {
        format(date: header.date, kind: header.kind, title: header.title, people: header.people,
               pitfalls: header.pitfalls, open: header.open, width: width)
    }

    private static func format(date: String, kind: String, title: String, people: String, pitfalls: String,
                               open: String, width: Int) -> String {
        let titleWidth = max(4, width - 10 - 2 - kindWidth - 1 - tailWidth - 2)
        let text = date.fitted(toWidth: 10) + "  " + kind.fitted(toWidth: kindWidth) + " "
            + title.fitted(toWidth: titleWidth) + "  " + String(repeating: " ", count: max(0, 3 - people.count)) + people
            + "  " + pitfalls.fitted(toWidth: 8) + "  " + open.fitted(toWidth: 4)
        return text.fitted(toWidth: width)
    }
}
