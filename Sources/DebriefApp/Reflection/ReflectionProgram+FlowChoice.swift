import DebriefCore
import DebriefUI

/// The choice at the start of `debrief new` (and of `debrief edit` of a quick reflection): the
/// whole reflection or one of the catalog's shorter flows, the run's setting selected; the pick
/// becomes the setting (``Command/remember(_:then:)``).
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
    mutating func flowKey(_ key: Key, selection: Int) -> [Command<Message>] {
        let options = flowOptions
        switch Self.flowChoiceKeys.action(for: key) {
        case .select?:
            phase = .choosingFlow(selection: key == .up ? max(0, selection - 1) : min(options.count - 1, selection + 1))
        case .accept?:
            return pick(options[min(selection, options.count - 1)])
        case .help?:
            showsHelp = true
        case .leave?:
            phase = .finished
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
        phase = .prompting(backToSummary: false)
        enter(0)
        // A new reflection's choice is the next one's default, in this run and the next.
        guard setup.editing == nil else { return [] }
        return [.remember(.reflectionFlow(option.id), then: nil)]
    }

    /// The choice at the start: the whole reflection or a shorter flow, the remembered one selected.
    func drawFlowChoice(into buffer: inout ScreenBuffer, selection: Int) {
        let options = flowOptions
        var lines: [String] = [setup.editing == nil ? "How much do you want to answer?" : "This is a \(setup.catalog.flow(flow ?? "")?.title.lowercased() ?? "short reflection").", ""]
        // Hanging indent under the title, at the width the dialog wraps to.
        let textWidth = min(buffer.width - 4, 64) - 4
        for (i, option) in options.enumerated() {
            let wrapped = wrap("\(option.title): \(option.detail)", width: max(1, textWidth - 5))
            for (n, line) in wrapped.enumerated() {
                lines.append(n == 0 ? "\(i == selection ? "▸" : " ") \(option.letter)  \(line)" : "     " + line)
            }
        }
        lines += ["", "Enter starts the selected one; a letter picks."]
        drawDialog(into: &buffer, title: setup.editing == nil ? "New reflection" : "Edit", lines: lines)
    }
}
