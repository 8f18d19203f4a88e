import ArgumentParser
import DebriefCore

/// `debrief import jrnl|json FILE`: notes from jrnl, or entries from debrief's own export.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a jrnl journal (its text or JSON export) or debrief's own JSON export.",
        discussion: """
        jrnl FILE reads jrnl's plain-text journal: entries start with a line like \
        [2026-11-24 06:30:00 PM] Title (jrnl 4's default "%F %r"; "%Y-%m-%d %H:%M" with or without \
        seconds works too). The title is the first sentence of that line, the rest is the body \
        (kept as the entry's notes), @tags become tags and a trailing * stars the entry (the tag \
        `starred`). json FILE reads `jrnl --format json` output or `debrief export --format json`.

        jrnl notes become entries marked `flow: imported` (notes, not reflections). Each entry \
        keeps the key it was imported under (`source:` in its file), so importing the same file \
        again skips what is already there, even after you edited it. A malformed entry is \
        reported with its line number and skipped, never half-imported, and so is an entry too \
        large for debrief to read back (over 8 MB). An entry of debrief's JSON without an `id` is \
        known by its date and content, so entries sharing a minute are all imported. The import \
        holds the journal's lock from its duplicate check to its last write: two imports at once \
        take turns. --dry-run shows what would be created and writes nothing.

        Prints each created entry's id and title; the summary goes to stderr. Exits 0 when \
        nothing was refused, 65 when some part was (the rest is imported), 66 when FILE is missing.

        Examples:
          debrief import jrnl ~/journal.txt --dry-run
          jrnl --format json > notes.json && debrief import json notes.json
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case jrnl, json }

    @OptionGroup var journal: JournalOptions
    @Argument(help: "What the file holds: jrnl (jrnl's text journal) or json (jrnl's or debrief's JSON export).")
    var kind: Kind
    @Argument(help: ArgumentHelp("The file to import ('-' for stdin).", valueName: "file"), completion: .file())
    var file: String
    @Flag(help: "Show what would be created; write nothing.") var dryRun = false

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal, access: .write)
            let text = try Add.readInput(file)
            let name = file == "-" ? "stdin" : file
            let source: ImportSource
            switch kind {
            case .jrnl:
                let read = JrnlText.read(text, timeZone: context.clock.timeZone)
                source = ImportSource(candidates: read.notes.map { ImportCandidate(line: $0.line, entry: $0.note.entry()) },
                                      refused: read.refused)
            case .json:
                do throws(YAMLProblem) {
                    source = try JournalJSON.read(text, catalog: context.catalog, clock: context.clock)
                } catch {
                    throw CLIError.data("\(name):\(error.line): \(error.message); nothing was imported")
                }
            }
            if source.candidates.isEmpty, source.refused.isEmpty {
                throw CLIError.data("\(name): no entries found; nothing was imported")
            }
            let store = context.store
            if dryRun {
                let existing = context.journalExisted ? store.loadAll().entries : []
                var plan = ImportPlan(source: source, existing: existing)
                var taken = Set(context.journalExisted ? store.refs().map(\.id) : [])
                var shown: [String] = []
                for candidate in plan.toCreate {
                    do throws(StoreError) {
                        try store.check(candidate.entry)
                    } catch {
                        plan.refused.append(Self.refusal(candidate, error))
                        continue
                    }
                    let stem = JournalStore.idStem(for: candidate.entry)
                    var id = stem, n = 2
                    while taken.contains(id) { id = "\(stem)-\(n)"; n += 1 }
                    taken.insert(id)
                    shown.append(id + "\t" + candidate.entry.displayTitle)
                }
                Self.report(plan.refused, name)
                for line in shown { Output.print(line) }
                Output.note(Self.summary(name, created: shown.count, plan: plan, dryRun: true))
                if !plan.refused.isEmpty { throw ExitCode(Exit.dataError) }
                return
            }
            // The duplicate check and the writes under the journal's lock: two imports of one
            // file at once take turns, and the second finds what the first created.
            var created = 0
            var plan = ImportPlan(source: ImportSource(), existing: [])
            do throws(StoreError) {
                try store.withLock { () throws(StoreError) in
                    let existing = store.loadAll().entries
                    plan = ImportPlan(source: source, existing: existing)
                    var written: [ImportRefusal] = []
                    for candidate in plan.toCreate {
                        do throws(StoreError) {
                            let entry = try store.create(candidate.entry)
                            created += 1
                            Output.print(entry.id + "\t" + entry.displayTitle)
                        } catch {
                            guard case .refused = error else {
                                plan.refused += written
                                throw error
                            }
                            written.append(Self.refusal(candidate, error))
                        }
                    }
                    plan.refused += written
                }
            } catch {
                context.noteIfJournalCreated()
                Self.report(plan.refused, name)
                Output.note(Self.summary(name, created: created, plan: plan, dryRun: false) + "; stopped by the error below")
                throw error
            }
            context.noteIfJournalCreated()
            Self.report(plan.refused, name)
            Output.note(Self.summary(name, created: created, plan: plan, dryRun: false))
            if !plan.refused.isEmpty { throw ExitCode(Exit.dataError) }
        }
    }

    /// A candidate the store would not write (too large for debrief to read back, say), as a
    /// refusal of its line.
    static func refusal(_ candidate: ImportCandidate, _ error: StoreError) -> ImportRefusal {
        if case .refused(_, let reason) = error { return ImportRefusal(line: candidate.line, message: reason) }
        return ImportRefusal(line: candidate.line, message: error.description)
    }

    /// Each refused part, with its line, on stderr in file order.
    static func report(_ refused: [ImportRefusal], _ name: String) {
        for refusal in refused.sorted(by: { $0.line < $1.line }) { Output.error("\(name):\(refusal.line): \(refusal.message)") }
    }

    /// `notes.txt: 3 created, 1 skipped as a duplicate, 1 refused`.
    static func summary(_ name: String, created: Int, plan: ImportPlan, dryRun: Bool) -> String {
        let d = plan.duplicates.count, r = plan.refused.count
        var text = "\(name): \(created) \(dryRun ? "would be created" : "created"), "
            + "\(d) skipped as \(d == 1 ? "a duplicate" : "duplicates"), \(r) refused"
        if dryRun { text += "; nothing was written (--dry-run)" }
        return text
    }
}
