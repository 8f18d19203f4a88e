import ArgumentParser
import DebriefCore

/// `debrief import jrnl|json FILE`: notes from jrnl, or entries from debrief's own export.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
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
        reported with its line number and skipped, never half-imported, and so is an entry too \
        large for debrief to read back (over 8 MB). An entry of debrief's JSON without an `id` is \
        known by its date and content, so entries sharing a minute are all imported. The import \
        holds the journal's lock from its duplicate check to its last write: two imports at once \
        take turns. --dry-run shows what would be created and writes nothing.

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
            let store = context.store
            let read: FileRead
            switch kind {
            case .jrnl where self.update:
                let scanned = JrnlText.entries(text, timeZone: context.clock.timeZone)
                read = .jrnlUpdate(scanned.entries, scanned.refused)
            case .jrnl:
                let notes = JrnlText.read(text, timeZone: context.clock.timeZone, tagSymbols: tagSymbols)
                read = .source(ImportSource(candidates: notes.notes.map { ImportCandidate(line: $0.line, entry: $0.note.entry()) },
                                            refused: notes.refused))
            case .json:
                do throws(YAMLProblem) {
                    read = .source(try JournalJSON.read(text, catalog: context.catalog, clock: context.clock, tagSymbols: tagSymbols))
                } catch {
                    throw CLIError.data("\(name):\(error.line): \(error.message); nothing was imported")
                }
            }
            if read.isEmpty {
                throw CLIError.data("\(name): no entries found; nothing was imported")
            }
            if dryRun {
                let existing = context.journalExisted ? store.loadAll().entries : []
                let (source, update) = planned(read, existing: existing, codec: store.codec)
                var plan = ImportPlan(source: source, existing: existing)
                if let update {
                    Self.reportEdited(update, name)
                    for repair in update.repairs {
                        Output.print(repair.entry.id + "\t" + repair.repaired.displayTitle + "\t(was: " + repair.entry.displayTitle + ")")
                    }
                    Output.note(Self.updateSummary(name, repaired: update.repairs.count, update: update, dryRun: true))
                }
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
            // The duplicate check, the repairs and the writes under the journal's lock: two
            // imports of one file at once take turns, and the second finds what the first did.
            var created = 0
            var plan = ImportPlan(source: ImportSource(), existing: [])
            do throws(StoreError) {
                try store.withLock { () throws(StoreError) in
                    let existing = store.loadAll().entries
                    let (source, update) = planned(read, existing: existing, codec: store.codec)
                    plan = ImportPlan(source: source, existing: existing)
                    var written: [ImportRefusal] = []
                    defer { plan.refused += written }
                    if let update {
                        Self.reportEdited(update, name)
                        var repaired = 0
                        for repair in update.repairs {
                            do throws(StoreError) {
                                _ = try store.save(repair.repaired, now: context.clock.timestamp)
                            } catch {
                                guard case .refused(_, let reason) = error else {
                                    Output.note(Self.updateSummary(name, repaired: repaired, update: update, dryRun: false) + "; stopped at line \(repair.line)")
                                    throw error
                                }
                                written.append(ImportRefusal(line: repair.line, message: reason))
                                continue
                            }
                            repaired += 1
                            Output.print(repair.entry.id + "\t" + repair.repaired.displayTitle + "\t(was: " + repair.entry.displayTitle + ")")
                        }
                        Output.note(Self.updateSummary(name, repaired: repaired, update: update, dryRun: false))
                    }
                    for candidate in plan.toCreate {
                        do throws(StoreError) {
                            let entry = try store.create(candidate.entry)
                            created += 1
                            Output.print(entry.id + "\t" + entry.displayTitle)
                        } catch {
                            guard case .refused = error else { throw error }
                            written.append(Self.refusal(candidate, error))
                        }
                    }
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

    /// What the file holds, read before the journal is looked at.
    enum FileRead {
        /// Entries to import.
        case source(ImportSource)
        /// jrnl entries for `--update`: which are repairs depends on the journal's notes.
        case jrnlUpdate([JrnlText.EntryText], [ImportRefusal])

        var isEmpty: Bool {
            switch self {
            case .source(let source): source.candidates.isEmpty && source.refused.isEmpty
            case .jrnlUpdate(let entries, let refused): entries.isEmpty && refused.isEmpty
            }
        }
    }

    /// The file's entries against the journal's `existing` ones: what to import, and for
    /// `--update` which notes to repair.
    func planned(_ read: FileRead, existing: [Entry], codec: EntryCodec) -> (ImportSource, JrnlUpdatePlan?) {
        switch read {
        case .source(let source):
            return (source, nil)
        case .jrnlUpdate(let entries, let refused):
            let update = JrnlUpdatePlan(entries: entries, refused: refused, tagSymbols: tagSymbols, existing: existing, codec: codec)
            return (update.rest, update)
        }
    }

    /// The notes `--update` leaves because they were changed since they were imported.
    static func reportEdited(_ update: JrnlUpdatePlan, _ name: String) {
        for left in update.edited {
            Output.note("\(name):\(left.line): \(left.entry.id) was changed since it was imported; left as it is")
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
