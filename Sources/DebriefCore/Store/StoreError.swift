/// What can go wrong reading or writing the journal, each with the message users see.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No entry with that id or prefix.
    case notFound(String)
    /// A prefix that matches more than one entry.
    case ambiguous(String, [String])
    /// The file changed on disk since debrief read it; nothing was written.
    case changedOnDisk(String)
    /// A one-follow-up edit (done, undone, reschedule) found the file changed since it was read
    /// and could not apply the edit to the new version: the path and why, in words.
    case followUpChanged(String, String)
    /// The target already exists and debrief does not overwrite.
    case exists(String)
    /// The file does not parse.
    case invalid(EntryProblem)
    /// A system call failed.
    case io(String, String)
    /// Debrief will not write this file, or write what it was asked to: the path and why, in
    /// words (a hard-linked entry, an entry its own reader would refuse, a file that is not its).
    case refused(String, String)

    /// How many ids an ambiguous prefix lists.
    public static let candidatesShown = 20

    public var description: String {
        switch self {
        case .notFound(let id): return "no entry matches '\(id)'"
        case .ambiguous(let prefix, let ids):
            // One candidate a line, so the right one can be copied; a long list is cut, saying how much.
            let shown = ids.prefix(Self.candidatesShown).map { "\n  " + $0 }.joined()
            let more = ids.count > Self.candidatesShown ? "\n  … and \(ids.count - Self.candidatesShown) more" : ""
            return "'\(prefix)' matches \(ids.count) entries; type more of the id:" + shown + more
        case .changedOnDisk(let path):
            return "\(path) changed on disk since debrief read it; nothing was written (run the command again to work on the new version)"
        case .followUpChanged(let path, let why):
            return "\(path): \(why); nothing was written (run the command again to work on the new version)"
        case .exists(let path): return "\(path) already exists; debrief does not overwrite it"
        case .invalid(let problem): return problem.description
        case .io(let path, let reason), .refused(let path, let reason): return "\(path): \(reason)"
        }
    }
}
