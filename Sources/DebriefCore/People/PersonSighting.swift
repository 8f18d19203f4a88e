/// The people one entry lists, with what the people list shows of that entry: all that
/// ``PeopleIndex`` reads of an entry besides its mentions, whether it comes from the whole entry
/// or from the index's facts (``PeopleFacts``).
public struct PersonSighting: Sendable, Equatable {
    public var id: String
    public var title: String
    public var eventTime: Timestamp
    public var people: [Person]

    public init(id: String, title: String, eventTime: Timestamp, people: [Person]) {
        self.id = id
        self.title = title
        self.eventTime = eventTime
        self.people = people
    }

    public init(entry: Entry) {
        self.init(id: entry.id, title: entry.title, eventTime: entry.eventTime, people: entry.people)
    }

    /// The title, or the id when it has none (``Entry/displayTitle``).
    public var displayTitle: String { title.isEmpty ? id : title }
}
