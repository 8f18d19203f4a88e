import Foundation

/// One entry rendered for reading: plain text for the terminal, Markdown for sharing.
public enum EntryReport {
    public enum Style: Sendable { case text, markdown }

    /// Every answer by section with its question as the label, then the pitfalls it shows with
    /// what to do instead. In Markdown, the title is a heading of `headingLevel` (sections one
    /// level below), and `tables` shows people and follow-ups as tables, as a document of many
    /// entries (`export --format markdown`) does.
    public static func render(_ entry: Entry, catalog: Catalog, flags: [PitfallFlag], style: Style,
                              headingLevel: Int = 1, tables: Bool = false) -> String {
        var out: [String] = []
        let md = style == .markdown
        let heading = String(repeating: "#", count: headingLevel)
        out.append(TerminalSafe.line(md ? "\(heading) \(entry.displayTitle)" : entry.title))
        var meta = [entry.eventTime.display]
        if let kind = entry.kind { meta.append(kind) }
        out.append(md ? "_\(meta.joined(separator: " · "))_  \n`\(entry.id)`" : meta.joined(separator: " · ") + "  (\(entry.id))")
        for section in catalog.sections {
            let answered = section.prompts.filter { entry[$0.id] != nil && !["title", "date", "kind"].contains($0.id) }
            guard !answered.isEmpty else { continue }
            out.append("")
            out.append(md ? "\(heading)# \(section.title)" : section.title.uppercased())
            for prompt in answered {
                guard let answer = entry[prompt.id] else { continue }
                switch answer {
                case .people(let people) where md && tables:
                    out += ["**\(prompt.question)**", ""]
                    out += table(["Name", "Level", "Relation", "Note"], people.map { [$0.name, $0.level, $0.relation, $0.note] })
                case .followUps(let actions) where md && tables:
                    out += ["**\(prompt.question)**", ""]
                    out += table(["Who", "Action", "Due", "Done"], actions.map { [$0.who, $0.action, $0.due?.iso, $0.done?.iso] })
                case .people(let people):
                    out.append(md ? "**\(prompt.question)**" : prompt.question)
                    out += people.map { (md ? "- " : "  - ") + AnswerText.person($0) }
                case .followUps(let actions):
                    out.append(md ? "**\(prompt.question)**" : prompt.question)
                    out += actions.map { (md ? "- [\($0.done == nil ? " " : "x")] " : "  - ") + AnswerText.followUp($0) }
                case .text(let s) where s.contains("\n") || prompt.isBody:
                    out.append(md ? "**\(prompt.question)**" : prompt.question)
                    out.append("")
                    out += s.split(separator: "\n", omittingEmptySubsequences: false).map { (md ? "" : "  ") + $0 }
                default:
                    let value = AnswerText.inline(answer, type: prompt.type)
                    out.append(md ? "**\(prompt.question)** \(value)" : "\(prompt.question)\n  \(value)")
                }
                if md { out.append("") }
            }
        }
        if !flags.isEmpty {
            out.append("")
            out.append(md ? "\(heading)# Pitfalls" : "PITFALLS")
            for flag in flags {
                guard catalog.pitfall(flag.pitfallID) != nil else { continue }
                out.append((md ? "- **" : "  ! ") + catalog.title(of: flag) + (md ? "**" : "") + " (" + flag.reasons.joined(separator: "; ") + ")")
                out.append((md ? "  " : "    ") + "Instead: " + catalog.instead(of: flag))
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// A Markdown table; `|` in a cell is escaped and a line break becomes a space.
    static func table(_ header: [String], _ rows: [[String?]]) -> [String] {
        func cell(_ s: String?) -> String {
            TerminalSafe.line(s ?? "").replacingOccurrences(of: "|", with: "\\|")
        }
        return ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---|" }.joined()]
            + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
    }
}
