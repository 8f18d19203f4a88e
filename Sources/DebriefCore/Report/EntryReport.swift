/// One entry rendered for reading: plain text for the terminal, Markdown for sharing.
public enum EntryReport {
    public enum Style: Sendable { case text, markdown }

    /// Every answer by section with its question as the label, then the pitfalls it shows with
    /// what to do instead.
    public static func render(_ entry: Entry, catalog: Catalog, flags: [PitfallFlag], style: Style) -> String {
        var out: [String] = []
        let md = style == .markdown
        out.append(md ? "# \(entry.title)" : entry.title)
        var meta = [entry.eventTime.display]
        if let kind = entry.kind { meta.append(kind) }
        out.append(md ? "_\(meta.joined(separator: " · "))_  \n`\(entry.id)`" : meta.joined(separator: " · ") + "  (\(entry.id))")
        for section in catalog.sections {
            let answered = section.prompts.filter { entry[$0.id] != nil && !["title", "date", "kind"].contains($0.id) }
            guard !answered.isEmpty else { continue }
            out.append("")
            out.append(md ? "## \(section.title)" : section.title.uppercased())
            for prompt in answered {
                guard let answer = entry[prompt.id] else { continue }
                switch answer {
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
            out.append(md ? "## Pitfalls" : "PITFALLS")
            for flag in flags {
                guard let pitfall = catalog.pitfall(flag.pitfallID) else { continue }
                out.append((md ? "- **" : "  ! ") + pitfall.title + (md ? "**" : "") + " (" + flag.reasons.joined(separator: "; ") + ")")
                out.append((md ? "  " : "    ") + "Instead: " + pitfall.instead)
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}
