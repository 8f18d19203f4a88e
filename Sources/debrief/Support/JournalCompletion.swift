import ArgumentParser
import DebriefCore
import Foundation

/// Shell completions for arguments that name something in the journal: entry ids, people, tags
/// and the catalog's kinds. The shells' completion scripts (`debrief
/// --generate-completion-script bash|zsh|fish`) call debrief back with the words typed so far;
/// these read the journal those words point at (`--journal DIR` among them, else the
/// environment and the config) and never print anything else: a completion that fails offers
/// nothing rather than an error.
enum JournalCompletion {
    static let entryIDs = CompletionKind.custom { words, _, prefix in
        guard let store = store(words) else { return [] }
        return matching(store.refs().map(\.id), prefix)
    }

    static let people = CompletionKind.custom { words, _, prefix in
        guard let store = store(words) else { return [] }
        return matching(PeopleIndex(entries: store.loadAll().entries).people.map(\.name), prefix)
    }

    static let tags = CompletionKind.custom { words, _, prefix in
        guard let store = store(words) else { return [] }
        var seen = Set<String>()
        let all = store.loadAll().entries.flatMap(\.tags).filter { seen.insert($0.folded).inserted }
        return matching(all.sorted(), prefix)
    }

    static let kinds = CompletionKind.custom { _, _, prefix in
        let catalog = try? Context.catalog(ProcessInfo.processInfo.environment)
        return matching(catalog?.prompt("kind")?.options ?? [], prefix)
    }

    /// The candidates starting with what was typed, ignoring case and accents.
    static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        let typed = prefix.folded
        return candidates.filter { typed.isEmpty || $0.folded.hasPrefix(typed) }
    }

    /// The journal the command line being completed points at.
    static func store(_ words: [String]) -> JournalStore? {
        let environment = ProcessInfo.processInfo.environment
        var option: String?
        for (i, word) in words.enumerated() {
            if word == "--journal", i + 1 < words.count { option = words[i + 1] }
            if word.hasPrefix("--journal=") { option = String(word.dropFirst("--journal=".count)) }
        }
        if let given = option, given.hasPrefix("~/"), let home = environment["HOME"] { option = home + given.dropFirst() }
        let config = DebriefConfig.load(path: DebriefConfig.path(environment: environment), home: environment["HOME"]).config
        guard let root = JournalLocation.journal(option: option, environment: environment, configured: config.journal),
              JournalLocation.presence(of: root) == .folder,
              let catalog = try? Context.catalog(environment) else { return nil }
        return JournalStore(root: root, codec: EntryCodec(catalog: catalog, timeZone: Context.timeZone(environment)))
    }
}
