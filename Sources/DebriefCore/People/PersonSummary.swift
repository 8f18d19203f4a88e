/// Everything the journal says about one person, merged across every reflection that names them.
///
/// Names merge by `String.folded` (case, accents, Unicode normalisation and spacing ignored), so
/// "Zoë Brandt" typed on a Mac (NFD) and "zoe  brandt" typed in a hurry are one person.
public struct PersonSummary: Hashable, Sendable {
    /// The folded name the merge is keyed on.
    public var key: String
    /// The spelling most entries that name them use (the newest of equally frequent ones).
    public var name: String
    /// How many entries name them (once per entry, however often it lists them).
    public var met: Int
    /// The event days of the first and the last entry naming them.
    public var firstMet: Day
    public var lastMet: Day
    /// The event time of the last entry naming them, to order people met on the same day.
    public var lastMetTime: Timestamp
    /// The last event day of an entry naming them, as a person, as the `who` of a follow-up
    /// action or in a mention (an imported note's included): what the cold list measures from.
    public var lastMentioned: Day
    /// From the most recent entry that gives one.
    public var level: String?
    /// From the most recent entry that gives one.
    public var relation: String?
    /// Whether any entry calls them `existing`: someone the user knew before.
    public var everExisting: Bool
    /// Every note about them, newest first.
    public var notes: [PersonNote]
    /// Open follow-up actions whose `who` folds to `key`, soonest due first.
    public var openFollowUps: [FollowUpItem]
    /// The entries listing them among the people met, newest first.
    public var entryIDs: [String]
    /// The entries that mention them without listing them (``MentionFinder``), newest first.
    public var mentions: [PersonMention]

    public init(key: String, name: String, met: Int, firstMet: Day, lastMet: Day, lastMetTime: Timestamp,
                lastMentioned: Day, level: String? = nil, relation: String? = nil, everExisting: Bool = false,
                notes: [PersonNote] = [], openFollowUps: [FollowUpItem] = [], entryIDs: [String] = [],
                mentions: [PersonMention] = []) {
        self.key = key
        self.name = name
        self.met = met
        self.firstMet = firstMet
        self.lastMet = lastMet
        self.lastMetTime = lastMetTime
        self.lastMentioned = lastMentioned
        self.level = level
        self.relation = relation
        self.everExisting = everExisting
        self.notes = notes
        self.openFollowUps = openFollowUps
        self.entryIDs = entryIDs
        self.mentions = mentions
    }

    /// Someone the user already knows: called `existing` somewhere, or met more than once.
    /// Only such people can go cold; a single new face is not a relationship yet.
    public var isKnown: Bool { everExisting || met > 1 }

    /// Whole days from the last mention to `today` (negative for an entry dated in the future).
    public func daysSinceMentioned(asOf today: Day) -> Int { lastMentioned.days(until: today) }

    /// "met once, 2026-11-24" or "met 3 times, 2026-06-20 to 2026-11-24", as every list says it,
    /// then ", mentioned in 2 entries" when others name them.
    public var meetings: String {
        (met == 1 ? "met once, \(lastMet.iso)" : "met \(met) times, \(firstMet.iso) to \(lastMet.iso)")
            + (mentions.isEmpty ? "" : ", mentioned in \(mentions.count) \(mentions.count == 1 ? "entry" : "entries")")
    }
}
