/// The one wording of the warning that some files in the journal were not read (they do not
/// parse, are not regular files, are too large, or duplicate an entry), used by every command
/// and screen that counts entries; `debrief doctor` names each file and why.
public enum UnreadFiles {
    /// What leaving the files out means where the warning appears.
    public enum Consequence: Sendable {
        /// A screen's status line: no room to say more.
        case none
        /// `list`.
        case notListed
        /// `followups`, `people`.
        case notIncluded
        /// The review, on the screen and on the command line.
        case leftOutOfReview
    }

    /// "2 files could not be read and are not listed; run `debrief doctor`", or nil for none.
    public static func warning(_ count: Int, _ consequence: Consequence = .none) -> String? {
        guard count > 0 else { return nil }
        let files = count == 1 ? "1 file could not be read" : "\(count) files could not be read"
        let are = count == 1 ? "is" : "are"
        let doctor = "run `debrief doctor`"
        switch consequence {
        case .none: return "\(files); \(doctor)"
        case .notListed: return "\(files) and \(are) not listed; \(doctor)"
        case .notIncluded: return "\(files) and \(are) not included; \(doctor)"
        case .leftOutOfReview: return "\(files) and \(are) left out of the review; \(doctor)"
        }
    }
}
