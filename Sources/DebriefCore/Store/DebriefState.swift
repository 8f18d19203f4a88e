/// Choices debrief remembers between runs: the reflection flow picked at the start of
/// `debrief new`, the cold list's number of days set on the people screen.
///
/// They live in debrief's own state file, `$XDG_STATE_HOME/debrief/state.yaml` (default
/// `~/.local/state/debrief/state.yaml`), never in the user's hand-written config, which debrief only
/// reads. The file is one `key: value` per line; keys this version does not know are kept when it
/// writes the file back, so an older debrief does not erase a newer one's choices. A missing or
/// unreadable file is no state at all, never an error: these are conveniences, not data.
public struct DebriefState: Equatable, Sendable {
    /// The values as written, in file order.
    public private(set) var values: [(key: String, value: String)]

    public init(values: [(key: String, value: String)] = []) {
        self.values = values
    }

    public static func == (lhs: DebriefState, rhs: DebriefState) -> Bool {
        lhs.values.map(\.key) == rhs.values.map(\.key) && lhs.values.map(\.value) == rhs.values.map(\.value)
    }

    public subscript(_ key: String) -> String? {
        get { values.first { $0.key == key }?.value }
        set {
            let index = values.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (i?, value?): values[i].value = value
            case let (i?, nil): values.remove(at: i)
            case let (nil, value?): values.append((key, value))
            case (nil, nil): break
            }
        }
    }

    // MARK: - The keys debrief uses

    /// The reflection flow `debrief new` starts with: `full` or a catalog flow such as `quick`.
    public var reflectionFlow: String? {
        get { self["reflection-flow"] }
        set { self["reflection-flow"] = newValue }
    }

    /// Days without contact after which someone is on the cold list.
    public var coldDays: Int? {
        get { self["cold-days"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
        set { self["cold-days"] = newValue.map(String.init) }
    }

    // MARK: - The file

    /// `$XDG_STATE_HOME/debrief/state.yaml`, else `~/.local/state/debrief/state.yaml`; nil without HOME.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/debrief/state.yaml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/debrief/state.yaml"
    }

    /// The state in the file at `path`; empty when there is none or it cannot be read.
    public static func load(path: String?) -> DebriefState {
        guard let path, let bytes = try? AtomicFile.read(path), let text = String(validating: bytes, as: UTF8.self) else {
            return DebriefState()
        }
        var state = DebriefState()
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingBlanks
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = String(trimmed[..<colon]).trimmingBlanks
            let value = String(trimmed[trimmed.index(after: colon)...]).trimmingBlanks
            guard !key.isEmpty, state[key] == nil else { continue }
            state.values.append((key, value))
        }
        return state
    }

    /// Reads the file at `path`, applies `change` and writes it back, all under the state
    /// file's lock (`state.yaml.lock` beside it), so two debrief runs remembering different
    /// choices at once both keep theirs. Nothing is written when `change` changes nothing.
    public static func update(at path: String, _ change: (inout DebriefState) -> Void) throws(StoreError) {
        try FileLock.withLock(path + ".lock") { () throws(StoreError) in
            var state = load(path: path)
            let before = state
            change(&state)
            if state != before { try state.save(to: path) }
        }
    }

    /// Writes the state atomically (0600 in a 0700 folder), replacing the previous file.
    public func save(to path: String) throws(StoreError) {
        let text = "# Choices debrief remembers between runs. Written by debrief; settings belong in config.yaml.\n"
            + values.map { "\($0.key): \(Self.sanitized($0.value))\n" }.joined()
        try AtomicFile.write(Array(text.utf8), to: path, replace: true)
    }

    /// One line per value, whatever it holds.
    private static func sanitized(_ value: String) -> String {
        String(value.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
