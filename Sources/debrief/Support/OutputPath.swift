import DebriefCore
import Foundation

/// What `--output` names. `-` is stdout, as `debrief import` reads `-` as stdin, so a script can
/// pass `--output -` through without a file named `-` appearing in its working directory.
enum OutputPath {
    /// The file `--output` asks for, or nil for stdout (no option, or `-`).
    static func file(_ option: String?) -> String? {
        option == "-" ? nil : option
    }

    /// A path typed on the command line, from the working directory when relative.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Writes `text` to `path` atomically (0600), refusing to replace a file unless `replace`.
    /// Returns the absolute path written.
    static func write(_ text: String, to path: String, replace: Bool) throws -> String {
        let absolute = Self.absolute(path)
        do throws(StoreError) {
            try AtomicFile.write(Array(text.utf8), to: absolute, replace: replace)
        } catch {
            if case .exists = error {
                throw CLIError(message: "\(absolute) already exists; give --force to replace it", code: Exit.cantCreate)
            }
            throw CLIError.store(error)
        }
        return absolute
    }
}
