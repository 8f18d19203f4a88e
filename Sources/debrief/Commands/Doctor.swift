import ArgumentParser
import DebriefCore

/// `debrief doctor`: every file in the journal that debrief cannot read or use as it is, and why.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the journal and list every file that cannot be read or needs a look.",
        discussion: """
        Lists, one per line as path:line: reason, the files that are not read (they do not parse, are \
        not regular files, are larger than 8 MB, are links to nothing, sync-conflict copies or second \
        paths to an entry) and the entries that read with a remark (an id that is not the file name, \
        no title, a merge conflict left to resolve (`merge-conflict:`), a byte-order mark, a symbolic link \
        or a file with several names: read once, but never written, as a write would leave the other names \
        with the old text). With `calendars:` in config.yaml it also lists the calendar files that cannot \
        be read and the lines of the others that were skipped (an event without a start, a series whose \
        rule cannot be used, a time zone nobody defines). Exits 0 when there is none, 1 otherwise. Nothing \
        in the journal or the calendars is changed.

        It then checks the index (see the README) against that full read, column by column, and names, on \
        stderr, the files whose indexed answer differed; those are indexed again from their files. A cache \
        folder or index file that is not debrief's own (a symbolic link, a hard link, another user's, a \
        folder others can write) is listed like a file with a problem: the index is not used there. The \
        cached indexes of journal folders that no longer exist are removed (other commands remove them \
        once they are 30 days unused).

        --merge first merges each sync-conflict copy (Syncthing's `….sync-conflict-….md`, Dropbox's and \
        Nextcloud's `… (conflicted copy …).md`) into its original, answer by answer: follow-ups are matched by id and \
        decided by their own state (done over open, more postponements), anything else that differs takes \
        the version saved later (`updated`), rows found in one version only are kept; each choice is listed, and what cannot be decided keeps the original's answer with \
        the copy's under `merge-conflict:` (docs/FORMAT.md). The original is rewritten atomically and the \
        copy moves to trash/. With --dry-run the merges are listed and nothing is written.

        --forgotten NAME (after `debrief people forget NAME`) also looks for NAME, folded as names are \
        matched, on every line of every file under entries/, trash/ and drafts/, and byte for byte in \
        the index's files (brought in step and rewritten first), and lists each place it is still \
        found, or says it appears nowhere.

        Exit codes: 0 nothing to report, 1 files listed (or a copy left unmerged, or the --forgotten \
        name found), 64 --dry-run without --merge, 75 a file changed while it was merged (nothing \
        more was written).
        """
    )

    @OptionGroup var journal: JournalOptions
    @Flag(help: "Merge each sync-conflict copy into its original, then move the copy to trash/.") var merge = false
    @Flag(help: "With --merge: list what each merge would change; write nothing.") var dryRun = false
    @Option(help: ArgumentHelp("Also check that NAME appears nowhere debrief keeps data.", valueName: "name"),
            completion: JournalCompletion.people) var forgotten: String?

    func validate() throws {
        if dryRun, !merge { throw ValidationError("--dry-run goes with --merge") }
        if let forgotten, forgotten.folded.isEmpty || forgotten.contains(where: \.isNewline) {
            throw ValidationError("--forgotten takes a name: one line of text, not empty")
        }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            if merge { try CopyMergeCommand.run(dryRun: dryRun, store: context.store) }
            let findings = JournalDoctor.examine(context.store)
            for problem in findings.problems { Output.print(problem.description) }
            let n = findings.entries
            Output.note("\(context.store.root): \(n) entr\(n == 1 ? "y" : "ies") read, \(findings.problems.count) with problems")
            if let differing = findings.indexDisagreements, !differing.isEmpty {
                let count = differing.count
                Output.note("index: \(count) file\(count == 1 ? "" : "s") disagreed with a full read and \(count == 1 ? "was" : "were") indexed again:")
                for path in differing { Output.note("  \(path)") }
            }
            var problems = findings.problems.count
            if !context.config.calendars.isEmpty {
                let calendars = CalendarDoctor.examine(context.config.calendars, now: context.clock.now(), local: context.clock.timeZone,
                                                       protected: (context.store.index as? CalendarIndexing)?.protectedFiles ?? [])
                for problem in calendars.problems { Output.print(problem.description) }
                let own = calendars.debriefs == 0 ? "" : " (\(calendars.debriefs) file\(calendars.debriefs == 1 ? "" : "s") of debrief's own follow-ups left out)"
                Output.note("calendars: \(calendars.files) file\(calendars.files == 1 ? "" : "s") read, \(calendars.events) event\(calendars.events == 1 ? "" : "s")\(own), "
                            + "\(calendars.problems.count) problem\(calendars.problems.count == 1 ? "" : "s")")
                problems += calendars.problems.count
            }
            if !findings.removedIndexes.isEmpty {
                Output.note("index: removed the cached indexes of journal folders that no longer exist:")
                for journal in findings.removedIndexes { Output.note("  \(journal)") }
            }
            var found = false
            if let forgotten {
                let forgetting = Forgetting(name: forgotten)
                let entries = context.store.loadAll().entries + context.store.trashedEntries().entries
                let places = ForgetTrace.places(context, key: forgetting.key, spellings: PeopleForget.spellings(forgetting, in: entries),
                                                refreshIndex: true)
                ForgetTrace.report(places, name: "“\(TerminalSafe.line(forgotten))”")
                found = !places.isEmpty
            }
            if problems > 0 || found { throw ExitCode(1) }
        }
    }
}

/// `doctor --merge`: each sync-conflict copy merged into its original, listed, written.
enum CopyMergeCommand {
    static func run(dryRun: Bool, store: JournalStore) throws {
        let plans = store.planCopyMerges()
        if plans.isEmpty { Output.note("No sync-conflict copies to merge.") }
        var changed = 0
        for plan in plans {
            Output.print("\(plan.copy) → \(plan.original.path)")
            if let problem = plan.problem {
                Output.print("  " + problem)
                continue
            }
            guard let outcome = plan.outcome else { continue }
            for decision in outcome.decisions { Output.print("  decided: \(decision)") }
            for clash in outcome.clashes { Output.print("  not decided: \(clash)") }
            if let key = outcome.conflictKey {
                Output.print("  the original keeps its answer and `\(key):` holds the copy's; keep what you want, then delete `\(key):`")
            }
            if plan.changesOriginal {
                Output.print(LineListing.text("  changes to \(plan.original.path):", plan.lines))
            } else {
                Output.print("  the copy holds nothing the original lacks")
            }
            guard !dryRun else { continue }
            do throws(StoreError) {
                let trashed = try store.apply(plan)
                Output.print("  merged; the copy is now \(trashed)")
                changed += 1
            } catch {
                throw CLIError.store(error)
            }
        }
        if dryRun, !plans.isEmpty { Output.note("\(plans.count) cop\(plans.count == 1 ? "y" : "ies") listed; nothing written (--dry-run).") }
        if !dryRun, changed > 0 { Output.note("Merged \(changed) cop\(changed == 1 ? "y" : "ies") into \(changed == 1 ? "its original" : "their originals").") }
    }
}
