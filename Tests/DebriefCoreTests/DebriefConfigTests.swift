import DebriefCore
import Foundation
import Testing

/// The user's config file: every key read, every problem reported with its line, the rest kept.
@Suite struct DebriefConfigTests {
    let file = "/home/u/.config/debrief/config.yaml"

    @Test func everyKeyIsRead() {
        let text = """
        # my settings
        journal: ~/notes/debrief
        color: never
        cold-days: 45
        editor: code --wait
        reflection-flow: quick
        """
        let (config, problems) = DebriefConfig.parse(text, file: file, home: "/home/u")
        #expect(problems.isEmpty, "\(problems)")
        #expect(config == DebriefConfig(journal: "/home/u/notes/debrief", color: .never, coldDays: 45,
                                        editor: "code --wait", reflectionFlow: "quick"))
    }

    @Test func journalPathsExpandFromHome() {
        func journal(_ value: String) -> String? {
            DebriefConfig.parse("journal: \(value)", file: file, home: "/home/u").config.journal
        }
        #expect(journal("/srv/j") == "/srv/j")
        #expect(journal("'~'") == "/home/u")
        #expect(journal("~") == nil, "a bare ~ is YAML's null: no setting")
        #expect(journal("~/j") == "/home/u/j")
        #expect(journal("Sync/journal") == "/home/u/Sync/journal")
    }

    @Test func colourValuesIgnoreCase() {
        for (value, choice) in [("auto", DebriefConfig.ColorChoice.auto), ("ALWAYS", .always), ("Never", .never)] {
            #expect(DebriefConfig.parse("color: \(value)", file: file, home: nil).config.color == choice)
        }
    }

    @Test func emptyAndNullValuesAreUnset() {
        let (config, problems) = DebriefConfig.parse("journal:\ncolor: ~\neditor: \"\"\n", file: file, home: "/h")
        #expect(problems.isEmpty)
        #expect(config == DebriefConfig())
        #expect(DebriefConfig.parse("", file: file, home: nil) == (DebriefConfig(), []))
        #expect(DebriefConfig.parse("# only a comment\n", file: file, home: nil) == (DebriefConfig(), []))
    }

    /// Each bad line is reported with the file and its line; the good lines still count.
    @Test func badValuesAndUnknownKeysAreReportedWithTheirLine() {
        let text = """
        color: blue
        colour: never
        cold-days: -3
        editor: vim
        reflection-flow: Quick Flow
        people: [a, b]
        cold-days2: 4
        """
        let (config, problems) = DebriefConfig.parse(text, file: file, home: nil)
        #expect(config == DebriefConfig(editor: "vim"))
        #expect(problems.map(\.line) == [1, 2, 3, 5, 6, 7])
        #expect(problems.allSatisfy { $0.file == file })
        #expect(problems[0].description == "\(file):1: `color` must be auto, always or never, not 'blue'; using auto")
        #expect(problems[1].message.contains("unknown key `colour`: did you mean `color`?"))
        #expect(problems[2].message.contains("`cold-days` must be a whole number"))
        #expect(problems[3].message.contains("`reflection-flow` must be full or a flow's id"))
        #expect(problems[4].message.contains("unknown key `people`"))
        #expect(problems[5].message.contains("did you mean `cold-days`?"))
    }

    /// Given the catalog's flows, a flow id it does not define is a bad value like any other;
    /// `full` is always fine.
    @Test func aFlowTheCatalogLacksIsReported() {
        let typo = DebriefConfig.parse("reflection-flow: quik\n", file: file, home: nil, flows: ["quick"])
        #expect(typo.config == DebriefConfig())
        #expect(typo.problems == [ConfigProblem(file: file, line: 1,
            message: "`reflection-flow` must be full or a flow of the catalog (quick), not 'quik'; using the default")])
        for value in ["full", "quick"] {
            let fine = DebriefConfig.parse("reflection-flow: \(value)\n", file: file, home: nil, flows: ["quick"])
            #expect(fine.problems.isEmpty)
            #expect(fine.config.reflectionFlow == value)
        }
    }

    @Test func aListWhereAValueBelongsIsABadValue() {
        let (config, problems) = DebriefConfig.parse("cold-days:\n  - 3\ncolor: never\n", file: file, home: nil)
        #expect(config == DebriefConfig(color: .never))
        #expect(problems == [ConfigProblem(file: file, line: 1, message: "`cold-days` must be a single value, not a list or map; using the default")])
    }

    @Test func brokenYAMLUsesEveryDefault() {
        let (config, problems) = DebriefConfig.parse("color: never\ncold-days: [3\n", file: file, home: nil)
        #expect(config == DebriefConfig())
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("every setting uses its default") == true)
        let notAMap = DebriefConfig.parse("- color\n- never\n", file: file, home: nil)
        #expect(notAMap.config == DebriefConfig())
        #expect(notAMap.problems.first?.line == 1)
    }

    @Test func theFileIsFoundAndLoaded() throws {
        let dir = NSTemporaryDirectory() + "debrief-config-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(DebriefConfig.path(environment: ["XDG_CONFIG_HOME": dir, "HOME": "/h"]) == dir + "/debrief/config.yaml")
        #expect(DebriefConfig.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/debrief/config.yaml")
        #expect(DebriefConfig.path(environment: [:]) == nil)
        let path = dir + "/debrief/config.yaml"
        #expect(DebriefConfig.load(path: path, home: "/h") == (DebriefConfig(), []))
        try FileManager.default.createDirectory(atPath: dir + "/debrief", withIntermediateDirectories: true)
        try Data("cold-days: 30\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(DebriefConfig.load(path: path, home: "/h").config.coldDays == 30)
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: path))
        #expect(DebriefConfig.load(path: path, home: "/h").problems.map(\.message) == ["is not UTF-8 text"])
    }

    // MARK: - Calendars

    /// `calendars:` and `me:` are lists (one value alone is a list of one); paths expand from home,
    /// addresses are lower-cased and a `mailto:` is dropped; duplicates count once.
    @Test func calendarsMeAndPendingDaysAreRead() {
        let text = """
        calendars:
          - ~/.calendars/work
          - /srv/exports/google.ics
          - ~/.calendars/work
        me: [Ana.Li@Example.org, "mailto:ana@home.example"]
        pending-days: 21
        """
        let (config, problems) = DebriefConfig.parse(text, file: file, home: "/home/u")
        #expect(problems.isEmpty, "\(problems)")
        #expect(config.calendars == ["/home/u/.calendars/work", "/srv/exports/google.ics"])
        #expect(config.me == ["ana.li@example.org", "ana@home.example"])
        #expect(config.pendingDays == 21)
        let one = DebriefConfig.parse("calendars: Calendars/export.ics\nme: ana@example.org\n", file: file, home: "/home/u").config
        #expect(one.calendars == ["/home/u/Calendars/export.ics"])
        #expect(one.me == ["ana@example.org"])
    }

    /// A bad item is reported with its own line and left out; the good ones are kept.
    @Test func badCalendarSettingsAreReportedWithTheirLine() {
        let text = """
        calendars:
          - ~/.calendars/work
          - [nested, list]
        me:
          - ana@example.org
          - Ana Li
          - "@nobody"
        pending-days: 0
        calendar: ~/x
        """
        let (config, problems) = DebriefConfig.parse(text, file: file, home: "/home/u")
        #expect(config.calendars == ["/home/u/.calendars/work"])
        #expect(config.me == ["ana@example.org"])
        #expect(config.pendingDays == nil)
        #expect(problems.map(\.line) == [3, 6, 7, 8, 9])
        #expect(problems[0].message == "`calendars` lists one path per item, not a list or map; that item is ignored")
        #expect(problems[1].message == "`me`: 'Ana Li' is not an e-mail address (name@domain); ignored")
        #expect(problems[2].message == "`me`: '@nobody' is not an e-mail address (name@domain); ignored")
        #expect(problems[3].message == "`pending-days` must be a whole number of days from 1 to 365, not '0'; using 14")
        #expect(problems[4].message.contains("unknown key `calendar`: did you mean `calendars`?"))
        let map = DebriefConfig.parse("calendars: {work: ~/w}\n", file: file, home: "/home/u")
        #expect(map.problems.map(\.message) == ["`calendars` must be a list of paths, e.g. `calendars: [~/.calendars/work, ~/Downloads/export.ics]`; ignored"])
    }
}

/// Tuples of a config and its problems compare field by field in these tests.
private func == (lhs: (config: DebriefConfig, problems: [ConfigProblem]), rhs: (DebriefConfig, [ConfigProblem])) -> Bool {
    lhs.config == rhs.0 && lhs.problems == rhs.1
}
