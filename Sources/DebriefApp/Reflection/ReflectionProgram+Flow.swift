import DebriefCore
import DebriefUI

/// Which prompts are asked: the flow's (all, or a catalog flow such as `quick`), less those whose
/// catalog condition does not hold for the answers so far. Recomputed from the answers every time
/// it is needed, so going back and changing an answer shows or hides later prompts at once.
extension ReflectionProgram {
    /// nil for the whole reflection (`full` or nothing), else the flow's id.
    static func normalised(_ flow: String?) -> String? {
        guard let flow, flow != Flow.full else { return nil }
        return flow
    }

    /// The answers as they stand, including what is typed in the prompt in focus, so the header's
    /// "3 of 5" follows an answer as it changes.
    var liveAnswers: [String: Answer] {
        guard case .prompting = phase, case .success(let answer) = field.value(for: prompt, clock: setup.clock) else { return answers }
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
            } else if answers[p.id] != nil, !(p.id == "reconnected" && suggestedReconnection != nil) {
                // A "reconnected" the reflection suggested from the people list was never the
                // person's answer: a flow that does not ask it drops nothing of theirs.
                dropped.append(p)
            }
        }
        return (dropped, kept)
    }
}
