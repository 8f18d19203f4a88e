import ArgumentParser
import DebriefCore
import DebriefIndex
import Foundation

/// Shell completions for arguments that name something in the journal: entry ids, people, tags,
/// the catalog's kinds and an entry's follow-up numbers. The shells' completion scripts (`debrief
/// --generate-completion-script bash|zsh|fish`, made safe by ``CompletionScript``) call debrief
/// back with the words typed so far; these read the journal those words point at (`--journal
/// DIR` among them, else the environment and the config) and never print anything else: a
/// completion that fails offers nothing rather than an error.
///
/// Debrief does the matching itself, ignoring case and accents (`zo` and `zoe` find "Zoë
/// Brandt" in every shell), and formats the candidates for the asking shell
/// (``CompletionCandidate/lines(_:for:)``); the scripts take the lines as data.
///
/// Adding a list (issue 20's calendar event keys, say) takes one declaration here and the
/// `completion:` of the argument; the scripts need no change, since every `.custom` completion
/// goes through the same safe shell functions:
///
///     static let eventKeys = list { request in
///         guard let store = request.store() else { return [] }
///         return CalendarEvents(store).all.map { CompletionCandidate($0.key, description: $0.title) }
///     }
///
///     @Option(completion: JournalCompletion.eventKeys) var event: String?
///
/// Then add the list to `ShellCompletionSafetyTests` (a hostile value must reach each shell as data).
enum JournalCompletion {
    static let entryIDs = list { request in
        guard let store = request.store() else { return [] }
        return store.refs().map { CompletionCandidate($0.id) }
    }

    static let people = list { request in
        guard let store = request.store() else { return [] }
        return PeopleIndex(entries: store.loadAll().entries).people.map { CompletionCandidate($0.name) }
    }

    static let tags = list { request in
        guard let store = request.store() else { return [] }
        var seen = Set<String>()
        let all = store.loadAll().entries.flatMap(\.tags).filter { seen.insert($0.folded).inserted }
        return all.sorted().map { CompletionCandidate($0) }
    }

    static let kinds = list { _ in
        let catalog = try? Context.catalog(ProcessInfo.processInfo.environment)
        return (catalog?.prompt("kind")?.options ?? []).map { CompletionCandidate($0) }
    }

    /// The keys of the calendar events waiting for a reflection, each described by its summary.
    static let eventKeys = list { request in
        guard let store = request.store() else { return [] }
        let environment = ProcessInfo.processInfo.environment
        let config = DebriefConfig.load(path: DebriefConfig.path(environment: environment), home: environment["HOME"]).config
        guard !config.calendars.isEmpty, let catalog = try? Context.catalog(environment),
              let clock = try? Context.clock(environment) else { return [] }
        let waiting = try? PendingEvents.read(store: store, calendars: CalendarSet(calendars: config.calendars, store: store),
                                              catalog: catalog, me: config.me, clock: clock, days: config.pendingDays ?? 14).waiting
        return (waiting ?? []).map { CompletionCandidate($0.key, description: $0.instance.event.summary) }
    }

    /// Which follow-ups of an entry a command can act on.
    enum FollowUpState: Sendable { case open, done }

    /// The numbers of the follow-ups of the entry named before N (`done ID N`), those in `state`,
    /// each described by its action ("1 -- Ana Li: Send the talk link"). `valued` lists the
    /// command's options that take a value, so their values are not taken for the entry id.
    static func followUpNumbers(_ state: FollowUpState, valued: Set<String> = ["--journal"]) -> CompletionKind {
        list { request in
            // The command's name, then the entry id.
            let positionals = request.positionals(valued: valued)
            guard positionals.count >= 2, let store = request.store(),
                  let ref = try? store.find(positionals[1]), let entry = try? store.read(ref) else { return [] }
            return entry.followUps.enumerated().compactMap { i, f in
                guard f.isOpen == (state == .open) else { return nil }
                return CompletionCandidate(String(i + 1), description: AnswerText.task(who: f.who, action: f.action))
            }
        }
    }

    /// A completion from a list of candidates: debrief keeps those whose value starts with what
    /// was typed (ignoring case and accents), and prints them for the asking shell.
    static func list(_ candidates: @escaping @Sendable (CompletionRequest) -> [CompletionCandidate]) -> CompletionKind {
        .custom { words, index, prefix in
            let request = CompletionRequest(words: words, index: index, prefix: prefix)
            let all = candidates(request)
            return CompletionCandidate.lines(matching(all, request.typed), for: request.shell)
        }
    }

    /// The candidates starting with what was typed, ignoring case and accents.
    static func matching(_ candidates: [CompletionCandidate], _ typed: String) -> [CompletionCandidate] {
        let folded = typed.folded
        return candidates.filter { folded.isEmpty || $0.value.folded.hasPrefix(folded) }
    }
}

extension CompletionRequest {
    /// The journal the command line being completed points at, read through the index (without
    /// a progress bar: the terminal belongs to the shell).
    func store() -> JournalStore? {
        let environment = ProcessInfo.processInfo.environment
        var option: String?
        for (i, word) in words.enumerated() {
            if word == "--journal", i + 1 < words.count { option = unquote(words[i + 1]) }
            if word.hasPrefix("--journal=") { option = unquote(String(word.dropFirst("--journal=".count))) }
        }
        if let given = option, given.hasPrefix("~/"), let home = environment["HOME"] { option = home + given.dropFirst() }
        let config = DebriefConfig.load(path: DebriefConfig.path(environment: environment), home: environment["HOME"]).config
        guard let root = JournalLocation.journal(option: option, environment: environment, configured: config.journal),
              JournalLocation.presence(of: root) == .folder,
              let catalog = try? Context.catalog(environment) else { return nil }
        var store = JournalStore(root: root, codec: EntryCodec(catalog: catalog, timeZone: Context.timeZone(environment)))
        store.index = Context.index(for: root, environment: environment, progress: false)
        return store
    }
}
