/// The active catalog as readable text, for `debrief prompts show`.
public enum CatalogText {
    public static func render(_ catalog: Catalog) -> String {
        var out: [String] = []
        for (n, section) in catalog.sections.enumerated() {
            out.append("\(n + 1). \(section.title)")
            for p in section.prompts {
                var head = "   \(p.id) (\(p.type.rawValue)"
                if p.required { head += ", required" }
                if let d = p.defaultValue { head += ", default \(d)" }
                if p.isBody { head += ", the Markdown body" }
                out.append(head + ")" + (p.label.map { " “\($0)”" } ?? ""))
                out.append("      " + p.question)
                if let c = p.condition { out.append("      asked when \(describe(c))") }
                if !p.hint.isEmpty { out.append("      " + p.hint) }
                if !p.options.isEmpty { out.append("      options: " + p.options.joined(separator: ", ")) }
                if !p.levels.isEmpty { out.append("      levels: " + p.levels.joined(separator: ", ")) }
                if !p.relations.isEmpty { out.append("      relations: " + p.relations.joined(separator: ", ")) }
            }
            out.append("")
        }
        if !catalog.flows.isEmpty {
            out.append("Flows (besides the full reflection)")
            for flow in catalog.flows {
                out.append("   \(flow.id): \(flow.title): \(flow.promptIDs.joined(separator: ", "))")
            }
            out.append("")
        }
        out.append("Pitfalls")
        for pitfall in catalog.pitfalls {
            out.append("   \(pitfall.id): \(pitfall.title)" + (pitfall.scope == .week ? " (judged per week)" : ""))
            for s in pitfall.signals {
                out.append("      when \(describe(s.condition))" + (s.title.map { " (titled “\($0)”)" } ?? ""))
            }
            out.append("      instead: \(pitfall.instead)")
        }
        return out.joined(separator: "\n")
    }

    /// A condition in words, close to how it is written in YAML.
    public static func describe(_ c: Condition) -> String {
        switch c {
        case .missing(let id): return "\(id) is missing"
        case .equals(let id, let v): return "\(id) is \(v)"
        case .oneOf(let id, let vs): return "\(id) is one of \(vs.joined(separator: ", "))"
        case .atLeast(let id, let n): return "\(id) ≥ \(n)"
        case .atMost(let id, let n): return "\(id) ≤ \(n)"
        case .count(let id, let filter, let lo, let hi):
            let rows = filter.map { "\(id) with \($0.field) \($0.values.joined(separator: " or "))" } ?? id
            return [lo.map { "\(rows) count ≥ \($0)" }, hi.map { "\(rows) count ≤ \($0)" }].compactMap { $0 }.joined(separator: " and ")
        case .every(let id, let field, let vs): return "every \(id) \(field) is one of \(vs.joined(separator: ", "))"
        case .share(let part, let whole, let n): return "\(part) is ≥ \(n)% of \(whole)"
        case .overdue(let id): return "a \(id) action is overdue"
        case .unfollowed(let people, let followUps, let filter):
            let rows = filter.map { "\(people) with \($0.field) \($0.values.joined(separator: " or "))" } ?? people
            return "someone in \(rows) has no \(followUps) action"
        case .all(let cs): return cs.map(describe).joined(separator: " and ")
        case .any(let cs): return "(" + cs.map(describe).joined(separator: " or ") + ")"
        case .not(let c): return "not (" + describe(c) + ")"
        }
    }
}
