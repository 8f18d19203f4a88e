import ArgumentParser
import DebriefCore
import Foundation

/// `debrief prompts check|show`: the reflection flow and pitfall catalog.
struct Prompts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts",
        abstract: "Check or show the prompt catalog.",
        discussion: "Overrides live in $XDG_CONFIG_HOME/debrief/prompts/*.yaml (default ~/.config/debrief/prompts/).",
        subcommands: [Check.self, ShowCatalog.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate the active catalog, or FILE as an override of the defaults.",
            discussion: "Problems are printed as file:line: message. Exits 0 when valid, 65 when not."
        )

        @Argument(help: "A catalog override file to check.") var file: String?

        func run() throws {
            try runReportingErrors {
                let environment = ProcessInfo.processInfo.environment
                let overrides: [CatalogFile]
                if let file {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw CLIError(message: "\(file): no such file", code: Exit.noInput)
                    }
                    switch UTF8Check.text(Array(data)) {
                    case .success(let text): overrides = [CatalogFile(name: file, text: text)]
                    case .failure(let bad): throw CLIError.data("\(file):\(bad.line): not valid UTF-8 text")
                    }
                } else {
                    overrides = try CatalogLoader.overrideFiles(in: JournalLocation.promptsDirectory(environment: environment))
                }
                do throws(CatalogProblems) {
                    let catalog = try CatalogLoader.load(Context.defaultFiles + overrides)
                    let flows = catalog.flows.count == 1 ? "1 flow" : "\(catalog.flows.count) flows"
                    Output.print("ok: \(catalog.sections.count) sections, \(catalog.prompts.count) prompts, \(catalog.pitfalls.count) pitfalls, \(flows)")
                } catch {
                    Output.print(error.description)
                    throw ExitCode(Exit.dataError)
                }
            }
        }
    }

    struct ShowCatalog: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the active catalog.")

        func run() throws {
            try runReportingErrors {
                let catalog = try Context.catalog(ProcessInfo.processInfo.environment)
                Output.print(CatalogText.render(catalog))
            }
        }
    }
}
