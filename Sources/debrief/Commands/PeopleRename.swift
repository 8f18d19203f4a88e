import ArgumentParser
import DebriefCore

/// `debrief people rename OLD NEW`: fix a misspelt name everywhere.
struct PeopleRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename a person in every entry that names them.",
        discussion: """
        Every spelling of OLD (case, accents, Unicode form and spacing ignored, as `debrief people` \\
        merges names) becomes NEW, in people rows and as the "who" of follow-ups; so does every other \\
        spelling of NEW, so the person is written one way afterwards. Notes and other text are not \\
        touched. Each file changes only in those lines and `updated:`, and is replaced atomically; a \\
        file changed on disk since it was read is skipped and named, never overwritten.

        The changed lines are listed on stdout, a summary on stderr. --dry-run lists them and writes \\
        nothing.

        Exit codes: 0 renamed (or nothing to change), 64 a bad name, 65 an entry debrief \\
        does not write (a symbolic link or a hard-linked file, named), 66 nobody is named OLD, 75 some \\
        files changed meanwhile and were skipped (run it again).

        Examples:
          debrief people rename "Zoe Brant" "Zoë Brandt" --dry-run
          debrief people rename "zoe brant" "Zoë Brandt"
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The name as written now (any spelling of it).", completion: JournalCompletion.people) var old: String
    @Argument(help: "The name to write instead.") var new: String
    @Flag(help: "List the files and lines that would change; write nothing.") var dryRun = false

    func run() throws {
        try runReportingErrors {
            try NameChangeCommand.run(from: [old], to: new, verb: "rename", dryRun: dryRun, context: try Context(journal))
        }
    }
}

/// `debrief people merge NAME… --into NAME`: one person written several ways, or twice.
struct PeopleMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge people into one name in every entry that names them.",
        discussion: """
        Every spelling of each NAME, and of the --into name, becomes the --into name, in people \\
        rows and as the "who" of follow-ups; otherwise as `debrief people rename` (minimal diffs, one \\
        atomic write per file, files changed meanwhile skipped, --dry-run).

        Exit codes: 0 merged (or nothing to change), 64 a bad name, 66 a NAME names nobody, 65 an entry \\
        debrief does not write (a symbolic link or a hard-linked file, named), 75 some files changed \\
        meanwhile and were skipped (run it again).

        Example:
          debrief people merge "Zoe" "Z. Brandt" --into "Zoë Brandt"
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The names to merge (any spelling of each).", completion: JournalCompletion.people) var names: [String]
    @Option(help: ArgumentHelp("The name they all become.", valueName: "name"), completion: JournalCompletion.people) var into: String
    @Flag(help: "List the files and lines that would change; write nothing.") var dryRun = false

    func validate() throws {
        guard !names.isEmpty else { throw ValidationError("name at least one person to merge --into \(into)") }
    }

    func run() throws {
        try runReportingErrors {
            try NameChangeCommand.run(from: names, to: into, verb: "merge", dryRun: dryRun, context: try Context(journal))
        }
    }
}

/// What `rename` and `merge` share: check the names, plan, list, write file by file, sum up.
enum NameChangeCommand {
    static func run(from: [String], to: String, verb: String, dryRun: Bool, context: Context) throws {
        let change = NameChange(from: from, to: to)
        guard !change.to.isEmpty, !change.to.contains("\n") else { throw CLIError.usage("the new name must be one line of text, not empty") }
        let snapshot = context.store.loadAll()
        let index = PeopleIndex(entries: snapshot.entries)
        let followUps = FollowUpIndex(entries: snapshot.entries)
        for name in from where index.person(named: name) == nil && followUps.items.allSatisfy({ $0.who.folded != name.folded }) {
            throw CLIError(message: "nobody is named '\(name)' in the journal; `debrief people` lists everyone", code: Exit.noInput)
        }
        if let warning = UnreadFiles.warning(snapshot.problems.count, .notIncluded) { Output.error(warning) }
        let files = context.store.plan(change, entries: snapshot.entries, now: context.clock.timestamp)
        let what = from.map { "“\($0)”" }.joined(separator: ", ") + " to “\(change.to)”"
        guard !files.isEmpty else {
            Output.note("Nothing to change: every mention of \(what.replacingOccurrences(of: " to ", with: " is already "))")
            return
        }
        for file in files { Output.print(listing(file)) }
        let action = verb == "merge" ? "merge" : "rename"
        if dryRun {
            Output.note("Would \(action) \(what) \(NameChange.extent(files)); nothing written (--dry-run).")
            return
        }
        let outcome = try context.store.write(files)
        Output.note("\(action == "merge" ? "Merged" : "Renamed") \(what) \(NameChange.extent(outcome.written)).")
        try requireEveryFileWritten(outcome, again: "\(action) there too")
    }

    /// Names each file a name change refused or skipped, then fails when there was one: skipped
    /// files (changed since they were read) ask for the command again (75), refused ones (links)
    /// are the journal's data problem (65). One place for rename, merge and forget.
    static func requireEveryFileWritten(_ outcome: NameChangeOutcome, again: String) throws {
        for refusal in outcome.refused { Output.error("skipped \(refusal.file.path): \(refusal.reason)") }
        guard outcome.skipped.isEmpty else {
            for file in outcome.skipped { Output.error("skipped \(file.path): it changed on disk since it was read; nothing was written to it") }
            let n = outcome.skipped.count
            throw CLIError(message: "\(n) file\(n == 1 ? " was" : "s were") skipped; run the command again to \(again)",
                           code: Exit.tempFail)
        }
        guard outcome.refused.isEmpty else {
            let n = outcome.refused.count
            throw CLIError.data("\(n) file\(n == 1 ? " was" : "s were") not written (above); the name is still there")
        }
    }

    /// The file, then each changed line with its number (``LineListing``).
    static func listing(_ file: NameFileChange) -> String {
        LineListing.text(file.path, file.lines)
    }
}
