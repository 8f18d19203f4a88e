@testable import DebriefCore
import Testing

/// ``Person/distinct(_:)`` gives everyone once, in the order first named, folded for case and
/// accents, the first level and relation given; the same whether an entry's few people are
/// looked up among the names so far or a week's many through a dictionary.
@Suite struct PersonDistinctTests {
    @Test(arguments: [1, 2, 8, 9, 30])
    func everyoneOnceWithTheFirstLevelAndRelationGiven(count: Int) {
        let names = ["Zoë Brandt", "zoe brandt", "Jonas Berg", "JONAS  BERG", "Ana Li", "Bo Chen", "Ana", "ZOE BRANDT"]
        var people: [Person] = []
        for i in 0..<count {
            let name = names[i % names.count]
            people.append(Person(name: name, level: i % 3 == 0 ? nil : "senior\(i)", relation: i % 2 == 0 ? nil : "new\(i)"))
        }
        // What the rule says, worked out the plain way.
        var expected: [Person] = []
        for person in people {
            if let i = expected.firstIndex(where: { $0.name.folded == person.name.folded }) {
                expected[i].level = expected[i].level ?? person.level
                expected[i].relation = expected[i].relation ?? person.relation
            } else {
                expected.append(person)
            }
        }
        #expect(Person.distinct(people) == expected)
        #expect(Person.distinct(people).count == Set(people.map(\.name.folded)).count)
    }
}
