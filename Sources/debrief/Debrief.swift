import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `debrief`: a terminal journal for deliberate professional networking.
@main
struct Debrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Reflect on networking events and turn the reflections into better habits.",
        discussion: """
        After each event, `debrief new` walks you through a short reflection. `debrief review` shows \
        which networking pitfalls keep recurring. Entries are Markdown files you own (see docs/FORMAT.md).
        """,
        subcommands: [
            Home.self, New.self, Edit.self, Browse.self, Review.self, FollowUps.self, Done.self, Undone.self, Reschedule.self,
            People.self, Add.self, List.self, Show.self, Doctor.self, Prompts.self,
        ],
        defaultSubcommand: Home.self
    )

    /// Ignores SIGXFSZ before any command runs: past a file-size limit (`ulimit -f`) a write then
    /// fails with EFBIG, which the store reports as an I/O error (exit 74) after removing its
    /// temporary file, instead of the process being killed mid-write.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
