import ArgumentParser
import DebriefCore

/// `debrief doctor`: every file in the journal that debrief cannot read, and why.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the journal and list every file that cannot be read.",
        discussion: "Exits 0 when every entry reads, 1 when at least one does not. Nothing is changed."
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let snapshot = context.store.loadAll()
            for problem in snapshot.problems { Output.print(problem.description) }
            let n = snapshot.entries.count
            Output.note("\(context.store.root): \(n) entr\(n == 1 ? "y" : "ies") read, \(snapshot.problems.count) with problems")
            if !snapshot.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
