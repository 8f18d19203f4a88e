import Foundation
import Testing

/// The config file and the journal's location as the screens see them, run in tmux: the editor
/// and colour settings reach the reflection, and the first-run welcome names its folder.
@Suite("Config in tmux", .serialized)
struct ConfigTmuxTests {
    typealias Sandbox = ReflectionTmuxTests.Sandbox

    func writeConfig(_ box: Sandbox, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: box.dir + "/config/debrief", withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: box.dir + "/config/debrief/config.yaml"))
    }

    /// An editor script that writes `text` into the file it is given.
    func editorScript(_ box: Sandbox, name: String, text: String) throws -> String {
        let path = box.dir + "/" + name
        return try ExecutableScript.write("#!/bin/sh\nprintf '%s\\n' '\(text)' > \"$1\"\n", to: path)
    }

    /// F2 opens the config's `editor`, which wins over `$VISUAL` and `$EDITOR`.
    @Test func theConfigEditorWritesALongAnswer() throws {
        let box = try Sandbox()
        let configured = try editorScript(box, name: "config-editor", text: "Written in the config editor")
        let visual = try editorScript(box, name: "visual-editor", text: "Written in VISUAL")
        try writeConfig(box, "editor: \(configured)\n")
        var env = box.environment
        env["VISUAL"] = visual
        let tmux = try TmuxSession(["new", "--full", "--title", "T"], environment: env)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.press("Tab", "Tab", "Tab")
        try tmux.waitFor("What did you go there to do?")
        try tmux.press("F2")
        let screen = try tmux.waitFor("Written in the config editor")
        #expect(!screen.contains("Written in VISUAL"))
        try tmux.press("C-c")
        try tmux.waitFor("discard this reflection")
        try tmux.type("d")
        #expect(try tmux.waitForExit() == 0)

        // Without the config, $VISUAL is used as before.
        try FileManager.default.removeItem(atPath: box.dir + "/config/debrief/config.yaml")
        let plain = try TmuxSession(["new", "--full", "--title", "T"], environment: env)
        defer { plain.stop() }
        try plain.waitFor("What would you call this event?")
        try plain.press("Tab", "Tab", "Tab")
        try plain.waitFor("What did you go there to do?")
        try plain.press("F2")
        try plain.waitFor("Written in VISUAL")
        try plain.press("C-c")
        try plain.waitFor("discard this reflection")
        try plain.type("d")
        #expect(try plain.waitForExit() == 0)
    }

    /// `color: never` in the config draws the screens without colour codes, as NO_COLOR does.
    @Test func configColorNeverReachesTheScreen() throws {
        func kindScreen(config: String?) throws -> String {
            let box = try Sandbox()
            if let config { try writeConfig(box, config) }
            let tmux = try TmuxSession(["new", "--full", "--title", "T"], environment: box.environment)
            defer { tmux.stop() }
            try tmux.waitFor("What would you call this event?")
            try tmux.press("Tab", "Tab")
            try tmux.waitFor("What kind of event")
            try tmux.press("Down", "Down")
            try tmux.waitFor("› meetup")
            return try tmux.captureStyled()
        }
        let never = try kindScreen(config: "color: never\n")
        #expect(SGR.colourParameters(in: never).isEmpty, "colour codes with color: never")
        #expect(!SGR.colourParameters(in: try kindScreen(config: nil)).isEmpty, "the control run shows no colour either")
    }

    /// A journal folder that is not there is not an error for the home screen, whose welcome
    /// names the folder it looked in, so a typo in the path shows; nothing is created by looking.
    @Test func theWelcomeNamesTheFolder() throws {
        let box = try Sandbox()
        let typo = box.dir + "/jornal"
        let tmux = try TmuxSession(["--journal", typo], environment: box.environment, width: 120, height: 30)
        defer { tmux.stop() }
        let screen = try tmux.waitFor("Press n to write your first reflection.")
        #expect(screen.contains(typo), "the welcome does not name \(typo):\n\(screen)")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: typo))
    }
}
