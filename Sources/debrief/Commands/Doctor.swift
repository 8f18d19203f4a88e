import ArgumentParser
import DebriefCore

/// `debrief doctor`: every file in the journal that debrief cannot read or use as it is, and why.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the journal and list every file that cannot be read or needs a look.",
        discussion: """
        Lists, one per line as path:line: reason, the files that are not read (they do not parse, are \
        not regular files, are larger than 8 MB, are links to nothing, sync-conflict copies or second \
        paths to an entry) and the entries that read with a remark (an id that is not the file name, \
        no title, a byte-order mark, a symbolic link or a file with several names: read once, but never \
        written, as a write would leave the other names with the old text). Exits 0 when there is none, 1 otherwise. Nothing in the journal is \
        changed.

        It then checks the index (see the README) against that full read, column by column, and names, on \
        stderr, the files whose indexed answer differed; those are indexed again from their files. A cache \
        folder or index file that is not debrief's own (a symbolic link, a hard link, another user's, a \
        folder others can write) is listed like a file with a problem: the index is not used there. The \
        cached indexes of journal folders that no longer exist are removed (other commands remove them \
        once they are 30 days unused).
        """
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let findings = JournalDoctor.examine(context.store)
            for problem in findings.problems { Output.print(problem.description) }
            let n = findings.entries
            Output.note("\(context.store.root): \(n) entr\(n == 1 ? "y" : "ies") read, \(findings.problems.count) with problems")
            if let differing = findings.indexDisagreements, !differing.isEmpty {
                let count = differing.count
                Output.note("index: \(count) file\(count == 1 ? "" : "s") disagreed with a full read and \(count == 1 ? "was" : "were") indexed again:")
                for path in differing { Output.note("  \(path)") }
            }
            if !findings.removedIndexes.isEmpty {
                Output.note("index: removed the cached indexes of journal folders that no longer exist:")
                for journal in findings.removedIndexes { Output.note("  \(journal)") }
            }
            if !findings.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
