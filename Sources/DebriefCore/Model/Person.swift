/// Someone the user met at an event, as one row of the `people` answer.
public struct Person: Hashable, Sendable {
    public var name: String
    /// One of the catalog's levels (junior, peer, senior, executive), or nil when not given.
    public var level: String?
    /// `new` or `existing` (someone the user already knew), or nil when not given.
    public var relation: String?
    public var note: String?
    /// An e-mail address (front-matter key `email`), filled from a calendar attendee when a
    /// reflection is written from an event, so the same person is recognised however the name is
    /// spelt.
    public var email: String?
    /// Keys written by hand that debrief does not know, kept on rewrite.
    public var extras: [ExtraField]

    public init(name: String, level: String? = nil, relation: String? = nil, note: String? = nil, email: String? = nil,
                extras: [ExtraField] = []) {
        self.name = name
        self.level = level
        self.relation = relation
        self.note = note
        self.email = email
        self.extras = extras
    }
}

/// A key inside a person or follow-up row that debrief does not know: kept as YAML text so a
/// rewrite preserves it.
public struct ExtraField: Hashable, Sendable {
    public var key: String
    /// The value as a YAML fragment: a scalar on one line, or an indented block.
    public var yaml: String

    public init(key: String, yaml: String) {
        self.key = key
        self.yaml = yaml
    }
}
