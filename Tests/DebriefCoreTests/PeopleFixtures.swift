import DebriefCore
import Foundation

/// Builders for the follow-up and people tests: entries in memory, days and times from ISO text.
enum PeopleFixtures {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func time(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

    /// An entry dated `date` (a day at 18:30 Berlin winter time, or a full ISO date-time).
    static func entry(_ id: String, title: String? = nil, date: String, people: [Person] = [],
                      followUps: [FollowUp] = []) -> Entry {
        let when = date.count == 10 ? time(date + "T18:30:00+01:00") : time(date)
        var answers: [String: Answer] = ["title": .text(title ?? id), "date": .timestamp(when)]
        if !people.isEmpty { answers["people"] = .people(people) }
        if !followUps.isEmpty { answers["follow-ups"] = .followUps(followUps) }
        return Entry(id: id, created: when, updated: when, answers: answers)
    }
}
