/// A mistake in a catalog file, reported as `file:line: message` like a compiler would.
public struct CatalogProblem: Error, Equatable, Sendable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Every problem found in a set of catalog files.
public struct CatalogProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// One catalog file's text and the name it is reported under.
public struct CatalogFile: Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
