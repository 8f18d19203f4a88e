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

    /// Two runs remembering different choices at once both keep theirs: `update` reads, changes
    /// and writes the file under its lock. Another run holds the lock in the middle of its own
    /// read-change-write (it read the file before ours); ours waits for it (the test gives it a
    /// second to finish early, which only an unlocked update does) and then keeps both choices.
    @Test func anUpdateWaitsForAnotherRunsAndKeepsItsChoice() throws {
        let root = Fixtures.tempDirectory("state-lock")
        defer { Fixtures.removeTemp(root) }
        let path = root + "/state/debrief/state.yaml"
        try DebriefState.update(at: path) { $0.reflectionFlow = "quick" }
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let other = Thread {
            try? FileLock.withLock(path + ".lock") { () throws(StoreError) in
                var state = DebriefState.load(path: path)
                holding.signal()
                release.wait()
                state.coldDays = 30
                try state.save(to: path)
            }
            finished.signal()
        }
        other.start()
        holding.wait()
        let mine = Thread {
            try? DebriefState.update(at: path) { $0.reflectionFlow = "full" }
            finished.signal()
        }
        mine.start()
        let early = finished.wait(timeout: .now() + 1) == .success
        release.signal()
        for _ in 0..<(early ? 1 : 2) { finished.wait() }
        let state = DebriefState.load(path: path)
        #expect(state.coldDays == 30)
        #expect(state.reflectionFlow == "full")
    }
}
