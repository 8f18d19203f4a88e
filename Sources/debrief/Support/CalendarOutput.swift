import ArgumentParser
import DebriefCore

extension ICalendar.Kind: ExpressibleByArgument {}

/// Where a calendar of follow-ups goes, for `followups --format ics` and `export --format ics`:
/// stdout, one file (`--output FILE`), or a vdir kept in step (`--output DIR --vdir`).
enum CalendarOutput {
    /// Checks the calendar options together; `isCalendar` is whether the format is ics.
    static func validate(isCalendar: Bool, kindGiven: Bool, output: String?, vdir: Bool, force: Bool) throws {
        if !isCalendar, kindGiven || vdir { throw ValidationError("--ics-kind and --vdir go with --format ics") }
        if vdir, output == nil { throw ValidationError("--vdir needs --output DIR, the folder to keep in step") }
        if vdir, force { throw ValidationError("--force goes with --output FILE; a vdir is updated in place") }
        if force, output == nil { throw ValidationError("--force goes with --output FILE") }
    }

    /// Writes the calendar of the follow-ups `select` picks from `entries` and says on stderr what
    /// happened; names follow-ups an event calendar cannot show because they have no due day.
    /// A vdir first takes in the to-dos that came back ticked (``TodoCompletion``), then is kept
    /// in step with the journal as it is after that.
    static func emit(_ entries: [Entry], select: @escaping ([Entry]) -> [ICalendar.Item], kind: ICalendar.Kind, output: String?,
                     vdir: Bool, force: Bool, context: Context) throws {
        let zone = context.clock.timeZone
        if vdir, let output {
            try keepInStep(OutputPath.absolute(output), select: select, kind: kind, context: context)
            return
        }
        let items = select(entries)
        noteUndated(items, kind: kind)
        let shown = items.filter { ICalendar.shows($0, as: kind) }
        let text = ICalendar.calendar(shown, kind: kind, timeZone: zone)
        if let output {
            let path = try OutputPath.write(text, to: output, replace: force)
            Output.note("Wrote \(shown.count) follow-up\(shown.count == 1 ? "" : "s") to \(path)")
        } else {
            // Calendar data, not text for people: CRLF line ends and folds must reach the pipe as written.
            Output.calendar(text)
        }
    }

    private static func noteUndated(_ items: [ICalendar.Item], kind: ICalendar.Kind) {
        let undated = items.filter { !ICalendar.shows($0, as: kind) }.count
        if undated > 0 {
            Output.note("\(undated) follow-up\(undated == 1 ? " has" : "s have") no due date and \(undated == 1 ? "is" : "are") not in the calendar; "
                        + "--ics-kind todo includes \(undated == 1 ? "it" : "them")")
        }
    }

    /// The vdir: under the folder's lock, the journal is read, each to-do of debrief's that came back ticked and
    /// changed only so marks its follow-up done through the one follow-up edit; then the folder
    /// is made to hold the follow-ups `select` picks from the journal as it now is.
    private static func keepInStep(_ folder: String, select: @escaping ([Entry]) -> [ICalendar.Item],
                                   kind: ICalendar.Kind, context: Context) throws {
        let zone = context.clock.timeZone
        let journalID = try context.store.identity()
        var selected: [ICalendar.Item] = []
        let result = try VdirFolder.sync(into: folder, journal: journalID) { returned in
            // The journal as it is once the folder is ours: a sync that waited for another one
            // must not write back the follow-ups the other one just marked done from their ticks.
            var current = context.store.loadAll().entries
            var released: Set<String> = []
            var reasons: [String: String] = [:]
            if !returned.isEmpty {
                let byUID = Dictionary(ICalendar.items(current) { _ in true }.map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
                var edited = false
                for file in returned {
                    switch TodoCompletion.judge(file, items: byUID, timeZone: zone, today: context.clock.today) {
                    case .notCompleted: continue
                    case .refused(let why): reasons[file.name] = why
                    case .alreadyDone(let day, let uid):
                        released.insert(file.name)
                        if let item = byUID[uid] {
                            Output.note("\(file.path): ticked in a to-do app; \(task(item)) was done already (\(day.iso)): nothing changed in the journal")
                        }
                    case .completed(let day, let uid):
                        guard let item = byUID[uid], let entry = current.first(where: { $0.id == item.followUp.entryID }) else { continue }
                        if try complete(item, in: entry, on: day, file: file, context: context) {
                            released.insert(file.name)
                            edited = true
                        } else {
                            reasons[file.name] = "ticked done in a to-do app, but the follow-up changed in the journal meanwhile; left alone"
                        }
                    }
                }
                if edited { current = context.store.loadAll().entries }
            }
            selected = select(current)
            var files: [String: String] = [:]
            for item in selected where ICalendar.shows(item, as: kind) {
                files[VdirFolder.fileName(uid: item.uid)] = ICalendar.file(item, kind: kind, timeZone: zone)
            }
            return VdirFolder.Plan(files: files, released: released, reasons: reasons)
        }
        noteUndated(selected, kind: kind)
        for kept in result.kept { Output.note("\(kept.path): \(kept.reason)") }
        let left = result.kept.isEmpty ? "" : ", \(result.kept.count) left alone"
        Output.note("\(folder): \(result.written) written, \(result.removed) removed, \(result.unchanged) unchanged" + left)
    }

    /// "Bo: Intro to Carla (ENTRY-ID 2)".
    private static func task(_ item: ICalendar.Item) -> String {
        AnswerText.task(who: item.followUp.who, action: item.followUp.action) + " (\(item.followUp.entryID) \(item.followUp.n))"
    }

    /// Marks `item` done on `day` through the one follow-up edit and says so; false when the
    /// follow-up changed on disk meanwhile (the edit's own refusal), so the file stays.
    private static func complete(_ item: ICalendar.Item, in entry: Entry, on day: Day, file: VdirFolder.Returned, context: Context) throws -> Bool {
        let outcome: FollowUpEditOutcome
        do throws(StoreError) {
            outcome = try context.store.editFollowUp(item.followUp.n, of: entry, .done(day), now: context.clock.timestamp)
        } catch {
            if case .followUpChanged = error { return false }
            throw error
        }
        switch outcome {
        case .written(let written, let n, _):
            let what = AnswerText.task(who: item.followUp.who, action: item.followUp.action) + " (\(written.id) \(n))"
            Output.note("Done on \(day.iso) (ticked in a to-do app, \(file.name)): \(what).")
        case .unchanged(.alreadyDone(let when), _):
            Output.note("\(file.path): ticked in a to-do app; \(task(item)) was done already (\(when.iso)): nothing changed in the journal")
        case .unchanged:
            return false
        }
        return true
    }
}
