import Foundation
import Testing

/// One spelling for a tag (docs/FORMAT.md, "Tags"): however a tag was typed or written, it is
/// the word without `@` or `#`, found by `list --tag`, exported to jrnl with one `@`, and a file
/// that holds `"@nordwind"` keeps its `tags` line until that answer itself is saved.
@Suite struct TagSpellingCLITests {
    /// `add` stores `@nordwind` and `#hiring` as `nordwind` and `hiring` (failed before: the file
    /// held "@nordwind" and `list --tag nordwind` found nothing).
    @Test func addStoresTheOneSpelling() throws {
        let debrief = try BinaryRunner()
        let added = try debrief.add("title: Nordwind call\ndate: 2026-11-24 10:00\ntags: ['@nordwind', '#hiring', Nordwind]\n")
        let file = try String(contentsOfFile: added.path, encoding: .utf8)
        #expect(file.contains("tags: [nordwind, hiring]\n"), "\(file)")
        let list = try BinaryRunner.objects(try debrief.run(["list", "--tag", "nordwind", "--format", "json"]).stdout)
        #expect(list.map { $0["title"] as? String }.contains("Nordwind call"))
    }

    /// A file written with `"@nordwind"` (by hand, or by the reflection before this change) is
    /// read as `nordwind`: `list --tag nordwind` finds it, the jrnl export writes `@nordwind` (it
    /// wrote `@@nordwind`), and a `done` on one of its follow-ups leaves the tags line as it was.
    @Test func anOldFileIsReadInTheOneSpellingAndItsLineKept() throws {
        let debrief = try BinaryRunner()
        let text = """
        ---
        schema: 1
        id: 2026-11-24-1000-nordwind-call
        created: 2026-11-24T10:00:00+01:00
        updated: 2026-11-24T10:00:00+01:00
        title: Nordwind call
        date: 2026-11-24T10:00:00+01:00
        follow-ups:
          - who: Henrike
            action: Send the deck
            due: 2026-11-27
        tags: ["@nordwind", "#hiring"]
        ---

        """
        let path = try debrief.write(text, to: debrief.journal + "/entries/2026/11/2026-11-24-1000-nordwind-call.md")
        for env in [[:], ["DEBRIEF_INDEX": "off"]] {
            let list = try BinaryRunner.objects(try debrief.run(["list", "--tag", "nordwind", "--format", "json"], env: env).stdout)
            #expect(list.map { $0["tags"] as? [String] } == [["nordwind", "hiring"]], "\(env)")
        }
        let jrnl = try debrief.run(["export", "--format", "jrnl"])
        #expect(jrnl.stdout.contains("@nordwind"))
        #expect(!jrnl.stdout.contains("@@"), "\(jrnl.stdout)")
        #expect(!jrnl.stdout.contains("@#hiring"), "\(jrnl.stdout)")
        #expect(try debrief.run(["done", "2026-11-24-1000", "1", "--on", "2026-11-25"]).status == 0)
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after.contains("tags: [\"@nordwind\", \"#hiring\"]\n"), "the tags line is not rewritten by another answer's save:\n\(after)")
        #expect(after.contains("    done: 2026-11-25\n"))
    }
}
