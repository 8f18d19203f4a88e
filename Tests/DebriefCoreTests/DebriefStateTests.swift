import Foundation
import Testing
@testable import DebriefCore

/// debrief's own state file: remembered choices, written atomically and privately, tolerant of
/// anything odd in it, keeping keys it does not know.
@Suite struct DebriefStateTests {
    @Test func locationFollowsXDGThenHome() {
        #expect(DebriefState.path(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]) == "/x/state/debrief/state.yaml")
        #expect(DebriefState.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/debrief/state.yaml")
        #expect(DebriefState.path(environment: [:]) == nil)
    }

    @Test func choicesRoundTripAndUnknownKeysAreKept() throws {
        let root = Fixtures.tempDirectory("state")
        defer { Fixtures.removeTemp(root) }
        let path = root + "/state/debrief/state.yaml"
        #expect(DebriefState.load(path: path) == DebriefState())
        Fixtures.write("# hand\nfuture-key: kept\ncold-days: soon\n", to: path)
        var state = DebriefState.load(path: path)
        #expect(state.coldDays == nil)
        state.coldDays = 45
        state.reflectionFlow = "quick\nevil: yes"
        try state.save(to: path)
        let again = DebriefState.load(path: path)
        #expect(again.coldDays == 45)
        #expect(again.reflectionFlow == "quick evil: yes")
        #expect(again["future-key"] == "kept")
        #expect(again["evil"] == nil)
        var mode = stat()
        #expect(stat(path, &mode) == 0 && mode.st_mode & 0o777 == 0o600)
        state.reflectionFlow = nil
        try state.save(to: path)
        #expect(DebriefState.load(path: path).reflectionFlow == nil)
    }

    @Test func anUnreadableFileIsNoState() {
        let root = Fixtures.tempDirectory("state")
        defer { Fixtures.removeTemp(root) }
        Fixtures.write("", to: root + "/dir/state.yaml/x")
        #expect(DebriefState.load(path: root + "/dir/state.yaml") == DebriefState())
        Fixtures.write("\u{FF}\u{FE}", to: root + "/bad.yaml")
        #expect(DebriefState.load(path: root + "/bad.yaml") == DebriefState())
    }
}
