@testable import DebriefApp
import DebriefCore
import Foundation
import Testing

/// The Tags question stores a tag in its one spelling (docs/FORMAT.md, "Tags"): `@nordwind` typed
/// there is `nordwind` in the file, as import stores it. Failed before: the file held "@nordwind"
/// and `list --tag nordwind` missed it.
@Suite struct ReflectionTagSpellingTests {
    @Test func tagsTypedWithASymbolAreStoredWithout() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.type("Coffee at Nordwind")
        d.tab(to: "tags")
        d.type("@nordwind, #Hiring, swift, @Swift")
        #expect(d.screen.contains("→ #nordwind #Hiring #swift"), "the preview shows what will be stored:\n\(d.screen)")
        d.press(.ctrl("s"))
        d.press(.ctrl("s"))
        let entry = try #require(fx.entries.first)
        #expect(entry.tags == ["nordwind", "Hiring", "swift"])
        let file = try String(contentsOfFile: fx.store.entriesDirectory + "/" + fx.entryFiles[0], encoding: .utf8)
        #expect(file.contains("tags: [nordwind, Hiring, swift]\n"), "\(file)")
    }
}
