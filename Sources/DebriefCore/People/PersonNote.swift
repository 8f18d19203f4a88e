/// A note written about someone in one reflection, kept with the entry it came from so a reader
/// can go back to the whole story.
public struct PersonNote: Hashable, Sendable {
    public var text: String
    public var entryID: String
    public var entryTitle: String
    /// The event's day.
    public var day: Day

    public init(text: String, entryID: String, entryTitle: String, day: Day) {
        self.text = text
        self.entryID = entryID
        self.entryTitle = entryTitle
        self.day = day
    }
}
