/// Many entries as one Markdown document (`debrief export --format markdown`): a readable
/// report to keep or hand to a mentor, a section per entry, oldest first, with people and
/// follow-ups as tables and the pitfalls each entry shows.
public enum JournalMarkdown {
    public static func render(_ entries: [Entry], catalog: Catalog, flags: (Entry) -> [PitfallFlag],
                              exported: Day, since: Day?, until: Day?) -> String {
        let sorted = entries.sorted { $0.eventTime < $1.eventTime }
        var out = "# Debrief journal\n\n"
        let n = sorted.count
        var summary = "\(n) entr\(n == 1 ? "y" : "ies")"
        if let first = sorted.first?.eventTime.day, let last = sorted.last?.eventTime.day {
            summary += first == last ? " on \(first.iso)" : " from \(first.iso) to \(last.iso)"
        }
        let range = [since.map { "since \($0.iso)" }, until.map { "until \($0.iso)" }].compactMap { $0 }
        if !range.isEmpty { summary += " (" + range.joined(separator: ", ") + ")" }
        out += summary + ", exported \(exported.iso).\n"
        for entry in sorted {
            out += "\n" + EntryReport.render(entry, catalog: catalog, flags: flags(entry), style: .markdown,
                                             headingLevel: 2, tables: true)
        }
        return out
    }
}
