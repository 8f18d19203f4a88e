@testable import DebriefApp
import DebriefUI
import Testing

/// Every screen's help bar, at the 80 columns debrief is designed for, still shows how to get
/// help and how to leave: the rest may drop off the bar, but `?` lists it.
@Suite struct HelpBarTests {
    static let bars: [(screen: String, bar: String)] = [
        ("home", HomeProgram.keys.helpBar(width: 80)),
        ("browse list", BrowseKeys.list.helpBar(width: 80)),
        ("entry", BrowseKeys.detail.helpBar(width: 80)),
        ("follow-ups", FollowUpsKeys.map.helpBar(width: 80)),
        ("people", PeopleKeys.list.helpBar(width: 80)),
        ("person", PeopleKeys.person.helpBar(width: 80)),
        ("review", ReviewKeys.map.helpBar(width: 80)),
    ]

    @Test(arguments: bars.map(\.screen))
    func helpAndTheWayOutFitAt80Columns(screen: String) throws {
        let bar = try #require(Self.bars.first { $0.screen == screen }?.bar)
        #expect(bar.displayWidth <= 80)
        #expect(bar.contains("? help"), "\(screen): \(bar)")
        #expect(bar.contains("q quit") || bar.contains("q back") || bar.contains("q/Esc back") || bar.contains("Esc/q back"),
                "\(screen): \(bar)")
    }

    /// At 40 columns, on every screen, the reflection's prompts and its summary included, the
    /// bar keeps the key that lists the others (a 50-column reflection showed none).
    @Test(arguments: [40, 50])
    func theHelpKeyStaysOnNarrowBars(width: Int) {
        let bars: [(String, String)] = [
            ("home", HomeProgram.keys.helpBar(width: width)),
            ("browse list", BrowseKeys.list.helpBar(width: width)),
            ("entry", BrowseKeys.detail.helpBar(width: width)),
            ("follow-ups", FollowUpsKeys.map.helpBar(width: width)),
            ("people", PeopleKeys.list.helpBar(width: width)),
            ("person", PeopleKeys.person.helpBar(width: width)),
            ("review", ReviewKeys.map.helpBar(width: width)),
            ("prompt", ReflectionProgram.promptKeys(textInput: true, multiline: true, rows: false).helpBar(width: width)),
            ("choice prompt", ReflectionProgram.promptKeys(textInput: false, multiline: false, rows: false).helpBar(width: width)),
            ("rows prompt", ReflectionProgram.promptKeys(textInput: true, multiline: false, rows: true).helpBar(width: width)),
            ("summary", ReflectionProgram.summaryKeys.helpBar(width: width)),
        ]
        for (screen, bar) in bars {
            #expect(bar.displayWidth <= width, "\(screen): \(bar)")
            #expect(bar.contains("? help") || bar.contains("F1 keys") || bar.contains("? keys"), "\(screen): \(bar)")
        }
    }
}
