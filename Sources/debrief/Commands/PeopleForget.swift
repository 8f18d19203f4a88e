import ArgumentParser
import DebriefCore
import DebriefIndex
import Foundation

/// `debrief people forget NAME`: someone asked to be forgotten.
struct PeopleForget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Remove a person's name, notes and follow-ups from every entry, the trash and the index.",
        discussion: """
        Every people row naming NAME (any spelling: case, accents, Unicode form and spacing ignored, \\
        as `debrief people` merges names), with its level, relation and note, and every follow-up \\
        whose "who" is NAME are removed from every entry and from the entries in trash/. Each file \\
        changes only in those lines and `updated:`, and is replaced atomically; a file changed on disk \\
        since it was read is skipped and named, an entry debrief does not write (a symbolic link, a \\
        hard-linked file) is named and left. The index is then brought in step and rewritten, so no \\
        removed text stays in its files.

        Text you wrote about them elsewhere (notes, other answers, a follow-up's action, drafts) is \\
        not rewritten: every line that still names them is listed afterwards, so you can edit it. \\
        `debrief doctor --forgotten NAME` checks again that the name appears nowhere debrief keeps data \\
        (entries, trash/, drafts/, the index). A calendar folder (`--vdir`) loses their follow-ups at \\
        its next sync; files you exported are yours to delete.

        The removed lines are listed on stdout, a summary and what is left on stderr. --dry-run lists \\
        them and writes nothing.

        Exit codes: 0 removed (or nothing to remove), 64 a bad name, 65 an entry debrief does not \\
        write (named; the name is still there), 66 nobody is named NAME anywhere, 75 some files \\
        changed meanwhile and were skipped (run it again).

        Examples:
          debrief people forget "Ana Li" --dry-run
          debrief people forget "Ana Li"
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The person's name (any spelling of it).", completion: JournalCompletion.people) var name: String
    @Flag(help: "List the files and lines that would change; write nothing.") var dryRun = false

    func run() throws {
        try runReportingErrors {
            let forgetting = Forgetting(name: name)
            guard !forgetting.key.isEmpty, !name.contains(where: { $0.isNewline }) else {
                throw CLIError.usage("the name must be one line of text, not empty")
            }
            let context = try Context(journal)
            let store = context.store
            let snapshot = store.loadAll()
            let trash = store.trashedEntries()
            if let warning = UnreadFiles.warning(snapshot.problems.count + trash.problems.count, .notIncluded) { Output.error(warning) }
            let now = context.clock.timestamp
            let files = store.plan(forgetting, entries: snapshot.entries, now: now) + store.plan(forgetting, entries: trash.entries, now: now)
            let spellings = Self.spellings(forgetting, in: snapshot.entries + trash.entries)
            let quoted = "“\(TerminalSafe.line(name))”"
            if files.isEmpty {
                let left = ForgetTrace.places(context, key: forgetting.key, spellings: spellings, refreshIndex: false)
                guard !left.isEmpty else {
                    throw CLIError(message: "nobody is named \(quoted) in the journal, its trash or its index; `debrief people` lists everyone",
                                   code: Exit.noInput)
                }
                Output.note("Nothing to remove: no people row or follow-up names \(quoted).")
                ForgetTrace.report(left, name: quoted)
                return
            }
            for file in files { Output.print(LineListing.text(file.path, file.lines)) }
            if dryRun {
                Output.note("Would remove \(quoted) \(Self.extent(files)); nothing written (--dry-run).")
                return
            }
            let outcome = try store.write(files)
            Output.note("Removed \(quoted) \(Self.extent(outcome.written)).")
            let left = ForgetTrace.places(context, key: forgetting.key, spellings: spellings, refreshIndex: true)
            ForgetTrace.report(left, name: quoted)
            try NameChangeCommand.requireEveryFileWritten(outcome, again: "remove the name there too")
        }
    }

    /// "from 2 files (2 people rows, 1 follow-up)".
    static func extent(_ files: [NameFileChange]) -> String {
        NameChange.extent(files).replacingOccurrences(of: "in ", with: "from ", options: .anchored)
    }

    /// The name as typed and every spelling of it the rows use: what the index's files are
    /// searched for byte by byte.
    static func spellings(_ forgetting: Forgetting, in entries: [Entry]) -> [String] {
        var found = Set([forgetting.name])
        for entry in entries {
            for person in entry.people where forgetting.names(person.name) { found.insert(person.name) }
            for item in entry.followUps where forgetting.names(item.who) { found.insert(item.who) }
        }
        return found.sorted()
    }
}

/// Where a forgotten name is still kept: the journal's files, line by line, and the index's
/// files byte by byte (shared by `people forget` and `doctor --forgotten`).
enum ForgetTrace {
    /// Every place left. With `refreshIndex`, the index is first brought in step and purged
    /// (``JournalIndex/purgeRemovedText(store:)``), also when `DEBRIEF_INDEX=off` keeps commands
    /// from using it, as long as it exists. The index is closed before its files are read.
    static func places(_ context: Context, key: String, spellings: [String], refreshIndex: Bool) -> [NameTrace.Place] {
        var places = NameTrace.journal(context.store, key: key)
        guard let location = IndexLocation.forJournal(context.store.root, environment: context.environment) else { return places }
        let used = context.store.index as? JournalIndex
        if refreshIndex {
            var st = stat()
            let index = used ?? (lstat(location.database, &st) == 0 ? JournalIndex(location: location) : nil)
            if let index, !index.purgeRemovedText(store: context.store) {
                Output.error("the index at \(location.database) could not be brought in step; `debrief doctor` names why")
            }
            index?.close()
        }
        used?.close()
        places += NameTrace.files(location.files, spellings: spellings)
        return places
    }

    /// Each place on stderr, or that there is none.
    static func report(_ places: [NameTrace.Place], name: String) {
        guard !places.isEmpty else {
            Output.note("\(name) appears nowhere debrief keeps data (entries, trash/, drafts/, the index).")
            return
        }
        Output.note("\(name) still appears in \(places.count) place\(places.count == 1 ? "" : "s") debrief does not rewrite; edit them by hand:")
        for place in places { Output.note("  \(place)") }
    }
}
