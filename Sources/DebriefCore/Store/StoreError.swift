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

    public var description: String {
        switch self {
        case .notFound(let id): return "no entry matches '\(id)'"
        case .ambiguous(let prefix, let ids):
            return "'\(prefix)' matches \(ids.count) entries: \(ids.prefix(5).joined(separator: ", "))\(ids.count > 5 ? ", …" : ""); type more of the id"
        case .changedOnDisk(let path):
            return "\(path) changed on disk since debrief read it; nothing was written (run the command again to work on the new version)"
        case .followUpChanged(let path, let why):
            return "\(path): \(why); nothing was written (run the command again to work on the new version)"
        case .exists(let path): return "\(path) already exists; debrief does not overwrite it"
        case .invalid(let problem): return problem.description
        case .io(let path, let reason): return "\(path): \(reason)"
        }
    }
}
