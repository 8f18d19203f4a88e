import Testing
@testable import DebriefCore

/// The line-level view of a list field that one-follow-up edits patch.
@Suite("Row block")
struct RowBlockTests {
    @Test("Layouts it does not patch give nil, so the caller re-encodes the field", arguments: [
        "follow-ups: []\n",
        "follow-ups: [{who: A, action: a}]\n",
        "follow-ups:\n  - Send the link\n",
        "follow-ups:\n  - {who: A, action: a}\n",
        "follow-ups:\n\t- who: A\n\t  action: a\n",
        "follow-ups:\n  - who: A\n   action: a\n",
        "follow-ups:\n  - \"who\": A\n    action: a\n",
    ])
    func unpatchable(raw: String) {
        #expect(RowBlock(raw: raw) == nil)
    }

    @Test("Rows and keys: multi-line values, a dash alone on its line, comments between rows")
    func cuts() throws {
        let raw = """
        follow-ups:   # what I promised
          - who: Ana
            action: |
              Send the link
              and the slides
            due: 2026-11-27
          # an aside
          -
            who: Ben
            action: Thank him

        """
        let block = try #require(RowBlock(raw: raw))
        #expect(block.rows.count == 2)
        #expect(block.rows[0].keys.map(\.key) == ["who", "action", "due"])
        #expect(block.rows[0].keys[1].end - block.rows[0].keys[1].start == 3)
        #expect(block.rows[1].keyColumn == 4 && block.rows[1].keys.map(\.key) == ["who", "action"])
        #expect(block.text == raw)
    }

    @Test("set replaces a one-line value in place and a multi-line one with one line; inserts after the anchor")
    func set() throws {
        var ok = false
        var block = try #require(RowBlock(raw: "follow-ups:\n  - who: Ana\n    due: >-\n      2026-11-27\n    action: a\n"))
        ok = block.set("due", of: 0, to: "2026-12-01", after: ["action", "who"])
        #expect(ok)
        #expect(block.text == "follow-ups:\n  - who: Ana\n    due: 2026-12-01\n    action: a\n")
        ok = block.set("done", of: 0, to: "2026-11-30", after: ["due"])
        #expect(ok)
        #expect(block.text == "follow-ups:\n  - who: Ana\n    due: 2026-12-01\n    done: 2026-11-30\n    action: a\n")
        ok = block.set("postponed", of: 0, to: "1", after: ["first-due"])
        #expect(ok)
        #expect(block.text == "follow-ups:\n  - who: Ana\n    due: 2026-12-01\n    done: 2026-11-30\n    action: a\n    postponed: 1\n")
        ok = block.set("due", of: 3, to: "2026-12-01", after: [])
        #expect(!ok)
    }

    @Test("remove takes the key's lines; the only key of a row cannot go")
    func remove() throws {
        var ok = false
        var block = try #require(RowBlock(raw: "follow-ups:\r\n- done: 2026-11-25\r\n  action: a\r\n- action: b\r\n"))
        ok = block.remove("done", of: 0)
        #expect(ok)
        #expect(block.text == "follow-ups:\r\n- action: a\r\n- action: b\r\n")
        ok = block.remove("action", of: 1)
        #expect(!ok)
        ok = block.remove("missing", of: 1)
        #expect(ok)
        #expect(block.text == "follow-ups:\r\n- action: a\r\n- action: b\r\n")
    }
}
