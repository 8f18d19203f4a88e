import Foundation

/// A to-do of debrief's that comes back completed from a to-do app (todoman, a phone synced by
/// vdirsyncer): the one change to a file of debrief's that the journal takes in (issue 20).
///
/// The file must be one debrief wrote for this journal (``OwnedFile``'s mark) whose only change
/// is the completion. What debrief wrote is known by its fingerprint alone, so it is made again
/// and checked against the mark: from the journal's follow-up as it is now (written open), with
/// the `DTSTAMP` debrief wrote or the one in the file, or with the file's own `SUMMARY`,
/// `DESCRIPTION`, `DUE` and `DTSTAMP` put in debrief's lines (which proves the file still says
/// what debrief wrote while the journal moved on). The file is then compared with what debrief
/// wrote as calendar data, not as bytes:
///
/// - not compared, anywhere in the to-do: the completion, ``completionProperties``;
/// - not compared at the calendar level: `PRODID` (the program that wrote the file last),
///   `CALSCALE:GREGORIAN` (the default) and `X-WR-CALNAME` (a display name);
/// - benign rewrites, because the comparison is of unfolded, unescaped values: line ends (CRLF or
///   LF), where and how lines are folded, the order of properties and of parameters, quoting of
///   parameter values, the case of names, TEXT escaping (`\N` for `\n`, `\:`…);
/// - anything else is a change that makes the file the user's: a property added, removed or
///   changed (the summary, the due day, the description, a priority, a category), a component
///   added (an alarm), lines that do not read.
///
/// todoman 4.7 (icalendar 7) rewrites a ticked to-do so: properties of the to-do sorted by name,
/// lines folded at another place, `COMPLETED`, `LAST-MODIFIED` (UTC), `PERCENT-COMPLETE:100`,
/// `SEQUENCE:2` and `STATUS:COMPLETED` set, `DTSTAMP`, the calendar's own lines and debrief's mark
/// kept.
public enum TodoCompletion {
    /// What a returned file comes to.
    public enum Verdict: Equatable, Sendable {
        /// Not a completed to-do of one item: the folder's ordinary rule decides.
        case notCompleted
        /// Completed, nothing else changed in the file or in the journal: done on that day (the
        /// `COMPLETED` instant's day in the user's zone).
        case completed(Day, uid: String)
        /// Completed, only the completion changed, and the follow-up is done in the journal
        /// already (on that day): nothing to edit; the file is that of a done follow-up.
        case alreadyDone(Day, uid: String)
        /// Completed but not taken, and why: the file is left as it is.
        case refused(String)
    }

    /// The properties of a to-do that say it was done, which a to-do app sets when it is ticked.
    public static let completionProperties: Set<String> = ["STATUS", "COMPLETED", "PERCENT-COMPLETE", "LAST-MODIFIED", "DTSTAMP", "SEQUENCE"]

    /// Calendar-level properties that say nothing about the to-do.
    static let calendarNoise: Set<String> = ["PRODID", "X-WR-CALNAME"]

    /// Judges `file`, a changed file of this journal's, against the journal's follow-ups (by
    /// UID). `today` is the user's day in `timeZone`: a completion after it is refused.
    public static func judge(_ file: VdirFolder.Returned, items: [String: ICalendar.Item], timeZone: TimeZone, today: Day) -> Verdict {
        let (lines, lineProblems) = ICalLines.read(file.content)
        let (roots, treeProblems) = ICalComponent.tree(lines)
        let todos = roots.flatMap { $0.children.filter { $0.name == "VTODO" } } + roots.filter { $0.name == "VTODO" }
        guard todos.count == 1, let todo = todos.first,
              todo.property("STATUS").map({ ICalValue.text($0.value).trimmingBlanks.uppercased() }) == "COMPLETED" else { return .notCompleted }
        let uid = todo.property("UID").map { ICalValue.text($0.value) } ?? ""
        guard let item = items[uid] else {
            return .refused("ticked done in a to-do app, but its follow-up is no longer in the journal; left alone (delete it if you no longer need it)")
        }
        let done = "debrief done \(item.followUp.entryID) \(item.followUp.n)"
        let command = "mark it done with `\(done)`"
        // With the day it was done: the option inside the backticks, so the whole command copies.
        let commandOn = "mark it done with `\(done) --on DATE`"
        // Once the follow-up is done (as the report told), the report says so instead.
        let hint = item.followUp.done.map { "its follow-up is done in the journal (\($0.iso)); delete the file when you no longer need it" } ?? command
        guard file.name == VdirFolder.fileName(uid: uid) else {
            return .refused("ticked done in a to-do app, but it is a copy of debrief's file for \(VdirFolder.fileName(uid: uid)) under another name; left alone: \(hint)")
        }
        if let problem = (lineProblems + treeProblems).first {
            return .refused("ticked done in a to-do app, but line \(problem.line) does not read (\(problem.reason)); left alone: \(hint)")
        }
        guard file.links == 1 else {
            return .refused("ticked done in a to-do app, but the file has \(file.links) hard links, so debrief neither takes it nor removes it; left alone: \(hint)")
        }

        // What debrief wrote there: made again from the journal, or from the file's own values.
        var open = item
        open.followUp.done = nil
        let journalLines = ICalendar.fileLines(open, kind: .todo, timeZone: timeZone)
        var candidates: [(lines: [String], fromFile: Bool, doneForm: Bool)] = [(journalLines, false, false)]
        if let stamp = todo.property("DTSTAMP") {
            candidates.append((replacing("DTSTAMP", in: journalLines, with: ["DTSTAMP:" + stamp.value]), false, false))
        }
        candidates.append((filled(journalLines, from: todo), true, false))
        if item.followUp.done != nil {
            let doneLines = ICalendar.fileLines(item, kind: .todo, timeZone: timeZone)
            candidates.append((doneLines, false, true))
            if let stamp = todo.property("DTSTAMP") {
                candidates.append((replacing("DTSTAMP", in: doneLines, with: ["DTSTAMP:" + stamp.value]), false, true))
            }
        }
        guard let written = candidates.first(where: { Fingerprint(of: Array(ICalendar.render($0.lines).utf8)) == file.mark.written }) else {
            return .refused("ticked done in a to-do app, but debrief cannot tell what it wrote there: the follow-up changed in the journal since "
                            + "and the file changed otherwise too; left alone: \(hint)")
        }
        // Written as a done to-do (`--all`) and changed since: not a completion, the ordinary rule.
        if written.doneForm { return .notCompleted }

        let differences = changes(roots, against: ICalComponent.tree(ICalLines.read(Array(ICalendar.render(written.lines).utf8)).lines).components)
        if !differences.isEmpty {
            return .refused("ticked done in a to-do app, but also changed there (\(differences.joined(separator: ", "))), so it is yours now; "
                            + "left alone: \(hint)")
        }
        if let done = item.followUp.done { return .alreadyDone(done, uid: uid) }
        if written.fromFile, let change = journalChange(written.lines, journalLines) {
            return .refused("ticked done in a to-do app, but the follow-up changed in the journal since debrief wrote the file (\(change)); "
                            + "left alone: check it, then \(command)")
        }
        guard let completed = todo.property("COMPLETED") else {
            return .refused("ticked done in a to-do app without a COMPLETED date; left alone: \(commandOn)")
        }
        guard let day = day(of: completed, in: timeZone) else {
            return .refused("ticked done in a to-do app, but its COMPLETED date “\(TerminalSafe.line(String(completed.value.prefix(40))))” "
                            + "does not read; left alone: \(commandOn)")
        }
        guard day <= today else {
            return .refused("ticked done in a to-do app, but its COMPLETED date \(day.iso) is after today (\(today.iso)); left alone: \(commandOn)")
        }
        return .completed(day, uid: uid)
    }

    /// The day a `COMPLETED` value falls on in `timeZone`: a UTC instant's day there, a floating
    /// time's or a day's own day, a time in a named IANA zone converted; nil when it does not read.
    static func day(of property: ICalContentLine, in timeZone: TimeZone) -> Day? {
        switch ICalValue.time(property.value, zone: property.parameter("TZID")) {
        case .date(let day): return day
        case .floating(let wall): return Day(ordinal: Int((Double(wall) / 86_400).rounded(.down)))
        case .utc(let seconds): return Timestamp(Date(timeIntervalSince1970: TimeInterval(seconds)), in: timeZone).day
        case .zoned(let wall, let id):
            guard let zone = TimeZone(identifier: id) else { return nil }
            let seconds = wall - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall)))
            return Timestamp(Date(timeIntervalSince1970: TimeInterval(seconds)), in: timeZone).day
        case nil: return nil
        }
    }

    /// The property name of an unfolded content line.
    private static func name(_ line: String) -> Substring {
        line.prefix { $0 != ":" && $0 != ";" }
    }

    /// `lines` with the lines of property `property` replaced by `with`, at the first one's place.
    private static func replacing(_ property: String, in lines: [String], with replacement: [String]) -> [String] {
        var out: [String] = []
        var placed = false
        for line in lines {
            guard name(line) == property else {
                out.append(line)
                continue
            }
            if !placed { out += replacement }
            placed = true
        }
        return out
    }

    /// Debrief's lines with the to-do's `DTSTAMP`, `DUE`, `SUMMARY` and `DESCRIPTION` taken from
    /// the file, written the way debrief writes them: what debrief wrote if the file says what it
    /// said then.
    private static func filled(_ lines: [String], from todo: ICalComponent) -> [String] {
        var out: [String] = []
        for line in lines {
            switch name(line) {
            case "DUE": continue
            case "DTSTAMP":
                if let stamp = todo.property("DTSTAMP") { out.append("DTSTAMP:" + stamp.value) }
                if let due = todo.property("DUE") { out.append("DUE;VALUE=DATE:" + due.value) }
            case "SUMMARY", "DESCRIPTION":
                let key = String(name(line))
                if let text = todo.property(key) { out.append(key + ":" + ICalendar.escape(ICalValue.text(text.value))) }
            default: out.append(line)
            }
        }
        return out
    }

    /// How the follow-up's lines differ between what debrief wrote and what it would write now,
    /// in words; nil when only the stamp differs.
    private static func journalChange(_ written: [String], _ now: [String]) -> String? {
        func values(_ lines: [String]) -> [Substring: [String]] {
            Dictionary(grouping: lines.filter { name($0) != "DTSTAMP" }, by: { name($0) })
        }
        let a = values(written), b = values(now)
        var parts: [String] = []
        if a["SUMMARY"] != b["SUMMARY"] { parts.append("its text") }
        if a["DUE"] != b["DUE"] { parts.append("its due date") }
        if a["DESCRIPTION"] != b["DESCRIPTION"] { parts.append("its entry or history") }
        if parts.isEmpty, a != b { parts.append("its calendar lines") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// One property as compared: name, parameters (sorted) and the TEXT-unescaped value.
    private struct Compared: Hashable, Comparable {
        var name: String
        var parameters: [String]
        var value: String

        static func < (a: Compared, b: Compared) -> Bool {
            (a.name, a.parameters.joined(separator: ";"), a.value) < (b.name, b.parameters.joined(separator: ";"), b.value)
        }
    }

    /// The names of what differs between `file`'s components and `written`'s, by the rule above.
    static func changes(_ file: [ICalComponent], against written: [ICalComponent]) -> [String] {
        var names: [String] = []
        let count = max(file.count, written.count)
        for i in 0..<count {
            guard i < file.count, i < written.count, file[i].name == written[i].name else {
                names.append(((i < file.count ? file[i] : written[i]).name))
                continue
            }
            let a = compared(file[i]), b = compared(written[i])
            if a != b {
                var seen: Set<String> = []
                for p in (Set(a).symmetricDifference(Set(b))).sorted() where seen.insert(p.name).inserted { names.append(p.name) }
                if seen.isEmpty { names.append(file[i].name) }   // the same properties, a different count of one
            }
            names += changes(file[i].children, against: written[i].children)
        }
        return names
    }

    /// A component's properties as compared, sorted, without what the rule does not compare.
    private static func compared(_ component: ICalComponent) -> [Compared] {
        component.properties.compactMap { p -> Compared? in
            switch component.name {
            case "VTODO" where completionProperties.contains(p.name): return nil
            case "VCALENDAR" where calendarNoise.contains(p.name): return nil
            case "VCALENDAR" where p.name == "CALSCALE" && ICalValue.text(p.value).trimmingBlanks.uppercased() == "GREGORIAN": return nil
            default: break
            }
            let parameters = p.parameters.map { $0.name + "=" + $0.values.joined(separator: ",") }.sorted()
            return Compared(name: p.name, parameters: parameters, value: ICalValue.text(p.value))
        }.sorted()
    }
}
