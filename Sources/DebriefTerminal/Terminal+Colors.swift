import CNcursesw
import DebriefUI

extension Terminal {
    /// Foreground colours for each role on the terminal's own background (`-1`), chosen from
    /// the 8 basic colours so they read on dark and light themes alike. `muted` uses the dim
    /// attribute instead of grey, which is unreadable on some light themes.
    static let roleColors: [(ColorRole, Int16)] = [
        (.accent, Int16(COLOR_MAGENTA)),
        (.success, Int16(COLOR_GREEN)),
        (.warning, Int16(COLOR_YELLOW)),
        (.danger, Int16(COLOR_RED)),
        (.highlight, Int16(COLOR_CYAN)),
    ]

    static func setUpColorPairs() {
        use_default_colors()
        for (index, entry) in roleColors.enumerated() {
            init_pair(Int16(index + 1), entry.1, -1)
        }
    }

    /// The colour pair for a role (0 = default colours).
    func colorPair(for role: ColorRole) -> Int32 {
        guard colorsEnabled, let index = Terminal.roleColors.firstIndex(where: { $0.0 == role }) else { return 0 }
        return Int32(index + 1)
    }

    /// curses attributes for a style; bold/reverse/underline are kept without colour so focus
    /// stays visible under `NO_COLOR`.
    func attributes(for style: Style) -> Int32 {
        var attributes = debrief_A_NORMAL
        if style.bold { attributes |= debrief_A_BOLD }
        if style.reverse { attributes |= debrief_A_REVERSE }
        if style.underline { attributes |= debrief_A_UNDERLINE }
        if style.dim || style.role == .muted { attributes |= debrief_A_DIM }
        return attributes
    }
}
