import ArgumentParser
import DebriefCore

/// Exit codes from sysexits(3), so scripts can tell a typo from bad data from a missing entry.
enum Exit {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cantCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let tempFail: Int32 = 75
    static let config: Int32 = 78
}

/// An error with the message users see and the exit code scripts see.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    var description: String { message }

    static func usage(_ message: String) -> CLIError { CLIError(message: message, code: Exit.usage) }
    static func data(_ message: String) -> CLIError { CLIError(message: message, code: Exit.dataError) }

    /// The exit code and wording for a store error.
    static func store(_ error: StoreError) -> CLIError {
        switch error {
        case .notFound: return CLIError(message: error.description, code: Exit.noInput)
        // The entry is there, the id typed is not enough: a usage error listing the candidates.
        case .ambiguous: return CLIError(message: error.description, code: Exit.usage)
        case .changedOnDisk, .followUpChanged: return CLIError(message: error.description, code: Exit.tempFail)
        case .invalid, .refused: return CLIError(message: error.description, code: Exit.dataError)
        case .exists, .io: return CLIError(message: error.description, code: Exit.ioError)
        }
    }
}

/// Runs a command body, printing any error as `debrief: message` on stderr and exiting with its code.
func runReportingErrors(_ body: () throws -> Void) throws {
    Trace.mark("command: arguments parsed")
    defer { Trace.mark("command: done") }
    do {
        try body()
    } catch let error as CLIError {
        Output.error(error.message)
        throw ExitCode(error.code)
    } catch let error as StoreError {
        let e = CLIError.store(error)
        Output.error(e.message)
        throw ExitCode(e.code)
    } catch let error as CatalogProblems {
        Output.error("the prompt catalog has problems:\n" + error.description)
        throw ExitCode(Exit.config)
    }
}
