/// The one pitfall evaluator: the reflection's summary, browse's markers, home's pitfall line,
/// `list`/`show` JSON and the weekly review all judge through it, so they never disagree.
///
/// No pitfall is known to the code: every rule, threshold, reason and scope comes from the
/// catalog. Event pitfalls are judged per entry (``judge(_:asOf:)``); habit pitfalls (catalog
/// `scope: week`) per ISO week over all of that week's reflections (``judgeWeek(_:asOf:)``) and
/// never on a single entry. Imported notes are entries but not reflections: they are never judged.
///
/// A prompt that the entry's flow did not ask (``Catalog/asked(_:in:)``) is unknown: a rule that
/// needs it neither holds nor fails, and the pitfall is reported as not judged rather than clear.
public struct Detector: Sendable {
    public var catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The event pitfalls `entry` shows, in catalog order. Overdue follow-ups are judged as of
    /// `asOf`: an action due before that day and not done by then.
    public func flags(for entry: Entry, asOf: Day) -> [PitfallFlag] {
        judge(entry, asOf: asOf).flags
    }

    /// The ids of the event pitfalls `entry` shows, in catalog order: the ids of
    /// ``flags(for:asOf:)``, without filling the reasons' templates or judging a pitfall's later
    /// signals once one holds, for `list` and browse, which show only the ids (filling reasons
    /// was 200 M of the 731 M instructions judging took in `list --format json` at 10,000 entries).
    public func pitfallIDs(shownBy entry: Entry, asOf: Day) -> [String] {
        guard !entry.isImported else { return [] }
        let subject = Subject(entry: entry, catalog: catalog)
        return catalog.pitfalls.compactMap { pitfall in
            pitfall.scope == .event && holds(pitfall, on: subject, asOf: asOf) ? pitfall.id : nil
        }
    }

    /// The event pitfalls `entry` shows and those it could not judge. Nothing for an imported note.
    public func judge(_ entry: Entry, asOf: Day) -> Judgement {
        guard !entry.isImported else { return .none }
        return judge(scope: .event, Subject(entry: entry, catalog: catalog), asOf: asOf)
    }

    /// The habit pitfalls shown by one week's reflections taken together, each with one reason
    /// per signal that held (the week's evidence). Imported notes among `entries` are left out;
    /// a week without reflections shows nothing. `asOf` is the week's Sunday, or today while it runs.
    public func judgeWeek(_ entries: [Entry], asOf: Day) -> Judgement {
        let reflections = entries.filter { !$0.isImported }
        guard !reflections.isEmpty else { return .none }
        return judge(scope: .week, Subject(week: reflections, catalog: catalog), asOf: asOf)
    }

    /// What one week's reflections show, counted as the weekly review counts them (``WeekTally``):
    /// per event pitfall the reflections showing it, 1 for each habit pitfall the week shows.
    /// Exactly what ``judge(_:asOf:)`` and ``judgeWeek(_:asOf:)`` flag, without writing the
    /// reasons (filling their templates was a third of judging), for the weeks a review only
    /// counts. Imported notes among `entries` are left out.
    public func counts(ofWeek entries: [Entry], asOf: Day) -> [String: Int] {
        let reflections = entries.filter { !$0.isImported }
        var counts: [String: Int] = [:]
        guard !reflections.isEmpty else { return counts }
        for entry in reflections {
            let subject = Subject(entry: entry, catalog: catalog)
            for pitfall in catalog.pitfalls where pitfall.scope == .event && holds(pitfall, on: subject, asOf: asOf) {
                counts[pitfall.id, default: 0] += 1
            }
        }
        let week = Subject(week: reflections, catalog: catalog)
        for pitfall in catalog.pitfalls where pitfall.scope == .week && holds(pitfall, on: week, asOf: asOf) {
            counts[pitfall.id] = 1
        }
        return counts
    }

    /// How `entry`'s week stands so far on the habit pitfalls: `entry` together with the other
    /// reflections of its ISO week in `journal` (an older copy of `entry`, same id, is replaced by
    /// it), as of that week's Sunday or `today`, whichever is earlier. For the reflection's summary,
    /// which may say "this week: only senior people so far" but never marks a habit on one entry.
    public func weekSoFar(with entry: Entry, among journal: [Entry], today: Day) -> Judgement {
        let week = ISOWeek(containing: entry.eventTime.day)
        let others = journal.filter { $0.id != entry.id && ISOWeek(containing: $0.eventTime.day) == week }
        return judgeWeek(others + [entry], asOf: min(week.sunday, today))
    }

    /// Every prompt a pitfall's condition reads: besides these the evaluator reads only an entry's
    /// flow, so an entry with only these answers is judged as the whole entry is.
    public var promptIDs: Set<String> {
        var ids: Set<String> = []
        for pitfall in catalog.pitfalls {
            for signal in pitfall.signals { ids.formUnion(signal.condition.promptIDs) }
        }
        return ids
    }

    /// The catalog's pitfalls of one scope.
    public func pitfalls(_ scope: PitfallScope) -> [Pitfall] {
        catalog.pitfalls.filter { $0.scope == scope }
    }

    /// The pitfalls of `scope` judged on `subject`.
    private func judge(scope: PitfallScope, _ subject: Subject, asOf: Day) -> Judgement {
        var result = Judgement()
        for pitfall in catalog.pitfalls where pitfall.scope == scope {
            var reasons: [String] = []
            var title: String?
            var instead: String?
            var unknown = false
            var failed = false
            for signal in pitfall.signals {
                switch subject.evaluate(signal.condition, asOf: asOf) {
                case .holds(let match):
                    reasons.append(Self.fill(signal.reason, match))
                    title = title ?? signal.title
                    instead = instead ?? signal.instead
                case .unknown: unknown = true
                case .fails: failed = true
                }
            }
            if !reasons.isEmpty {
                result.flags.append(PitfallFlag(pitfallID: pitfall.id, reasons: reasons, title: title, instead: instead))
            } else if unknown {
                result.unjudged.append(UnjudgedPitfall(pitfallID: pitfall.id, inPart: failed))
            }
        }
        return result
    }

    /// Whether `pitfall` shows on `subject`: exactly when ``judge(scope:_:asOf:)`` would flag it
    /// (a flag is a signal that holds), without writing the reasons.
    private func holds(_ pitfall: Pitfall, on subject: Subject, asOf: Day) -> Bool {
        pitfall.signals.contains { signal in
            if case .holds = subject.evaluate(signal.condition, asOf: asOf) { return true }
            return false
        }
    }

    static func fill(_ template: String, _ match: Verdict.Match) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        return replacing(replacing(template, "{value}", with: match.value ?? ""), "{threshold}", with: match.threshold ?? "")
    }

    /// `text.replacing(pattern, with: value)`, the standard library's, which compares characters
    /// through a generic searcher: 35,000 instructions a call, a fifth of `list --format json` on
    /// 10,000 entries. An ASCII text's characters are its bytes (but CR LF, one character, which
    /// an ASCII `pattern` without CR or LF never starts or ends inside), so there it is done on
    /// bytes, with the same result; any other text goes to `replacing`.
    static func replacing(_ text: String, _ pattern: String, with value: String) -> String {
        var text = text
        var pattern = pattern
        let done: String?? = text.withUTF8 { t in
            pattern.withUTF8 { p -> String?? in
                guard !p.isEmpty, p.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }),
                      t.allSatisfy({ $0 < 0x80 }) else { return nil }
                var out: [UInt8] = []
                var i = 0, copied = 0
                while i + p.count <= t.count {
                    if t[i] == p[0], (1..<p.count).allSatisfy({ t[i + $0] == p[$0] }) {
                        if out.isEmpty { out.reserveCapacity(t.count + value.utf8.count) }
                        out.append(contentsOf: t[copied..<i])
                        out.append(contentsOf: value.utf8)
                        i += p.count
                        copied = i
                    } else {
                        i += 1
                    }
                }
                // Nothing replaced: the text as it is.
                guard copied > 0 else { return .some(nil) }
                out.append(contentsOf: t[copied...])
                return String(decoding: out, as: UTF8.self)
            }
        }
        switch done {
        case .some(.some(let replaced)): return replaced
        case .some(.none): return text
        case .none: return text.replacing(pattern, with: value)
        }
    }
}
