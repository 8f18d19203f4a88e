import Yams

/// Builds the active catalog from catalog files: the defaults first, then the user's overrides.
///
/// An override file has the same shape as the defaults. A section, prompt or pitfall with an id
/// that already exists is patched (the keys it gives replace the old ones; a pitfall's `signals`
/// are replaced as a whole, which is how a user changes a threshold); a new id is appended.
/// Every problem is collected, with its file and line, rather than stopping at the first.
public enum CatalogLoader {
    /// Loads and validates; throws every problem found.
    public static func load(_ files: [CatalogFile]) throws(CatalogProblems) -> Catalog {
        var builder = Builder()
        for file in files { builder.apply(file) }
        builder.validate()
        if !builder.problems.isEmpty { throw CatalogProblems(problems: builder.problems) }
        return builder.catalog
    }

    struct Builder {
        var catalog = Catalog(sections: [], pitfalls: [])
        var problems: [CatalogProblem] = []
        /// Where each id was last defined, for validation messages.
        var promptLines: [String: (file: String, line: Int)] = [:]
        var pitfallLines: [String: (file: String, line: Int)] = [:]
        var file = ""

        mutating func problem(_ line: Int, _ message: String) {
            problems.append(CatalogProblem(file: file, line: line, message: message))
        }

        mutating func apply(_ source: CatalogFile) {
            file = source.name
            let root: Node?
            do {
                root = try YAML.compose(source.text)
            } catch {
                problem(error.line, error.message)
                return
            }
            guard let root else { return }
            guard let pairs = root.pairs else {
                problem(root.line, "a catalog file is a mapping with `sections` and/or `pitfalls`")
                return
            }
            for (key, keyNode, value) in pairs {
                switch key {
                case "schema":
                    if value.text != "1" { problem(value.line, "unsupported schema \(value.text ?? "?"); this debrief reads schema 1") }
                case "sections": applySections(value)
                case "pitfalls": applyPitfalls(value)
                case "flows": applyFlows(value)
                case "events": applyEvents(value)
                default: problem(keyNode.line, "unknown key `\(key)`; expected schema, sections, flows, pitfalls or events")
                }
            }
        }

        // MARK: - Sections and prompts

        mutating func applySections(_ node: Node) {
            guard let items = node.items else { return problem(node.line, "`sections` must be a list") }
            for item in items {
                guard let pairs = item.pairs else { problem(item.line, "a section must be a mapping with id, title and prompts"); continue }
                guard let id = string(pairs, "id", item) else { continue }
                var index = catalog.sections.firstIndex { $0.id == id }
                if index == nil {
                    catalog.sections.append(Section(id: id, title: id, prompts: []))
                    index = catalog.sections.count - 1
                    if !pairs.contains(where: { $0.key == "title" }) { problem(item.line, "section `\(id)` needs a title") }
                }
                guard let i = index else { continue }
                for (key, keyNode, value) in pairs {
                    switch key {
                    case "id": break
                    case "title": if let t = scalar(value, "title") { catalog.sections[i].title = t }
                    case "prompts":
                        guard let prompts = value.items else { problem(value.line, "`prompts` must be a list"); continue }
                        for p in prompts { applyPrompt(p, section: i) }
                    default: problem(keyNode.line, "unknown section key `\(key)`; expected id, title, prompts")
                    }
                }
            }
        }

        mutating func applyPrompt(_ node: Node, section: Int) {
            guard let pairs = node.pairs else { return problem(node.line, "a prompt must be a mapping") }
            guard let id = string(pairs, "id", node) else { return }
            guard isValidID(id) else {
                return problem(node.line, "prompt id `\(id)` must be lowercase letters, digits and hyphens")
            }
            if Catalog.metadataKeys.contains(id) { return problem(node.line, "prompt id `\(id)` is reserved for debrief's own keys") }
            var existing: (s: Int, p: Int)?
            for (s, sec) in catalog.sections.enumerated() {
                if let p = sec.prompts.firstIndex(where: { $0.id == id }) { existing = (s, p) }
            }
            var prompt = existing.map { catalog.sections[$0.s].prompts[$0.p] }
                ?? Prompt(id: id, type: .line, question: "")
            if existing == nil {
                for required in ["type", "question"] where !pairs.contains(where: { $0.key == required }) {
                    problem(node.line, "prompt `\(id)` needs a \(required)")
                }
            }
            for (key, keyNode, value) in pairs {
                switch key {
                case "id": break
                case "type":
                    guard let raw = scalar(value, "type") else { continue }
                    if let t = PromptType(rawValue: raw) { prompt.type = t } else {
                        problem(value.line, "unknown type `\(raw)`; expected one of \(PromptType.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                case "question": if let v = scalar(value, "question") { prompt.question = v }
                case "hint": if let v = scalar(value, "hint") { prompt.hint = v }
                case "options": if let v = list(value, "options") { prompt.options = v }
                case "levels": if let v = list(value, "levels") { prompt.levels = v }
                case "relations": if let v = list(value, "relations") { prompt.relations = v }
                case "default": prompt.defaultValue = value.text
                case "required": if let v = flag(value, "required") { prompt.required = v }
                case "body": if let v = flag(value, "body") { prompt.isBody = v }
                case "label": if let v = scalar(value, "label") { prompt.label = v }
                case "when":
                    if value.text == "always" {
                        prompt.condition = nil
                    } else if let c = condition(value) {
                        prompt.condition = c
                        promptConditionLines[id] = (file, value.line)
                    }
                default:
                    problem(keyNode.line, "unknown prompt key `\(key)`; expected id, type, question, hint, label, options, levels, relations, default, required, body, when")
                }
            }
            promptLines[id] = (file, node.line)
            if let existing {
                catalog.sections[existing.s].prompts[existing.p] = prompt
            } else {
                catalog.sections[section].prompts.append(prompt)
            }
        }

        /// Where each prompt's `when` was last given.
        var promptConditionLines: [String: (file: String, line: Int)] = [:]
        var flowLines: [String: (file: String, line: Int)] = [:]

        // MARK: - Flows

        /// `flows:` a list of `{ id, title, prompts: [ids] }`; an existing id is patched.
        mutating func applyFlows(_ node: Node) {
            guard let items = node.items else { return problem(node.line, "`flows` must be a list") }
            for item in items {
                guard let pairs = item.pairs else { problem(item.line, "a flow is a mapping with id, title and prompts"); continue }
                guard let id = string(pairs, "id", item) else { continue }
                guard isValidID(id) else { problem(item.line, "flow id `\(id)` must be lowercase letters, digits and hyphens"); continue }
                if id == Flow.full || id == Entry.importedFlow {
                    problem(item.line, "flow id `\(id)` is reserved (`full` is the whole reflection, `imported` an imported note)")
                    continue
                }
                var index = catalog.flows.firstIndex { $0.id == id }
                if index == nil {
                    catalog.flows.append(Flow(id: id, title: id, promptIDs: []))
                    index = catalog.flows.count - 1
                    for required in ["title", "prompts"] where !pairs.contains(where: { $0.key == required }) {
                        problem(item.line, "flow `\(id)` needs \(required)")
                    }
                }
                guard let i = index else { continue }
                flowLines[id] = (file, item.line)
                for (key, keyNode, value) in pairs {
                    switch key {
                    case "id": break
                    case "title": if let v = scalar(value, key) { catalog.flows[i].title = v }
                    case "prompts": if let v = list(value, key) { catalog.flows[i].promptIDs = v }
                    default: problem(keyNode.line, "unknown flow key `\(key)`; expected id, title, prompts")
                    }
                }
            }
        }

        // MARK: - Calendar events

        /// The default file of the `events:` rules (its name as the catalog's files carry it).
        static let defaultCalendarFile = "Prompts/calendar.yaml"

        var kindLines: [(kind: String, file: String, line: Int)] = []

        /// `events:` a mapping; each key given replaces the old value (`kinds` as a whole list).
        mutating func applyEvents(_ node: Node) {
            guard let pairs = node.pairs else { return problem(node.line, "`events` must be a mapping (see Prompts/README.md)") }
            for (key, keyNode, value) in pairs {
                switch key {
                case "with-others":
                    guard let n = value.text.flatMap({ Int($0) }), (0...1000).contains(n) else {
                        problem(value.line, "`with-others` must be a whole number from 0 to 1000")
                        continue
                    }
                    catalog.events.withOthers = n
                case "networking-words": if let v = list(value, key) { catalog.events.networkingWords = v }
                case "recurring-words": if let v = list(value, key) { catalog.events.recurringWords = v }
                case "busy-words": if let v = list(value, key) { catalog.events.busyWords = v }
                case "not-significant": if let v = list(value, key) { catalog.events.notSignificant = v }
                case "skip-free-time": if let v = flag(value, key) { catalog.events.skipFreeTime = v }
                case "kinds":
                    guard let items = value.items else {
                        problem(value.line, "`kinds` must be a list of { kind, words, links, others }")
                        continue
                    }
                    var kinds: [EventRules.KindGuess] = []
                    kindLines.removeAll()
                    for item in items {
                        guard let fields = item.pairs else { problem(item.line, "a kind guess is a mapping with kind and words, links or others"); continue }
                        guard let kind = string(fields, "kind", item) else { continue }
                        var guess = EventRules.KindGuess(kind: kind)
                        for (name, nameNode, v) in fields {
                            switch name {
                            case "kind": break
                            case "words": if let w = list(v, name) { guess.words = w }
                            case "links": if let l = list(v, name) { guess.links = l }
                            case "others":
                                guard let n = v.text.flatMap({ Int($0) }), n >= 0 else { problem(v.line, "`others` must be a whole number"); continue }
                                guess.others = n
                            default: problem(nameNode.line, "unknown kind-guess key `\(name)`; expected kind, words, links, others")
                            }
                        }
                        if guess.words.isEmpty && guess.links.isEmpty && guess.others == nil {
                            problem(item.line, "kind guess `\(kind)` needs words, links or others")
                            continue
                        }
                        kinds.append(guess)
                        kindLines.append((kind, file, item.line))
                    }
                    catalog.events.kinds = kinds
                default:
                    problem(keyNode.line, "unknown events key `\(key)`; expected with-others, networking-words, recurring-words, "
                            + "skip-free-time, busy-words, kinds, not-significant")
                }
            }
        }

        // MARK: - Pitfalls

        mutating func applyPitfalls(_ node: Node) {
            guard let items = node.items else { return problem(node.line, "`pitfalls` must be a list") }
            for item in items {
                guard let pairs = item.pairs else { problem(item.line, "a pitfall must be a mapping"); continue }
                guard let id = string(pairs, "id", item) else { continue }
                var index = catalog.pitfalls.firstIndex { $0.id == id }
                if index == nil {
                    catalog.pitfalls.append(Pitfall(id: id, title: "", looksLike: "", whyItHurts: "", instead: "", signals: []))
                    index = catalog.pitfalls.count - 1
                    for required in ["title", "instead", "signals"] where !pairs.contains(where: { $0.key == required }) {
                        problem(item.line, "pitfall `\(id)` needs \(required)")
                    }
                }
                guard let i = index else { continue }
                pitfallLines[id] = (file, item.line)
                for (key, keyNode, value) in pairs {
                    switch key {
                    case "id": break
                    case "title": if let v = scalar(value, key) { catalog.pitfalls[i].title = v }
                    case "looks-like": if let v = scalar(value, key) { catalog.pitfalls[i].looksLike = v }
                    case "why-it-hurts": if let v = scalar(value, key) { catalog.pitfalls[i].whyItHurts = v }
                    case "instead": if let v = scalar(value, key) { catalog.pitfalls[i].instead = v }
                    case "name": if let v = scalar(value, key) { catalog.pitfalls[i].name = v }
                    case "scope":
                        guard let raw = scalar(value, key) else { continue }
                        if let scope = PitfallScope(rawValue: raw) { catalog.pitfalls[i].scope = scope } else {
                            problem(value.line, "unknown scope `\(raw)`; expected event (judged per entry) or week (judged per ISO week)")
                        }
                    case "signals":
                        guard let signals = value.items else { problem(value.line, "`signals` must be a list"); continue }
                        catalog.pitfalls[i].signals = signals.compactMap { signal($0) }
                    default:
                        problem(keyNode.line, "unknown pitfall key `\(key)`; expected id, title, name, looks-like, why-it-hurts, instead, scope, signals")
                    }
                }
            }
        }

        mutating func signal(_ node: Node) -> Signal? {
            guard let pairs = node.pairs else { problem(node.line, "a signal is a mapping with `when` and `reason`"); return nil }
            var condition: Condition?
            var reason: String?
            var title: String?
            var instead: String?
            for (key, keyNode, value) in pairs {
                switch key {
                case "when": condition = self.condition(value)
                case "reason": reason = scalar(value, "reason")
                case "title": title = scalar(value, "title")
                case "instead": instead = scalar(value, "instead")
                default: problem(keyNode.line, "unknown signal key `\(key)`; expected when, reason, title, instead")
                }
            }
            guard let condition else { problem(node.line, "a signal needs `when`"); return nil }
            guard let reason else { problem(node.line, "a signal needs `reason`"); return nil }
            conditionLines.append((condition, file, node.line))
            return Signal(condition: condition, reason: reason, title: title, instead: instead)
        }

        var conditionLines: [(Condition, String, Int)] = []

        mutating func condition(_ node: Node) -> Condition? {
            guard let pairs = node.pairs else { problem(node.line, "a condition is a mapping, e.g. { answer: talk-share, at-least: 70 }"); return nil }
            let keys = Set(pairs.map(\.key))
            func value(_ k: String) -> Node? { pairs.first { $0.key == k }?.value }
            func int(_ k: String) -> Int? {
                guard let n = value(k) else { return nil }
                guard let s = n.text, let i = Int(s) else { problem(n.line, "`\(k)` must be a whole number"); return nil }
                return i
            }
            func allowed(_ set: Set<String>) -> Bool {
                let extra = keys.subtracting(set)
                if extra.isEmpty { return true }
                problem(node.line, "unexpected \(extra.sorted().map { "`\($0)`" }.joined(separator: ", ")) in condition")
                return false
            }
            if let list = value("all") ?? value("any") {
                guard allowed(["all", "any"]), keys.count == 1 else { return nil }
                guard let items = list.items, !items.isEmpty else { problem(list.line, "`all`/`any` take a non-empty list of conditions"); return nil }
                let conds = items.compactMap { condition($0) }
                guard conds.count == items.count else { return nil }
                return keys.contains("all") ? .all(conds) : .any(conds)
            }
            if let inner = value("not") {
                guard allowed(["not"]) else { return nil }
                return condition(inner).map { .not($0) }
            }
            if let target = value("overdue") {
                guard allowed(["overdue"]), let id = scalar(target, "overdue") else { return nil }
                return .overdue(id)
            }
            if let target = value("unfollowed") {
                guard allowed(["unfollowed", "by", "field", "in"]), let id = scalar(target, "unfollowed") else { return nil }
                guard let byNode = value("by"), let by = scalar(byNode, "by") else {
                    problem(node.line, "`unfollowed` needs `by`, the follow-ups prompt that would name them"); return nil
                }
                var filter: RowFilter?
                if keys.contains("field") || keys.contains("in") {
                    guard let fieldNode = value("field"), let field = scalar(fieldNode, "field"),
                          let inNode = value("in"), let values = list(inNode, "in") else {
                        if !keys.contains("field") || !keys.contains("in") { problem(node.line, "an `unfollowed` with a filter needs both field and in") }
                        return nil
                    }
                    filter = RowFilter(field: field, values: values)
                }
                return .unfollowed(id, by: by, where: filter)
            }
            if let target = value("count") {
                guard allowed(["count", "field", "in", "at-least", "at-most"]), let id = scalar(target, "count") else { return nil }
                let lo = int("at-least"), hi = int("at-most")
                guard lo != nil || hi != nil else { problem(node.line, "`count` needs at-least or at-most"); return nil }
                var filter: RowFilter?
                if keys.contains("field") || keys.contains("in") {
                    guard let fieldNode = value("field"), let field = scalar(fieldNode, "field"),
                          let inNode = value("in"), let values = list(inNode, "in") else {
                        if !keys.contains("field") || !keys.contains("in") { problem(node.line, "a `count` with a filter needs both field and in") }
                        return nil
                    }
                    filter = RowFilter(field: field, values: values)
                }
                return .count(id, where: filter, atLeast: lo, atMost: hi)
            }
            if let target = value("share") {
                guard allowed(["share", "of", "at-least"]), let part = scalar(target, "share") else { return nil }
                guard let ofNode = value("of"), let whole = scalar(ofNode, "of"), let lo = int("at-least") else {
                    problem(node.line, "`share` needs `of` (the whole) and `at-least` (a percentage)"); return nil
                }
                guard (0...100).contains(lo) else { problem(node.line, "`at-least` of a `share` is a percentage, 0 to 100"); return nil }
                return .share(part, of: whole, atLeast: lo)
            }
            if let target = value("every") {
                guard allowed(["every", "field", "in"]), let id = scalar(target, "every"),
                      let fieldNode = value("field"), let field = scalar(fieldNode, "field"),
                      let inNode = value("in"), let values = list(inNode, "in") else {
                    if !keys.contains("field") || !keys.contains("in") { problem(node.line, "`every` needs field and in") }
                    return nil
                }
                return .every(id, field: field, oneOf: values)
            }
            if let target = value("answer") {
                guard allowed(["answer", "missing", "is", "in", "at-least", "at-most"]), let id = scalar(target, "answer") else { return nil }
                let tests = keys.subtracting(["answer"])
                guard tests.count == 1, let test = tests.first else {
                    problem(node.line, "an `answer` condition takes exactly one of missing, is, in, at-least, at-most"); return nil
                }
                switch test {
                case "missing":
                    guard let n = value("missing"), let f = flag(n, "missing") else { return nil }
                    if !f { problem(n.line, "write `missing: true`; to test for a given answer use `is`") }
                    return .missing(id)
                case "is":
                    guard let n = value("is"), let v = n.text else { problem(node.line, "`is` needs a value"); return nil }
                    return .equals(id, v)
                case "in":
                    guard let n = value("in"), let v = list(n, "in") else { return nil }
                    return .oneOf(id, v)
                case "at-least":
                    return int("at-least").map { .atLeast(id, $0) }
                default:
                    return int("at-most").map { .atMost(id, $0) }
                }
            }
            problem(node.line, "a condition starts with one of answer, count, every, share, overdue, unfollowed, all, any, not")
            return nil
        }

        // MARK: - Validation of the merged catalog

        mutating func validate() {
            var seen = Set<String>()
            for section in catalog.sections {
                for prompt in section.prompts {
                    let (f, line) = promptLines[prompt.id] ?? ("catalog", 1)
                    file = f
                    if !seen.insert(prompt.id).inserted { problem(line, "prompt id `\(prompt.id)` is used twice") }
                    if prompt.type == .choice, prompt.options.isEmpty { problem(line, "choice prompt `\(prompt.id)` needs options") }
                    if prompt.type == .people, prompt.levels.isEmpty || prompt.relations.isEmpty {
                        problem(line, "people prompt `\(prompt.id)` needs levels and relations")
                    }
                    if prompt.isBody, prompt.type != .text { problem(line, "only a `text` prompt can be the body") }
                    if let d = prompt.defaultValue, let message = defaultProblem(prompt, d) { problem(line, message) }
                }
            }
            let bodies = catalog.prompts.filter(\.isBody)
            if bodies.count > 1, let second = bodies.dropFirst().first {
                let (f, line) = promptLines[second.id] ?? ("catalog", 1)
                file = f
                problem(line, "only one prompt can be the body; `\(bodies[0].id)` already is")
            }
            for (id, type) in Catalog.requiredPrompts {
                let (f, line) = promptLines[id] ?? (catalogName, 1)
                file = f
                guard let p = catalog.prompt(id) else { problem(line, "the catalog must keep prompt `\(id)` (\(type.rawValue))"); continue }
                let compatible = p.type == type || (Set([p.type, type]) == [.line, .text])
                if !compatible { problem(line, "prompt `\(id)` must stay \(type.rawValue): entries and pitfall rules rely on it") }
            }
            if catalog.prompts.first?.id != "title" {
                file = promptLines["title"]?.file ?? catalogName
                problem(promptLines["title"]?.line ?? 1, "the flow must start with `title`")
            }
            for (condition, f, line) in conditionLines {
                file = f
                check(condition, line: line)
            }
            validatePromptConditions()
            validateFlows()
            if let kindPrompt = catalog.prompt("kind") {
                // A guess of the default file whose kind an override removed from the options is
                // dropped (the user changed the kinds, not the guesses); one the user wrote is named.
                func isOption(_ kind: String) -> Bool { kindPrompt.options.contains { $0.folded == kind.folded } }
                for (kind, f, line) in kindLines where !isOption(kind) && f != Self.defaultCalendarFile {
                    file = f
                    problem(line, "kind guess `\(kind)` is not an option of the `kind` prompt (\(kindPrompt.options.joined(separator: ", ")))")
                }
                catalog.events.kinds.removeAll { !isOption($0.kind) }
            }
            for id in Catalog.pitfallIDs where catalog.pitfall(id) == nil {
                file = catalogName
                problem(1, "the catalog must define pitfall `\(id)`")
            }
        }

        var catalogName: String { promptLines["title"]?.file ?? "catalog" }

        /// A prompt's `when` reads only prompts asked before it (so the flow knows the answer when
        /// it gets there), and never forms a cycle (a prompt waiting, through others, on itself).
        mutating func validatePromptConditions() {
            let order = Dictionary(catalog.prompts.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
            var dependencies: [String: [String]] = [:]
            for prompt in catalog.prompts {
                guard let condition = prompt.condition else { continue }
                let (f, line) = promptConditionLines[prompt.id] ?? promptLines[prompt.id] ?? (catalogName, 1)
                file = f
                check(condition, line: line)
                dependencies[prompt.id] = condition.promptIDs.filter { order[$0] != nil }
            }
            var reported = Set<String>()
            for prompt in catalog.prompts {
                guard let cycle = Self.cycle(from: prompt.id, dependencies), reported.insert(cycle.sorted().joined()).inserted else { continue }
                let (f, line) = promptConditionLines[prompt.id] ?? (catalogName, 1)
                file = f
                problem(line, "the `when` conditions form a cycle: " + (cycle + [cycle[0]]).map { "`\($0)`" }.joined(separator: " → ")
                        + "; a prompt can only depend on prompts asked before it")
            }
            for prompt in catalog.prompts {
                guard let me = order[prompt.id], let reads = dependencies[prompt.id],
                      Self.cycle(from: prompt.id, dependencies) == nil else { continue }
                let (f, line) = promptConditionLines[prompt.id] ?? (catalogName, 1)
                file = f
                for id in reads where (order[id] ?? 0) >= me {
                    problem(line, id == prompt.id
                        ? "the `when` of `\(id)` reads its own answer"
                        : "the `when` of `\(prompt.id)` reads `\(id)`, which is asked after it; a prompt can only depend on prompts asked before it")
                }
            }
        }

        /// A cycle through `start` in the prompts' dependencies, as the ids along it; nil if none.
        static func cycle(from start: String, _ dependencies: [String: [String]]) -> [String]? {
            var path: [String] = []
            var visited = Set<String>()
            func walk(_ id: String) -> [String]? {
                if let i = path.firstIndex(of: id) { return Array(path[i...]) }
                guard visited.insert(id).inserted else { return nil }
                path.append(id)
                for next in dependencies[id] ?? [] {
                    if let found = walk(next) { return found }
                }
                path.removeLast()
                return nil
            }
            guard let found = walk(start), found.first == start else { return nil }
            return found
        }

        /// Each flow asks known prompts, once each, every required one among them, and no prompt
        /// whose `when` reads a prompt the flow leaves out (it could never be asked).
        mutating func validateFlows() {
            for flow in catalog.flows {
                let (f, line) = flowLines[flow.id] ?? (catalogName, 1)
                file = f
                var seen = Set<String>()
                for id in flow.promptIDs {
                    if catalog.prompt(id) == nil { problem(line, "flow `\(flow.id)` names unknown prompt `\(id)`") }
                    if !seen.insert(id).inserted { problem(line, "flow `\(flow.id)` names `\(id)` twice") }
                }
                for prompt in catalog.prompts where prompt.required && !seen.contains(prompt.id) {
                    problem(line, "flow `\(flow.id)` must ask required prompt `\(prompt.id)`")
                }
                for prompt in catalog.prompts where seen.contains(prompt.id) {
                    for id in prompt.condition?.promptIDs ?? [] where !seen.contains(id) && catalog.prompt(id) != nil {
                        problem(line, "flow `\(flow.id)` asks `\(prompt.id)`, whose `when` reads `\(id)`, which the flow does not ask")
                    }
                }
            }
        }

        mutating func check(_ condition: Condition, line: Int) {
            func prompt(_ id: String) -> Prompt? {
                if let p = catalog.prompt(id) { return p }
                problem(line, "condition reads unknown prompt `\(id)`")
                return nil
            }
            switch condition {
            case .all(let cs), .any(let cs): cs.forEach { check($0, line: line) }
            case .not(let c): check(c, line: line)
            case .missing(let id): _ = prompt(id)
            case .equals(let id, let value):
                check(.oneOf(id, [value]), line: line)
            case .oneOf(let id, let values):
                guard let p = prompt(id) else { return }
                for value in values where !accepts(p, value) {
                    problem(line, "`\(value)` is not a possible answer to `\(id)` (\(p.type.rawValue)\(p.options.isEmpty ? "" : ": " + p.options.joined(separator: ", ")))")
                }
            case .atLeast(let id, _), .atMost(let id, _):
                guard let p = prompt(id) else { return }
                if p.type.range == nil { problem(line, "at-least/at-most need a numeric prompt; `\(id)` is \(p.type.rawValue)") }
            case .share(let part, let whole, _):
                for id in [part, whole] {
                    guard let p = prompt(id) else { continue }
                    if p.type != .number { problem(line, "`share` needs number prompts; `\(id)` is \(p.type.rawValue)") }
                }
            case .count(let id, let filter, _, _):
                guard let p = prompt(id) else { return }
                if !p.type.isList { problem(line, "`count` needs a list prompt; `\(id)` is \(p.type.rawValue)") }
                if let filter { checkRows(p, filter.field, filter.values, form: "count", line: line) }
            case .every(let id, let field, let values):
                guard let p = prompt(id) else { return }
                checkRows(p, field, values, form: "every", line: line)
            case .overdue(let id):
                guard let p = prompt(id) else { return }
                if p.type != .followUps { problem(line, "`overdue` needs a follow-ups prompt; `\(id)` is \(p.type.rawValue)") }
            case .unfollowed(let id, let by, let filter):
                if let p = prompt(id) {
                    if p.type != .people { problem(line, "`unfollowed` needs a people prompt; `\(id)` is \(p.type.rawValue)") }
                    if let filter { checkRows(p, filter.field, filter.values, form: "unfollowed", line: line) }
                }
                if let f = prompt(by), f.type != .followUps { problem(line, "`by` needs a follow-ups prompt; `\(by)` is \(f.type.rawValue)") }
            }
        }

        /// A filter on the rows of a people prompt: by level or relation, with values it knows.
        mutating func checkRows(_ p: Prompt, _ field: String, _ values: [String], form: String, line: Int) {
            let id = p.id
            switch (p.type, field) {
            case (.people, "level"):
                for v in values where !p.levels.contains(v) { problem(line, "`\(v)` is not a level of `\(id)`") }
            case (.people, "relation"):
                for v in values where !p.relations.contains(v) { problem(line, "`\(v)` is not a relation of `\(id)`") }
            case (.people, _): problem(line, "`\(form)` on people reads level or relation, not `\(field)`")
            default: problem(line, "`\(form)` with a field needs a people prompt; `\(id)` is \(p.type.rawValue)")
            }
        }

        func accepts(_ prompt: Prompt, _ value: String) -> Bool {
            switch prompt.type {
            case .yesno: return ["yes", "no"].contains(value)
            case .choice: return prompt.options.contains(value)
            case .scale, .percent, .number: return Int(value).map { prompt.type.range?.contains($0) ?? false } ?? false
            default: return true
            }
        }

        func defaultProblem(_ prompt: Prompt, _ value: String) -> String? {
            switch prompt.type {
            case .datetime: return value == "now" ? nil : "the default of a date-time prompt can only be `now`"
            case .yesno, .choice, .scale, .percent, .number:
                return accepts(prompt, value) ? nil : "default `\(value)` is not a possible answer to `\(prompt.id)`"
            default: return nil
            }
        }

        // MARK: - Scalars

        func isValidID(_ id: String) -> Bool {
            !id.isEmpty && id.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
        }

        mutating func string(_ pairs: [(key: String, keyNode: Node, value: Node)], _ key: String, _ owner: Node) -> String? {
            guard let node = pairs.first(where: { $0.key == key })?.value else {
                problem(owner.line, "missing `\(key)`")
                return nil
            }
            return scalar(node, key)
        }

        mutating func scalar(_ node: Node, _ key: String) -> String? {
            guard let s = node.text, !s.isEmpty else {
                problem(node.line, "`\(key)` must be a non-empty text")
                return nil
            }
            return s
        }

        mutating func list(_ node: Node, _ key: String) -> [String]? {
            guard let items = node.items else {
                problem(node.line, "`\(key)` must be a list, e.g. [a, b]")
                return nil
            }
            var out: [String] = []
            for item in items {
                guard let s = item.text else { problem(item.line, "`\(key)` items must be plain values"); return nil }
                out.append(s)
            }
            return out
        }

        mutating func flag(_ node: Node, _ key: String) -> Bool? {
            switch node.text {
            case "true", "yes": return true
            case "false", "no": return false
            default:
                problem(node.line, "`\(key)` must be true or false")
                return nil
            }
        }
    }
}

extension CatalogLoader {
    /// The user's override files in `directory` (`*.yaml`, `*.yml`), in name order.
    public static func overrideFiles(in directory: String?) throws(CatalogProblems) -> [CatalogFile] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var files: [CatalogFile] = []
        for name in names.sorted() where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CatalogProblems(problems: [CatalogProblem(file: path, line: 1, message: "cannot read this file")])
            }
            switch UTF8Check.text(Array(data)) {
            case .success(let text): files.append(CatalogFile(name: path, text: text))
            case .failure(let bad):
                throw CatalogProblems(problems: [CatalogProblem(file: path, line: bad.line, message: "not valid UTF-8 text")])
            }
        }
        return files
    }
}

import Foundation

// MARK: - The compact form of the built-in files

extension CatalogLoader {
    /// The builder's state after the built-in catalog files, in bytes (``compactForm(of:)``,
    /// ``CompactCatalogBytes``): every run starts from the built-in files, and composing their
    /// 17 KB of YAML through Yams was half of `debrief list --limit 20`'s instructions (40 M);
    /// decoding the same state from JSON, 15.5 M; reading these bytes is a fraction of that.
    /// It carries a hash of the files' names and texts, and is used only for files that hash
    /// the same, so a stale form is never used: the YAML is parsed instead (and a test fails).
    /// The user's overrides are always parsed and applied after it, and the merged catalog is
    /// validated as before, so their meaning and every message about them stay the same.
    struct Compact: Equatable {
        struct Place: Equatable {
            var file: String
            var line: Int
        }

        struct KindPlace: Equatable {
            var kind: String
            var file: String
            var line: Int
        }

        struct ConditionPlace: Equatable {
            var condition: Condition
            var file: String
            var line: Int
        }

        /// ``hash(of:)`` of the files this state was built from, and how many they were.
        var hash: String
        var files: Int
        var catalog: Catalog
        var promptLines: [String: Place]
        var pitfallLines: [String: Place]
        var promptConditionLines: [String: Place]
        var flowLines: [String: Place]
        var kindLines: [KindPlace]
        var conditionLines: [ConditionPlace]
        var file: String

        init(_ builder: Builder, hash: String, files: Int) {
            func places(_ lines: [String: (file: String, line: Int)]) -> [String: Place] { lines.mapValues { Place(file: $0.file, line: $0.line) } }
            self.hash = hash
            self.files = files
            catalog = builder.catalog
            promptLines = places(builder.promptLines)
            pitfallLines = places(builder.pitfallLines)
            promptConditionLines = places(builder.promptConditionLines)
            flowLines = places(builder.flowLines)
            kindLines = builder.kindLines.map { KindPlace(kind: $0.kind, file: $0.file, line: $0.line) }
            conditionLines = builder.conditionLines.map { ConditionPlace(condition: $0.0, file: $0.1, line: $0.2) }
            file = builder.file
        }

        var builder: Builder {
            func lines(_ places: [String: Place]) -> [String: (file: String, line: Int)] { places.mapValues { ($0.file, $0.line) } }
            var b = Builder()
            b.catalog = catalog
            b.promptLines = lines(promptLines)
            b.pitfallLines = lines(pitfallLines)
            b.promptConditionLines = lines(promptConditionLines)
            b.flowLines = lines(flowLines)
            b.kindLines = kindLines.map { ($0.kind, $0.file, $0.line) }
            b.conditionLines = conditionLines.map { ($0.condition, $0.file, $0.line) }
            b.file = file
            return b
        }

        /// The files' names and texts, hashed (FNV-1a over each name and text with their lengths).
        static func hash(of files: ArraySlice<CatalogFile>) -> String {
            var bytes: [UInt8] = []
            for file in files {
                for part in [file.name, file.text] {
                    bytes += Array(String(part.utf8.count).utf8) + [0]
                    bytes += Array(part.utf8)
                }
            }
            let f = Fingerprint(of: bytes)
            return String(f.hash, radix: 16) + "-" + String(f.length)
        }
    }

    /// The compact form of `files` (the built-in catalog files): the state of the builder after
    /// them, in bytes (``CompactCatalogBytes``); nil when they have a problem (the built-in files
    /// never do).
    public static func compactForm(of files: [CatalogFile]) -> [UInt8]? {
        var builder = Builder()
        for file in files { builder.apply(file) }
        guard builder.problems.isEmpty else { return nil }
        return CompactCatalogBytes.write(Compact(builder, hash: Compact.hash(of: files[...]), files: files.count))
    }

    /// ``load(_:)`` starting from `compact` (``compactForm(of:)``) instead of parsing the first
    /// files when it was made from exactly these: the same catalog and the same problems.
    public static func load(_ files: [CatalogFile], compact: [UInt8]?) throws(CatalogProblems) -> Catalog {
        guard let compact, let state = CompactCatalogBytes.read(compact),
              state.files <= files.count, state.hash == Compact.hash(of: files.prefix(state.files)) else { return try load(files) }
        var builder = state.builder
        for file in files.dropFirst(state.files) { builder.apply(file) }
        builder.validate()
        if !builder.problems.isEmpty { throw CatalogProblems(problems: builder.problems) }
        return builder.catalog
    }
}
