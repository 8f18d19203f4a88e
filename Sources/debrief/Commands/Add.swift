import ArgumentParser
import DebriefCore
import Foundation

/// `debrief add`: a new entry without the TUI, for scripts and quick notes.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry from a YAML or JSON file of answers, or from flags.",
        discussion: """
        The answers file is a map of prompt id to answer, the same shape as an entry's front matter \
        (see `debrief prompts show` for the ids). Flags override the file. Prints the new entry's id and path.

        Exits 65 when an answer is not valid or the entry could not be read back (a file over 8 MB, \
        the largest debrief reads), and nothing is written.

        Examples:
          debrief add --title "Coffee with Ana" --kind one-on-one --date "yesterday 15:00"
          debrief add --answers reflection.yaml
          echo '{"title": "Swift meetup", "talk-share": 40}' | debrief add --answers -
        """
    )

    @OptionGroup var journal: JournalOptions

    @Option(name: .long, help: ArgumentHelp("Read answers from a YAML or JSON file ('-' for stdin).", valueName: "file"))
    var answers: String?

    @Option(name: .long, help: "The event's title.")
    var title: String?

    @Option(name: .long, help: "When it started: ISO 8601, 'today 18:30', 'yesterday', 'mon'… (default: now).")
    var date: String?

    @Option(name: .long, help: "The kind of event (see `debrief prompts show`).", completion: JournalCompletion.kinds)
    var kind: String?

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal, access: .write)
            var given: [String: Answer] = [:]
            if let answers {
                let text = try Self.readInput(answers)
                do throws(YAMLProblem) {
                    given = try AnswerInput.parse(text, catalog: context.catalog, clock: context.clock)
                } catch {
                    throw CLIError.data("\(answers == "-" ? "stdin" : answers):\(error.line): \(error.message)")
                }
            }
            for (id, value) in [("title", title), ("date", date), ("kind", kind)] {
                guard let value else { continue }
                do throws(YAMLProblem) {
                    given[id] = try AnswerInput.single(value, for: id, catalog: context.catalog, clock: context.clock)
                } catch {
                    throw CLIError.usage("--\(id): \(error.message)")
                }
            }
            // The same rules the guided reflection checks before it saves.
            if let problem = AnswerRules.problems(in: given, catalog: context.catalog).first {
                let id = problem.promptID
                throw CLIError.data(problem.kind == .required ? "\(problem.message) (give --\(id) or a `\(id):` answer)" : problem.message)
            }
            if given["date"] == nil, context.catalog.prompt("date")?.defaultValue == "now" {
                given["date"] = .timestamp(context.clock.timestamp)
            }
            let now = context.clock.timestamp
            let entry = try context.store.create(Entry(id: "", created: now, updated: now, answers: given))
            Output.print(entry.id)
            Output.print(entry.source?.path ?? "")
            // An event in the future is kept, as the reflection keeps it after a second Enter, but
            // said: a reflection is about what happened.
            if let date = entry.date, date > now {
                Output.error("warning: the event date \(date.display) is in the future; a reflection is about what happened; saved as given")
            }
            // A due date in the past is taken as given (a reflection written late, an import),
            // but said, as the reflection's field says it before keeping one.
            for (n, item) in entry.followUps.enumerated() where item.isOverdue(on: context.clock.today) {
                let due = item.due.map { $0.iso } ?? ""
                Output.error("warning: follow-up \(n + 1) (\(AnswerText.task(who: item.who, action: item.action))) is due \(due), already past; saved as given")
            }
            context.noteIfJournalCreated()
        }
    }

    /// The text of the file `--answers` or `import` names, or of stdin for `-`. Read to its end
    /// whatever it is, so a pipe (`import json <(jq …)`, `/dev/stdin`) works as a file does.
    static func readInput(_ source: String) throws -> String {
        let name = source == "-" ? "stdin" : source
        let bytes: [UInt8]
        if source == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            let fd = open(source, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                if errno == ENOENT { throw CLIError(message: "\(source): no such file", code: Exit.noInput) }
                throw CLIError(message: "\(source): cannot read: \(String(cString: strerror(errno)))", code: Exit.ioError)
            }
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                throw CLIError(message: "\(source): a folder, not a file", code: Exit.noInput)
            }
            var out: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n < 0 { throw CLIError(message: "\(source): cannot read: \(String(cString: strerror(errno)))", code: Exit.ioError) }
                if n == 0 { break }
                out.append(contentsOf: chunk[0..<n])
            }
            bytes = out
        }
        switch UTF8Check.text(bytes) {
        case .success(let text): return text
        case .failure(let bad): throw CLIError.data("\(name):\(bad.line): not valid UTF-8 text")
        }
    }
}
