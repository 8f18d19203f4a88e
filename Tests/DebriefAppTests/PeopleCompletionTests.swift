@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// The names `debrief new` completes come from the people index: merged like `debrief people`.
@Suite struct PeopleCompletionTests {
    @Test func knownPeopleAreMergedInTheirLatestSpellingMostMetFirst() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        try f.add("Server-side Swift day", day: "2026-10-05", people: [Person(name: "zoe  brandt"), Person(name: "Bo Chen")])
        try f.add("Older", day: "2026-09-01", people: [Person(name: "ZOË BRANDT"), Person(name: "Ana Li")])
        let names = ReflectionSetup.knownPeople(in: f.store.loadAll().entries)
        // Zoë three times, Ana twice, Bo once; each name once, as last written.
        #expect(names.map(\.name) == ["Zoë Brandt", "Ana Li", "Bo Chen"])
    }

    @Test func tabCompletesIgnoringCaseAndAccents() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(knownPeople: ["Zoë Brandt", "Ana Li"], prefill: ["title": .text("T")]))
        d.tab(to: "people")
        d.type("zoe")
        d.press(.tab)
        #expect(d.screen.contains("Zoë Brandt"))
        #expect(d.screen.contains("[existing]"))
    }
}
