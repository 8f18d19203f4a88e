import ArgumentParser
import DebriefCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `debrief`: a terminal journal for deliberate professional networking.
///
/// Every command names itself (`commandName:`): for one that does not, ArgumentParser derives
/// the name from `String(describing:)` of its type each time it walks the commands, which
/// demangles the type name: ~80 times a run, 28 M instructions, a twentieth of a warm `pending`.
@main
struct Debrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "debrief \(DebriefVersion.current): reflect on networking events and turn the reflections into better habits.",
        discussion: """
        After each event, `debrief new` walks you through a short reflection. `debrief review` shows \
        which networking pitfalls keep recurring. Entries are Markdown files you own (see docs/FORMAT.md). \
        Settings live in $XDG_CONFIG_HOME/debrief/config.yaml (see the README).
        """,
        version: DebriefVersion.current,
        subcommands: [
            Home.self, New.self, Edit.self, Browse.self, Review.self, FollowUps.self, Done.self, Undone.self, Reschedule.self,
            People.self, Pending.self, Brief.self, Add.self, List.self, Show.self, Export.self, Import.self, Doctor.self, Prompts.self, Sync.self, Merge.self,
        ],
        defaultSubcommand: Home.self
    )

    /// Ignores SIGXFSZ before any command runs: past a file-size limit (`ulimit -f`) a write then
    /// fails with EFBIG, which the store reports as an I/O error (exit 74) after removing its
    /// temporary file, instead of the process being killed mid-write.
    ///
    /// Answers `--generate-completion-script SHELL` with debrief's own scripts (``CompletionScript``),
    /// never argument-parser's as they are.
    ///
    /// Refuses an unknown command by name before parsing: with `home` as the default command,
    /// `debrief nonsense` would otherwise be read as an argument to home and answered with
    /// home's usage.
    static func main() {
        if let trace = ProcessInfo.processInfo.environment["DEBRIEF_TRACE"], !trace.isEmpty { Trace.start(path: trace) }
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if case .some(.some(let shell)) = CompletionScript.request(arguments) {
            do {
                print(try CompletionScript.script(for: shell))
                Foundation.exit(0)
            } catch {
                Output.error("\(error)")
                Foundation.exit(Exit.software)
            }
        }
        if let word = commandWord(arguments), !commandNames.contains(word) {
            Output.error("unknown command '\(word)'")
            Output.note(commandList)
            Foundation.exit(Exit.usage)
        }
        main(commandFirst(arguments))
    }

    /// `--journal DIR` typed before the command (`debrief --journal ~/j list`) moved after it (and
    /// after its subcommand: `debrief --journal ~/j sync setup`), where the command's own option
    /// reads it; otherwise ArgumentParser would take the command's name for an argument of home,
    /// the default command.
    static func commandFirst(_ arguments: [String]) -> [String] {
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--journal" { i += 2; continue }
            if arguments[i].hasPrefix("--journal=") { i += 1; continue }
            break
        }
        guard i > 0, i < arguments.count, arguments[i] != "help", commandNames.contains(arguments[i]) else { return arguments }
        // A command with subcommands (`people rename`, `sync setup`) takes the option after both words.
        let command = configuration.subcommands.first { $0._commandName == arguments[i] || $0.configuration.aliases.contains(arguments[i]) }
        let subcommands = Set(command?.configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases } ?? [])
        let words = i + 1 < arguments.count && subcommands.contains(arguments[i + 1]) ? 2 : 1
        return Array(arguments[i..<(i + words)]) + arguments[..<i] + arguments[(i + words)...]
    }

    /// Every name a command answers to, `help` included.
    static var commandNames: Set<String> {
        Set(configuration.subcommands.map { $0._commandName } + configuration.subcommands.flatMap { $0.configuration.aliases } + ["help"])
    }

    /// The first word that is neither an option nor an option's value: the command's name. Nil
    /// for the shells' completion callbacks (`---completion …`), which ArgumentParser answers.
    static func commandWord(_ arguments: [String]) -> String? {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" || a.hasPrefix("---") { return nil }
            if a == "--journal" || a == "--generate-completion-script" { i += 2; continue }
            if a.hasPrefix("-") { i += 1; continue }
            return a
        }
        return nil
    }

    /// The visible commands with their one-line summaries, for the unknown-command message.
    static var commandList: String {
        let shown = configuration.subcommands.filter { $0.configuration.shouldDisplay }
        let width = shown.map { $0._commandName.count }.max() ?? 0
        let lines = shown.map { "  " + $0._commandName.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.configuration.abstract }
        return (["The commands are:"] + lines + ["Run `debrief help COMMAND` for a command's options, or `debrief` alone for the home screen."])
            .joined(separator: "\n")
    }
}
