import ArgumentParser
import DebriefCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `debrief merge BASE OURS THEIRS [PATH]`: the merge driver git runs for entry files
/// (`.gitattributes`: `entries/**/*.md merge=debrief`; see `debrief sync setup`).
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two versions of an entry with their common ancestor (git's merge driver).",
        discussion: """
        Git runs it as `debrief merge %O %A %B %P` once `debrief sync setup` wrote the journal's \
        .gitattributes and each machine ran the `git config` line it prints. The versions are merged \
        answer by answer: an answer changed on one side takes that side, follow-ups are matched by \
        their id, `updated` becomes the later of the two. The result is written over OURS, \
        atomically, keeping OURS' layout wherever the merge did not change a line.

        When both sides changed the same answer (or the same follow-up) differently, the answer keeps \
        OURS and the other version is kept under a `merge-conflict:` key: the entry still reads, \
        and `debrief doctor` names it until you keep what you want and delete that key. When a \
        version does not read as an entry, the files are merged as text with git's conflict markers.

        Exit codes: 0 merged, 1 a conflict remains (see above), 66 a file is missing, 74 OURS is not \
        a regular file (a symbolic link, say) or cannot be written, 75 OURS changed while merging \
        (nothing was written).
        """
    )

    @Argument(help: ArgumentHelp("The common ancestor (git's %O); an empty file when there is none.", valueName: "base"))
    var base: String
    @Argument(help: ArgumentHelp("Our version (git's %A); the result is written here.", valueName: "ours"))
    var ours: String
    @Argument(help: ArgumentHelp("Their version (git's %B).", valueName: "theirs"))
    var theirs: String
    @Argument(help: ArgumentHelp("The entry's path in the repository (git's %P), for messages.", valueName: "path"))
    var path: String?

    func run() throws {
        try runReportingErrors {
            let environment = ProcessInfo.processInfo.environment
            let codec = EntryCodec(catalog: try Context.catalog(environment), timeZone: Context.timeZone(environment))
            let oursPath = OutputPath.absolute(ours)
            let name = path ?? ours
            let oursBytes = try Self.read(oursPath, what: "OURS", mustBeRegular: true)
            let theirsBytes = try Self.read(theirs, what: "THEIRS")
            // git passes an empty ancestor when there is none; a missing one means the same.
            let baseBytes = FileManager.default.fileExists(atPath: base) ? try Self.read(base, what: "BASE") : []
            let id = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
            let outcome = EntryMerge(codec: codec).merge(base: baseBytes, ours: oursBytes, theirs: theirsBytes, id: id,
                                                         paths: (base, name, theirs))
            if outcome.bytes != oursBytes {
                try AtomicFile.replace(oursPath, with: outcome.bytes, expecting: Fingerprint(of: oursBytes))
            }
            for decision in outcome.decisions { Output.note("\(name): \(decision)") }
            if !outcome.unreadable.isEmpty {
                for problem in outcome.unreadable { Output.error(problem.description) }
                Output.error("\(name): not every version reads as an entry, so it was merged as text; "
                             + "resolve the conflict markers in your editor, then run `debrief doctor`")
                throw ExitCode(1)
            }
            if let key = outcome.conflictKey {
                for clash in outcome.clashes { Output.error("\(name): \(clash)") }
                Output.error("\(name): the answer keeps our version and `\(key):` holds the other; keep what you want, "
                             + "delete `\(key):`, then run `debrief doctor`")
                throw ExitCode(1)
            }
        }
    }

    /// A file's bytes, or the error a missing or unreadable one gives; OURS must be a regular
    /// file itself, since the result replaces it.
    static func read(_ path: String, what: String, mustBeRegular: Bool = false) throws -> [UInt8] {
        let bytes: [UInt8]?
        do throws(StoreError) {
            var info = stat()
            if mustBeRegular, lstat(path, &info) == 0 { try AtomicFile.requireRegularFile(path) }
            bytes = try AtomicFile.read(path)
        } catch {
            throw CLIError.store(error)
        }
        guard let bytes else { throw CLIError(message: "\(what) \(path): no such file", code: Exit.noInput) }
        return bytes
    }
}
