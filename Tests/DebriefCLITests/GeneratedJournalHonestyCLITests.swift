import Foundation
import Testing

/// The commands answered from the index's facts (issue 23) say byte for byte what reading every
/// entry says (`DEBRIEF_INDEX=off`), over a generated journal of 1,000 entries with the cases the
/// facts must carry: follow-ups open, done, overdue, undated and postponed, due days and event
/// instants shared (the same instant written with other offsets), people named in follow-ups, a
/// NUL in an action, and unreadable files; `list --search` answered from the stored search texts
/// likewise; `people` and `people show` with mentions in text (one written across two lines, one of
/// a name inside a longer one) and imported notes' tags; `review` (one week in text, JSON and
/// Markdown, `--weeks 52`) with quick reflections and imported notes. Run cold (the index built by the first
/// command), warm, and after an edit.
@Suite struct GeneratedJournalHonestyCLITests {
    static let names = ["Zoë Brandt", "Henrike Müller", "Ana Li", "Omar Haddad", "李雷", "zoe  brandt", "Łukasz Nowak"]

    /// Entry `i` of the generated journal: its id and its text (deterministic).
    static func entry(_ i: Int) -> (id: String, text: String) {
        // Every third entry shares its instant with the one before, written an hour east.
        let east = i % 3 == 0 && i > 0
        let base = east ? i - 1 : i
        let month = 1 + base % 12, day = 1 + (base * 7) % 28
        let hour = east ? 19 : 18
        let d = String(format: "2026-%02d-%02d", month, day)
        let date = "\(d)T\(hour):30:00+0\(east ? 2 : 1):00"
        let id = "\(d)-\(hour)30-gen-\(i)"
        var lines = ["---", "schema: 1", "created: \(date)", "updated: \(date)", "title: Generated \(i) café",
                     "date: \(date)", "kind: \(i % 2 == 0 ? "meetup" : "one-on-one")", "people:",
                     "  - name: \(names[i % names.count])", "    level: peer", "    relation: \(i % 5 == 0 ? "existing" : "new")",
                     "talk-share: \(20 + (i * 13) % 70)",
                     // Answers the review's pitfall rules read, varied.
                     "asked-about-them: \(i % 6 == 1 ? "no" : "yes")", "outreach-count: \(i % 4)",
                     "outreach-personalized: \(["all", "some", "none"][i % 3])", "reconnected: \(i % 8 == 2 ? "yes" : "no")"]
        // Every eleventh a quick reflection (prompts it did not ask are unknown, not empty).
        if i % 11 == 4, i % 97 != 5 { lines.insert("flow: quick", at: 5) }
        let count = i % 4
        if count > 0 {
            lines.append("follow-ups:")
            for k in 0..<count {
                lines += ["  - who: \(names[(i + k + 1) % names.count])",
                          i == 501 && k == 0 ? "    action: \"Send\\0notes\"" : "    action: Send notes \(i % 17)"]
                if (i + k) % 5 != 0 { lines.append(String(format: "    due: 2026-%02d-%02d", 1 + (i + k) % 12, 1 + (i * 3) % 28)) }
                if (i + k) % 3 == 0 { lines.append(String(format: "    done: 2026-%02d-%02d", 1 + (i + k) % 12, 2 + (i * 3) % 27)) }
                if (i + k) % 7 == 0 { lines += ["    first-due: 2026-01-01", "    postponed: \(1 + i % 3)"] }
            }
        }
        // Mentions of people an entry does not list: in its notes (every tenth), across two lines
        // (not a mention), inside a longer name (not one), and as an imported note's tag.
        var notes = "Notes about Zürich \(i)."
        if i % 10 == 3 { notes += " Met \(names[(i + 2) % names.count]) and Dr. \(names[(i + 3) % names.count])'s team." }
        if i % 10 == 7 { notes += " Ana\nLi on two lines; Omar Haddadi." }
        if i % 97 == 5 {
            lines.insert("flow: imported", at: 5)
            lines += ["tags: [henrike_muller, zoebrandt]", "---", notes, ""]
        } else {
            lines += ["tags: [\(i % 3 == 0 ? "swift" : "rust")]", "---", notes, ""]
        }
        return (id, lines.joined(separator: "\n"))
    }

    static let commands: [[String]] = [
        ["followups"], ["followups", "--overdue"], ["followups", "--done", "--format", "json"], ["followups", "--all"],
        ["followups", "--all", "--person", "zoe"], ["followups", "--overdue", "--quiet"], ["followups", "--done", "--person", "nobody"],
        // `--search` found through the stored search texts: a word in every entry, in some, in a
        // name, across a NUL, too short for trigrams, with other filters, and in none.
        ["list", "--search", "zurich"], ["list", "--search", "café 1"], ["list", "--search", "notes 3"],
        ["list", "--search", "zoe brandt"], ["list", "--search", "send"], ["list", "--search", "ü"],
        ["list", "--search", "Cafe", "--kind", "meet", "--since", "2026-06-01", "--format", "json"], ["list", "--search", "quokka"],
        // `people` from the facts: the list, JSON, the cold list, a page by part of a name, in
        // JSON, one that matches several people (exit 64) and nobody (exit 66).
        ["people"], ["people", "--format", "json"], ["people", "--cold", "60"], ["people", "show", "henrike"],
        ["people", "show", "Ana Li", "--format", "json"], ["people", "show", "a"], ["people", "show", "nobody"],
        // The whole journal as JSON, written a batch at a time from the index's order.
        ["list", "--format", "json"], ["export"], ["export", "--until", "2026-06-30"],
        // `review` judged from the review facts: a week with its trend and streaks in every
        // format, a year's trend, an older week.
        ["review", "--week", "2026-W47"], ["review", "--week", "2026-W47", "--format", "json"],
        ["review", "--week", "2026-W45", "--format", "markdown"], ["review", "--weeks", "52"],
        ["review", "--week", "2026-W10", "--weeks", "12", "--format", "json"],
    ]

    @Test func factsAnswerAsTheEntriesDo() throws {
        let debrief = try BinaryRunner()
        for i in 0..<1000 {
            let (id, text) = Self.entry(i)
            try debrief.write(text, to: IndexHonestyCLITests.path(debrief, id))
        }
        try debrief.write("---\ntitle: [unclosed\n---\n", to: IndexHonestyCLITests.path(debrief, "2026-06-06-1200-broken"))
        for round in ["cold", "warm"] {
            try IndexHonestyCLITests.compare(debrief, round, Self.commands)
        }
        // Without the NUL the facts answer alone; still the same.
        try debrief.write(Self.entry(501).text.replacingOccurrences(of: "\"Send\\0notes\"", with: "Send notes"),
                          to: IndexHonestyCLITests.path(debrief, Self.entry(501).id))
        try IndexHonestyCLITests.compare(debrief, "without the NUL", Self.commands)
        let all = try debrief.run(["followups", "--all"])
        #expect(all.stdout.components(separatedBy: "\n").count > 2000, "the journal has follow-ups to compare")
    }
}
