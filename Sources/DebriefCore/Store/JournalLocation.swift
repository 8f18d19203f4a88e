/// Where the journal and the user's catalog overrides live.
public enum JournalLocation {
    /// First match wins: `--journal DIR`, `DEBRIEF_JOURNAL`, the config file's `journal`
    /// (`configured`, already expanded), `$XDG_DATA_HOME/debrief`, `~/.local/share/debrief`.
    /// Nil when none can be worked out (no HOME).
    public static func journal(option: String?, environment: [String: String], configured: String? = nil) -> String? {
        if let option, !option.isEmpty { return absolute(option, environment) }
        if let dir = environment["DEBRIEF_JOURNAL"], !dir.isEmpty { return absolute(dir, environment) }
        if let configured, !configured.isEmpty { return absolute(configured, environment) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/debrief" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/debrief"
    }

    /// `$XDG_CONFIG_HOME/debrief/prompts`, else `~/.config/debrief/prompts`.
    public static func promptsDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/debrief/prompts" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/debrief/prompts"
    }

    private static func absolute(_ path: String, _ environment: [String: String]) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] { return home + path.dropFirst() }
        let cwd = currentDirectory()
        return cwd + "/" + path
    }

    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JournalLocation {
    /// What is at a journal path.
    public enum Presence: Equatable, Sendable {
        case folder
        case missing
        /// A symbolic link whose target does not exist (an unmounted drive, a moved folder); the
        /// target as the link names it. Not ``missing``: creating the folder would write through
        /// the link to wherever it points, so debrief says what it found instead.
        case danglingLink(String)
        /// Something that is not a folder (a file, a device).
        case notAFolder
        /// A folder debrief may not read or look into, or a path it may not reach (a folder on
        /// the way it may not look into); why, in words (`Permission denied`).
        case unreadable(String)
    }

    /// Whether `path` is a folder debrief can read, absent, something else, or out of reach.
    /// Follows symbolic links, so a journal linked from elsewhere counts as the folder it
    /// points to.
    public static func presence(of path: String) -> Presence {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT {
                var link = stat()
                if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK { return .danglingLink(JournalStore.linkTarget(path)) }
                return .missing
            }
            if errno == ENOTDIR { return .notAFolder }
            return .unreadable(String(cString: strerror(errno)))
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return .notAFolder }
        guard access(path, R_OK | X_OK) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        return .folder
    }
}
