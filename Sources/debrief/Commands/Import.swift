import ArgumentParser
import DebriefCore

/// `debrief import jrnl|json FILE`: notes from jrnl, or entries from debrief's own export.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a jrnl journal (its text or JSON export) or debrief's own JSON export.",
        discussion: """
        jrnl FILE reads jrnl's plain-text journal: entries start with a line like \
        [2026-11-24 06:30:00 PM] Title (jrnl 4's default "%F %r"; "%Y-%m-%d %H:%M" with or without \
        seconds works too). Each entry is read as jrnl reads it: the title is that whole line when \
        the entry has more lines (only a lone line is cut at its first sentence end), the rest is \
        the body (kept as the entry's notes), #tags and @tags become tags (without the symbol; \
        --tag-symbols for a journal configured with other `tagsymbols`) and a trailing * stars the \
        entry (the tag `starred`). json FILE reads `jrnl --format json` output or \
        `debrief export --format json`.

        jrnl notes become entries marked `flow: imported` (notes, not reflections). Each entry \
        keeps the key it was imported under (`source:` in its file), so importing the same file \
        again skips what is already there, even after you edited it. A malformed entry is \
        reported with its line number and skipped, never half-imported. --dry-run shows what \
        would be created and writes nothing.

        --update (jrnl FILE) also repairs notes imported before debrief read jrnl as jrnl does \
        (titles cut at "Dr.", #tags dropped): a note whose `source:` matches an entry of FILE and \
        whose file still holds exactly what that import wrote gets jrnl's title, body and tags \
        (its id stays); a note you changed since is left as it is and named. Try it with \
        --dry-run first.

        Prints each created entry's id and title; the summary goes to stderr. Exits 0 when \
        nothing was refused, 65 when some part was (the rest is imported), 66 when FILE is missing.

        Examples:
          debrief import jrnl ~/journal.txt --dry-run
          debrief import jrnl ~/journal.txt --update --dry-run
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
    @Flag(help: "Also repair notes imported from FILE before debrief read jrnl as jrnl does (jrnl only).") var update = false
    @Option(help: ArgumentHelp("The journal's tag symbols (jrnl's `tagsymbols`).", valueName: "symbols"))
    var tagSymbols = JrnlNote.defaultTagSymbols

    func validate() throws {
        if update, kind != .jrnl { throw ValidationError("--update repairs notes imported from a jrnl text file: use it with `import jrnl`") }
        // A letter, digit or `_` as a symbol would make words tags; white space cannot start one.
        let symbol = { (c: Unicode.Scalar) in
            !c.properties.isAlphabetic && c.properties.numericType == nil && c != "_" && !c.properties.isWhitespace && c.value >= 0x20 && c != "\u{7F}"
        }
        guard !tagSymbols.isEmpty, tagSymbols.unicodeScalars.allSatisfy(symbol) else {
            throw ValidationError("--tag-symbols takes the symbols that start a tag, like '#@' (no letters, digits, '_' or spaces), not '\(tagSymbols)'")
        }
    }

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal, access: .write)
            let text = try Add.readInput(file)
            let name = file == "-" ? "stdin" : file
            let existing = context.journalExisted ? context.store.loadAll().entries : []
            var source: ImportSource
            var update: JrnlUpdatePlan?
            switch kind {
            case .jrnl where self.update:
                let scanned = JrnlText.entries(text, timeZone: context.clock.timeZone)
                let plan = JrnlUpdatePlan(entries: scanned.entries, refused: scanned.refused, tagSymbols: tagSymbols,
                                          existing: existing, codec: context.store.codec)
                source = plan.rest
                update = plan
            case .jrnl:
                let read = JrnlText.read(text, timeZone: context.clock.timeZone, tagSymbols: tagSymbols)
                source = ImportSource(candidates: read.notes.map { ImportCandidate(line: $0.line, entry: $0.note.entry()) },
                                      refused: read.refused)
            case .json:
                do throws(YAMLProblem) {
                    source = try JournalJSON.read(text, catalog: context.catalog, clock: context.clock, tagSymbols: tagSymbols)
                } catch {
                    throw CLIError.data("\(name):\(error.line): \(error.message); nothing was imported")
                }
            }
            if source.candidates.isEmpty, source.refused.isEmpty, update.map({ $0.repairs.isEmpty && $0.upToDate.isEmpty && $0.edited.isEmpty }) ?? true {
                throw CLIError.data("\(name): no entries found; nothing was imported")
            }
            let plan = ImportPlan(source: source, existing: existing)
            for refusal in plan.refused { Output.error("\(name):\(refusal.line): \(refusal.message)") }
            var repaired = 0
            if let update {
                for left in update.edited {
                    Output.note("\(name):\(left.line): \(left.entry.id) was changed since it was imported; left as it is")
                }
                for repair in update.repairs {
                    if !dryRun {
                        do throws(StoreError) {
                            _ = try context.store.save(repair.repaired, now: context.clock.timestamp)
                        } catch {
                            Output.note(Self.updateSummary(name, repaired: repaired, update: update, dryRun: false) + "; stopped at line \(repair.line)")
                            throw error
                        }
                        repaired += 1
                    }
                    Output.print(repair.entry.id + "\t" + repair.repaired.displayTitle + "\t(was: " + repair.entry.displayTitle + ")")
                }
                Output.note(Self.updateSummary(name, repaired: dryRun ? update.repairs.count : repaired, update: update, dryRun: dryRun))
            }
            var created = 0
            if dryRun {
                var taken = Set(context.journalExisted ? context.store.refs().map(\.id) : [])
                for candidate in plan.toCreate {
                    let stem = JournalStore.idStem(for: candidate.entry)
                    var id = stem, n = 2
                    while taken.contains(id) { id = "\(stem)-\(n)"; n += 1 }
                    taken.insert(id)
                    Output.print(id + "\t" + candidate.entry.displayTitle)
                }
            } else {
                defer { context.noteIfJournalCreated() }
                for candidate in plan.toCreate {
                    do throws(StoreError) {
                        let entry = try context.store.create(candidate.entry)
                        created += 1
                        Output.print(entry.id + "\t" + entry.displayTitle)
                    } catch {
                        Output.note(Self.summary(name, created: created, plan: plan, dryRun: false) + "; stopped at line \(candidate.line)")
                        throw error
                    }
                }
            }
            Output.note(Self.summary(name, created: dryRun ? plan.toCreate.count : created, plan: plan, dryRun: dryRun))
            if !plan.refused.isEmpty { throw ExitCode(Exit.dataError) }
        }
    }

    /// `notes.txt: 2 repaired, 5 already read as jrnl reads them, 1 changed since it was imported (left)`.
    static func updateSummary(_ name: String, repaired: Int, update: JrnlUpdatePlan, dryRun: Bool) -> String {
        let e = update.edited.count
        var text = "\(name): \(repaired) \(dryRun ? "would be repaired" : "repaired"), "
            + "\(update.upToDate.count) already read as jrnl reads \(update.upToDate.count == 1 ? "it" : "them"), "
            + "\(e) changed since \(e == 1 ? "it was" : "they were") imported (left as \(e == 1 ? "it is" : "they are"))"
        if dryRun { text += "; nothing was written (--dry-run)" }
        return text
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
