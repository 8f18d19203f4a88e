import DebriefCore
import DebriefUI

/// Which prompts are asked: the flow's (all, or a catalog flow such as `quick`), less those whose
/// catalog condition does not hold for the answers so far. Recomputed from the answers every time
/// it is needed, so going back and changing an answer shows or hides later prompts at once.
extension ReflectionProgram {
    /// A choice offered at the start: the whole reflection or one of the catalog's flows.
    struct FlowOption: Equatable {
        /// `full` or the catalog flow's id.
        var id: String
        var title: String
        /// What the option says under its title.
        var detail: String
        /// The key that picks it.
        var letter: Character
    }

    /// nil for the whole reflection (`full` or nothing), else the flow's id.
    static func normalised(_ flow: String?) -> String? {
        guard let flow, flow != Flow.full else { return nil }
        return flow
    }

    /// The answers as they stand, including what is typed in the prompt in focus, so the header's
    /// "3 of 5" follows an answer as it changes.
    var liveAnswers: [String: Answer] {
        guard mode == .prompting, case .success(let answer) = field.value(for: prompt, clock: setup.clock) else { return answers }
        var live = answers
        live[prompt.id] = answer
        return live
    }

    /// The prompts that will be asked, in order.
    var askedPrompts: [Prompt] {
        setup.catalog.askedPrompts(flow: flow, answers: liveAnswers, asOf: setup.clock.today)
    }

    /// Catalog indices of the prompts asked.
    var askedIndices: [Int] {
        let ids = Set(askedPrompts.map(\.id))
        return prompts.indices.filter { ids.contains(prompts[$0].id) }
    }

    func nextAskedIndex(after i: Int) -> Int? { askedIndices.first { $0 > i } }

    func previousAskedIndex(before i: Int) -> Int? { askedIndices.last { $0 < i } }

    /// "Reciprocity · 3 of 5" and the share of the way done, both counting only the prompts
    /// that will be asked.
    var progress: (text: String, fraction: Double) {
        let asked = askedPrompts
        let section = setup.catalog.section(of: prompt.id)
        let inSection = asked.filter { p in section?.prompts.contains { $0.id == p.id } ?? false }
        let position = (inSection.firstIndex { $0.id == prompt.id } ?? 0) + 1
        let done = asked.firstIndex { $0.id == prompt.id } ?? 0
        return ("\(section?.title ?? "") · \(position) of \(max(1, inSection.count))", Double(done) / Double(max(1, asked.count)))
    }

    /// Answers held for prompts that are not asked any more: dropped on save when given in this
    /// session, kept when the edited file already had them (it is never changed behind the
    /// person's back).
    var hiddenAnswers: (dropped: [Prompt], kept: [Prompt]) {
        let asked = Set(askedPrompts.map(\.id))
        var dropped: [Prompt] = []
        var kept: [Prompt] = []
        for p in prompts where !asked.contains(p.id) {
            if setup.editing?[p.id] != nil {
                kept.append(p)
            } else if answers[p.id] != nil {
                dropped.append(p)
            }
        }
        return (dropped, kept)
    }

    // MARK: - The choice at the start

    /// The whole reflection, then the catalog's flows. Editing a quick reflection offers keeping
    /// it quick or answering the rest.
    var flowOptions: [FlowOption] {
        let catalog = setup.catalog
        let total = catalog.prompts.count
        var options: [FlowOption] = []
        for flow in catalog.flows {
            let names = flow.promptIDs.compactMap { catalog.prompt($0)?.shortLabel.lowercased() }
            let detail = setup.editing == nil
                ? "\(flow.promptIDs.count) questions: \(names.joined(separator: ", "))"
                : "edit its \(flow.promptIDs.count) answers; it stays a \(flow.title.lowercased())"
            options.append(FlowOption(id: flow.id, title: flow.title, detail: detail, letter: flow.id.first ?? "?"))
        }
        let fullDetail = setup.editing == nil
            ? "up to \(total) questions, fewer when some do not apply"
            : "answer the rest too; it becomes a full reflection"
        let full = FlowOption(id: Flow.full, title: "Full reflection",
                              detail: fullDetail, letter: options.contains { $0.letter == "f" } ? "a" : "f")
        if setup.editing != nil, let current = flow {
            // The entry's own flow first: the usual choice when editing.
            options = options.filter { $0.id == current } + [full]
        } else {
            options = [full] + options
        }
        return options
    }

    /// ↑/↓ and Enter, or an option's letter (``flowChoiceKeys`` binds no key to letters: they
    /// are the options'); Esc leaves without a draft (nothing was answered), Ctrl-C too, with the
    /// status of an interrupted program as on the other screens.
    mutating func flowKey(_ key: Key) -> [Command<Message>] {
        let options = flowOptions
        switch Self.flowChoiceKeys.action(for: key) {
        case .select?:
            flowSelection = key == .up ? max(0, flowSelection - 1) : min(options.count - 1, flowSelection + 1)
        case .accept?:
            return pick(options[min(flowSelection, options.count - 1)])
        case .help?:
            showsHelp = true
        case .leave?:
            mode = .finished
            return [key == .ctrl("c") ? .quit(Interrupt.status) : .back]
        default:
            if case .char(let c) = key, let option = options.first(where: { $0.letter == Character(c.lowercased()) }) {
                return pick(option)
            }
        }
        return []
    }

    private mutating func pick(_ option: FlowOption) -> [Command<Message>] {
        flow = Self.normalised(option.id)
        mode = .prompting
        enter(0)
        // A new reflection's choice is the next one's default, in this run and the next.
        guard setup.editing == nil else { return [] }
        return [.remember(.reflectionFlow(option.id), then: nil)]
    }
}
