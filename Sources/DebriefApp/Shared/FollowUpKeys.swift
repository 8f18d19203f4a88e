import DebriefUI

/// The actions of a screen that lists follow-ups, so the keys for them are defined once and
/// every such screen (home, follow-ups, an entry's detail, a person's page) marks and moves a
/// follow-up with the same keys. The screens' action enums conform with their own cases.
protocol FollowUpActions: Sendable {
    /// Space: done today, or open again when done.
    static var toggle: Self { get }
    /// `s`: a new due date, asked for in the status line.
    static var reschedule: Self { get }
    /// `D`: done on a day asked for in the status line.
    static var doneOn: Self { get }
}

extension FollowUpActions {
    /// Space, `s` and `D`, in that order. The help bar shows Space and `s` when there is room
    /// (`D` is in the `?` overlay), so a screen's way back and help still fit at 80 columns.
    static func followUpBindings(showsInHelpBar: Bool = true) -> [KeyBinding<Self>] {
        [
            KeyBinding(.char(" "), label: "Space", help: "done/open", action: .toggle, showsInHelpBar: showsInHelpBar),
            KeyBinding(.char("s"), help: "reschedule", action: .reschedule, showsInHelpBar: showsInHelpBar),
            KeyBinding(.char("D"), help: "done another day", action: .doneOn, showsInHelpBar: false),
        ]
    }
}
