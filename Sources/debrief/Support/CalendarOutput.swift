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

    /// Writes the calendar and says on stderr what happened; names follow-ups an event calendar
    /// cannot show because they have no due day.
    static func emit(_ items: [ICalendar.Item], kind: ICalendar.Kind, output: String?, vdir: Bool, force: Bool,
                     context: Context) throws {
        let zone = context.clock.timeZone
        let undated = items.filter { !ICalendar.shows($0, as: kind) }.count
        if undated > 0 {
            Output.note("\(undated) follow-up\(undated == 1 ? " has" : "s have") no due date and \(undated == 1 ? "is" : "are") not in the calendar; "
                        + "--ics-kind todo includes \(undated == 1 ? "it" : "them")")
        }
        let shown = items.filter { ICalendar.shows($0, as: kind) }
        if vdir, let output {
            let folder = OutputPath.absolute(output)
            var files: [String: String] = [:]
            for item in shown { files[VdirFolder.fileName(uid: item.uid)] = ICalendar.file(item, kind: kind, timeZone: zone) }
            let result: VdirFolder.Result
            do throws(StoreError) {
                result = try VdirFolder.sync(files, into: folder, journal: try context.store.identity())
            } catch {
                throw CLIError.store(error)
            }
            for kept in result.kept { Output.note("\(kept.path): \(kept.reason)") }
            let left = result.kept.isEmpty ? "" : ", \(result.kept.count) left alone"
            Output.note("\(folder): \(result.written) written, \(result.removed) removed, \(result.unchanged) unchanged" + left)
            return
        }
        let text = ICalendar.calendar(shown, kind: kind, timeZone: zone)
        if let output {
            let path = try OutputPath.write(text, to: output, replace: force)
            Output.note("Wrote \(shown.count) follow-up\(shown.count == 1 ? "" : "s") to \(path)")
        } else {
            // Calendar data, not text for people: CRLF line ends and folds must reach the pipe as written.
            Output.calendar(text)
        }
    }
}
