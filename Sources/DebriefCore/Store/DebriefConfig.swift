import Yams

/// The user's settings, read from `$XDG_CONFIG_HOME/debrief/config.yaml` (default
/// `~/.config/debrief/config.yaml`).
///
/// The file is the user's: debrief reads it and never writes it (choices debrief remembers go to
/// ``DebriefState``). Reading is forgiving on purpose: an unknown key or a bad value is reported
/// with the file and line and that one setting falls back to its default, so a typo in the
/// config never stops a command from running.
public struct DebriefConfig: Equatable, Sendable {
    /// `color`: whether output may carry colour and escape codes.
    public enum ColorChoice: String, CaseIterable, Sendable {
        /// Only on a terminal, and not when `NO_COLOR` is set.
        case auto
        case always
        case never
    }

    /// `journal`: the journal folder, with `~` expanded; a relative path is taken from the home folder.
    public var journal: String?
    /// `color`.
    public var color: ColorChoice?
    /// `cold-days`: days without a mention after which someone you know is on the cold list.
    public var coldDays: Int?
    /// `editor`: the command long answers are written in (`nvim`, `code --wait`).
    public var editor: String?
    /// `reflection-flow`: the flow `debrief new` starts with, `full` or a catalog flow such as `quick`.
    public var reflectionFlow: String?
    /// `calendars`: the calendars debrief reads (never writes), each a folder read at any depth for
    /// `*.ics` (a vdir) or one `.ics` file (an export), `~` expanded, relative to the home folder.
    public var calendars: [String]
    /// `me`: the user's own e-mail addresses, lower-cased, to recognise them among attendees.
    public var me: [String]
    /// `pending-days`: how many days back an event waits for a reflection.
    public var pendingDays: Int?

    public init(journal: String? = nil, color: ColorChoice? = nil, coldDays: Int? = nil,
                editor: String? = nil, reflectionFlow: String? = nil, calendars: [String] = [], me: [String] = [],
                pendingDays: Int? = nil) {
        self.journal = journal
        self.color = color
        self.coldDays = coldDays
        self.editor = editor
        self.reflectionFlow = reflectionFlow
        self.calendars = calendars
        self.me = me
        self.pendingDays = pendingDays
    }

    /// Every key the file may hold and what it means: the one list for the parser's "known keys",
    /// the README and `--help`.
    public static let keys: [(key: String, help: String)] = [
        ("journal", "the journal folder (absolute, ~/…, or relative to your home folder)"),
        ("color", "auto, always or never"),
        ("cold-days", "days without a mention before someone you know is on the cold list (1 or more)"),
        ("editor", "the command for writing long answers, e.g. nvim or \"code --wait\""),
        ("reflection-flow", "the flow `debrief new` starts with: full or a catalog flow such as quick"),
        ("calendars", "calendars to read events from (never written): a list of folders of .ics files (vdirs) or .ics files"),
        ("me", "your own e-mail addresses, a list, to recognise you among an event's attendees"),
        ("pending-days", "how many days back an event waits for a reflection (1 to 365; default 14)"),
    ]

    /// The keys whose value is a list (one value alone is read as a list of one).
    static let listKeys: Set<String> = ["calendars", "me"]

    /// `$XDG_CONFIG_HOME/debrief/config.yaml`, else `~/.config/debrief/config.yaml`; nil without HOME.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/debrief/config.yaml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/debrief/config.yaml"
    }

    /// The settings in the file at `path` and the problems found in it. No file is no settings
    /// and no problem; a file that cannot be read or parsed is one problem and no settings.
    /// `flows`, the catalog's flow ids when known, checks `reflection-flow` against them.
    public static func load(path: String?, home: String?, flows: [String]? = nil) -> (config: DebriefConfig, problems: [ConfigProblem]) {
        guard let path else { return (DebriefConfig(), []) }
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            return (DebriefConfig(), [ConfigProblem(file: path, line: 1, message: "cannot be read (\(error.description))")])
        }
        guard let bytes else { return (DebriefConfig(), []) }
        switch UTF8Check.text(bytes) {
        case .success(let text): return parse(text, file: path, home: home, flows: flows)
        case .failure(let bad): return (DebriefConfig(), [ConfigProblem(file: path, line: bad.line, message: "is not UTF-8 text")])
        }
    }

    /// Reads a config file's text; `file` names it in problems, `home` expands `~` and relative
    /// journals, `flows` (the catalog's flow ids, when known) are what `reflection-flow` may name
    /// besides `full`, so a typo is reported instead of quietly starting the full flow.
    public static func parse(_ text: String, file: String, home: String?, flows: [String]? = nil) -> (config: DebriefConfig, problems: [ConfigProblem]) {
        var config = DebriefConfig()
        var problems: [ConfigProblem] = []
        func problem(_ line: Int, _ message: String) { problems.append(ConfigProblem(file: file, line: line, message: message)) }
        let root: Node?
        do throws(YAMLProblem) {
            root = try YAML.compose(text)
        } catch {
            problem(error.line, error.message + "; every setting uses its default")
            return (config, problems)
        }
        guard let root else { return (config, problems) }
        guard let pairs = root.pairs else {
            problem(root.line, "must be a map of settings, e.g. `color: never`; every setting uses its default")
            return (config, problems)
        }
        for (key, keyNode, value) in pairs {
            let line = keyNode.line
            if value.isNull { continue }
            if listKeys.contains(key) {
                readList(key, value, line: line, into: &config, problem: problem, home: home)
                continue
            }
            guard case .scalar = value, let raw = value.text else {
                if keys.contains(where: { $0.key == key }) {
                    problem(line, "`\(key)` must be a single value, not a list or map; using the default")
                } else {
                    problem(line, unknownKey(key))
                }
                continue
            }
            let text = raw.trimmingBlanks
            switch key {
            case "journal":
                guard !text.isEmpty else { continue }
                config.journal = expand(text, home: home)
            case "color":
                guard let choice = ColorChoice(rawValue: text.lowercased()) else {
                    problem(line, "`\(key)` must be auto, always or never, not '\(text)'; using auto")
                    continue
                }
                config.color = choice
            case "cold-days":
                guard text.allSatisfy(\.isASCII), let days = Int(text), (1...36_500).contains(days) else {
                    problem(line, "`cold-days` must be a whole number of days from 1 to 36500, not '\(text)'; using the default")
                    continue
                }
                config.coldDays = days
            case "editor":
                guard !text.isEmpty else { continue }
                config.editor = text
            case "reflection-flow":
                guard isFlowName(text) else {
                    problem(line, "`reflection-flow` must be full or a flow's id such as quick (letters, digits, hyphens), not '\(text)'; using the default")
                    continue
                }
                if let flows, text != Flow.full, !flows.contains(text) {
                    let known = flows.isEmpty ? "" : " (\(flows.joined(separator: ", ")))"
                    problem(line, "`reflection-flow` must be full or a flow of the catalog\(known), not '\(text)'; using the default")
                    continue
                }
                config.reflectionFlow = text
            case "pending-days":
                guard text.allSatisfy(\.isASCII), let days = Int(text), (1...365).contains(days) else {
                    problem(line, "`pending-days` must be a whole number of days from 1 to 365, not '\(text)'; using 14")
                    continue
                }
                config.pendingDays = days
            default:
                problem(line, unknownKey(key))
            }
        }
        return (config, problems)
    }

    /// `calendars:` or `me:`: a list of scalars, or one scalar; each bad item is reported with its
    /// line and left out, the others kept.
    private static func readList(_ key: String, _ value: Node, line: Int, into config: inout DebriefConfig,
                                 problem: (Int, String) -> Void, home: String?) {
        let items: [Node]
        if case .scalar = value { items = [value] } else if let list = value.items { items = list } else {
            problem(line, key == "calendars"
                    ? "`calendars` must be a list of paths, e.g. `calendars: [~/.calendars/work, ~/Downloads/export.ics]`; ignored"
                    : "`me` must be a list of e-mail addresses, e.g. `me: [ana@example.org]`; ignored")
            return
        }
        for item in items {
            guard case .scalar = item, let raw = item.text?.trimmingBlanks, !raw.isEmpty else {
                if !item.isNull {
                    problem(item.line, "`\(key)` lists one \(key == "calendars" ? "path" : "e-mail address") per item, not a list or map; that item is ignored")
                }
                continue
            }
            switch key {
            case "calendars":
                let path = expand(raw, home: home)
                if !config.calendars.contains(path) { config.calendars.append(path) }
            default:
                let address = raw.lowercased().hasPrefix("mailto:") ? String(raw.dropFirst(7)) : raw
                guard isEmailAddress(address) else {
                    problem(item.line, "`me`: '\(raw)' is not an e-mail address (name@domain); ignored")
                    continue
                }
                if !config.me.contains(address.lowercased()) { config.me.append(address.lowercased()) }
            }
        }
    }

    /// `local@domain`, one `@`, no spaces, a dot-free domain allowed (`root@localhost`).
    private static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
    }

    private static func unknownKey(_ key: String) -> String {
        let known = keys.map(\.key)
        let close = known.first { editDistance($0, key.lowercased()) <= 2 }
        let hint = close.map { "did you mean `\($0)`? " } ?? ""
        return "unknown key `\(key)`: \(hint)the keys are \(known.joined(separator: ", ")); ignored"
    }

    /// A flow id as catalogs write them: lowercase letters, digits and hyphens.
    private static func isFlowName(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// `~` and `~/x` from the home folder; a relative path from the home folder too, so the
    /// journal does not depend on the folder a command is run from.
    private static func expand(_ path: String, home: String?) -> String {
        if path.hasPrefix("/") { return path }
        guard let home, !home.isEmpty else { return path }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return home + "/" + path
    }

    /// Levenshtein distance, for "did you mean" on short keys.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

/// One thing wrong in the config file, shown as `file:line: message`: the same shape, and the
/// same type, as a problem in a catalog file.
public typealias ConfigProblem = CatalogProblem
