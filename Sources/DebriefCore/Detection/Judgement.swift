/// A pitfall shown by one entry, or by one week for a habit pitfall, with the reasons behind it
/// ("did 80% of the talking").
public struct PitfallFlag: Hashable, Sendable {
    public var pitfallID: String
    public var reasons: [String]
    /// The title of the first signal that held and gives one, fitting what was found ("A generic
    /// message"); nil: the pitfall's own (``Catalog/title(of:)`` resolves it).
    public var title: String?
    /// The advice of the first signal that held and gives one; nil: the pitfall's own.
    public var instead: String?

    public init(pitfallID: String, reasons: [String], title: String? = nil, instead: String? = nil) {
        self.pitfallID = pitfallID
        self.reasons = reasons
        self.title = title
        self.instead = instead
    }
}

/// A pitfall that could not be judged because it reads prompts the flow did not ask.
public struct UnjudgedPitfall: Hashable, Sendable {
    public var pitfallID: String
    /// True when part of its rules could be judged (and did not hold): say, the talk share of a
    /// short reflection was known and low, but whether a favour was asked was not.
    public var inPart: Bool

    public init(pitfallID: String, inPart: Bool) {
        self.pitfallID = pitfallID
        self.inPart = inPart
    }
}

/// What the evaluator made of one entry, or of one week's reflections: the pitfalls shown and
/// those it could not judge, each in catalog order. A pitfall in neither list was judged and
/// did not show.
public struct Judgement: Hashable, Sendable {
    public var flags: [PitfallFlag]
    public var unjudged: [UnjudgedPitfall]

    public init(flags: [PitfallFlag] = [], unjudged: [UnjudgedPitfall] = []) {
        self.flags = flags
        self.unjudged = unjudged
    }

    public static let none = Judgement()

    public func shows(_ pitfallID: String) -> Bool { flags.contains { $0.pitfallID == pitfallID } }
    public func unjudged(_ pitfallID: String) -> UnjudgedPitfall? { unjudged.first { $0.pitfallID == pitfallID } }
}
