import DebriefCore

/// What the home screen shows, computed from the journal and today's date: the follow-ups that
/// need attention and the latest reflections.
struct HomeContent: Equatable, Sendable {
    struct DueFollowUp: Equatable, Sendable {
        var followUp: FollowUp
        var due: Day
        var event: String
    }

    struct Recent: Equatable, Sendable {
        var day: Day
        var title: String
        var kind: String
    }

    /// Open follow-ups that are overdue or due within `soon` days, most urgent first.
    var due: [DueFollowUp]
    var recent: [Recent]
    var entryCount: Int

    static let soonDays = 7
    static let recentCount = 5

    init(entries: [Entry], today: Day) {
        var due: [DueFollowUp] = []
        for entry in entries {
            for f in entry.followUps where f.isOpen {
                guard let day = f.due, today.days(until: day) <= Self.soonDays else { continue }
                due.append(DueFollowUp(followUp: f, due: day, event: entry.title.isEmpty ? entry.id : entry.title))
            }
        }
        self.due = due.sorted { $0.due < $1.due }
        let newest = entries.sorted { $0.eventTime > $1.eventTime }.prefix(Self.recentCount)
        recent = newest.map { Recent(day: $0.eventTime.day, title: $0.title.isEmpty ? $0.id : $0.title, kind: $0.kind ?? "") }
        entryCount = entries.count
    }
}
