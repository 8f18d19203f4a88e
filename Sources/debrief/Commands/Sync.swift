import ArgumentParser
import DebriefCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `debrief sync`: sharing the journal between devices.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Set up sharing the journal between devices with git.",
        subcommands: [SyncSetup.self]
    )
}

/// `debrief sync setup`: names debrief as the merge driver of entry files in the journal's
/// `.gitattributes`, and prints the one `git config` line each machine runs.
struct SyncSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Make git merge entries answer by answer (writes .gitattributes, prints the git config line).",
        discussion: """
        Adds the line `\(Self.attribute)` to the journal's .gitattributes (creating it, or adding \
        the line to yours; nothing else in it changes), then prints on stdout the command to run once \
        on each machine:

          git config merge.debrief.driver "debrief merge %O %A %B %P"

        Git never takes a merge driver's command from a repository (a cloned repository must not run \
        code), so that line is yours to run; `debrief sync setup | sh` runs it. See the README, \
        "Several devices".

        Exit codes: 0 done (or already set up), 66 no journal folder, 74 .gitattributes is not a \
        regular file or cannot be written, 75 it changed while debrief wrote it.
        """
    )

    @OptionGroup var journal: JournalOptions

    /// The `.gitattributes` line.
    static let attribute = "entries/**/*.md merge=debrief"
    /// The driver's command for `git config`.
    /// `%P` (the entry's path, which git quotes for the shell) names the entry in messages
    /// instead of git's temporary file.
    static let driver = "debrief merge %O %A %B %P"

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let root = context.store.root
            let path = root + "/.gitattributes"
            let existing: [UInt8]?
            do throws(StoreError) {
                var info = stat()
                if lstat(path, &info) == 0 { try AtomicFile.requireRegularFile(path) }
                existing = try AtomicFile.read(path)
            } catch {
                throw CLIError.store(error)
            }
            if let existing, let text = String(validating: existing, as: UTF8.self),
               text.split(whereSeparator: \.isNewline).contains(where: { $0.trimmingCharacters(in: .whitespaces) == Self.attribute }) {
                Output.note("\(path) already has `\(Self.attribute)`.")
            } else {
                var bytes = existing ?? []
                if let last = bytes.last, last != 10 { bytes.append(10) }
                bytes += Array((Self.attribute + "\n").utf8)
                do throws(StoreError) {
                    if let existing {
                        try AtomicFile.replace(path, with: bytes, expecting: Fingerprint(of: existing))
                    } else {
                        try AtomicFile.write(bytes, to: path, replace: false)
                    }
                } catch {
                    throw CLIError.store(error)
                }
                Output.note(existing == nil ? "Wrote \(path) with `\(Self.attribute)`." : "Added `\(Self.attribute)` to \(path).")
            }
            if !FileManager.default.fileExists(atPath: root + "/.git") {
                Output.note("(\(root) is not the top of a git repository yet: `git init` there first, then commit .gitattributes.)")
            }
            Output.note("Run this once on each machine (git does not take a merge driver's command from the repository):")
            Output.print("git -C \(Self.shellQuoted(root)) config merge.debrief.driver \"\(Self.driver)\"")
        }
    }

    /// `text` as one word to a POSIX shell: in single quotes, each `'` written `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
