/// A calendar component (`BEGIN:VEVENT` … `END:VEVENT`) with its properties and the components
/// inside it, as read from a file.
public struct ICalComponent: Sendable, Equatable {
    /// Upper-cased (`VEVENT`).
    public var name: String
    /// The line of its `BEGIN`.
    public var line: Int
    public var properties: [ICalContentLine] = []
    public var children: [ICalComponent] = []

    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// The first property named `name`.
    public func property(_ name: String) -> ICalContentLine? { properties.first { $0.name == name } }

    /// Every property named `name`, in order.
    public func properties(_ name: String) -> [ICalContentLine] { properties.filter { $0.name == name } }

    /// How deep components may nest: a real calendar nests three deep (VCALENDAR, VTIMEZONE,
    /// STANDARD; or VEVENT, VALARM); deeper ones are read as flat, never recursed into.
    public static let maximumDepth = 8

    /// The top-level components of `lines`, and the problems met: an `END` that closes nothing is
    /// skipped, a component left open at the end of the file is closed there, properties outside
    /// any component are skipped.
    public static func tree(_ lines: [ICalContentLine]) -> (components: [ICalComponent], problems: [(line: Int, reason: String)]) {
        var roots: [ICalComponent] = []
        var stack: [ICalComponent] = []
        var problems: [(line: Int, reason: String)] = []
        var skippedDepth = 0
        func close() {
            guard let done = stack.popLast() else { return }
            if stack.isEmpty { roots.append(done) } else { stack[stack.count - 1].children.append(done) }
        }
        for line in lines {
            switch line.name {
            case "BEGIN":
                let name = line.value.uppercased().trimmingBlanks
                if stack.count >= maximumDepth {
                    skippedDepth += 1
                    if skippedDepth == 1 { problems.append((line.line, "components nested deeper than \(maximumDepth); the inner ones are skipped")) }
                    continue
                }
                stack.append(ICalComponent(name: name, line: line.line))
            case "END":
                if skippedDepth > 0 {
                    skippedDepth -= 1
                    continue
                }
                let name = line.value.uppercased().trimmingBlanks
                guard let open = stack.lastIndex(where: { $0.name == name }) else {
                    problems.append((line.line, "END:\(name) closes nothing; skipped"))
                    continue
                }
                while stack.count > open + 1 {
                    problems.append((stack[stack.count - 1].line, "BEGIN:\(stack[stack.count - 1].name) is never closed; read up to line \(line.line)"))
                    close()
                }
                close()
            default:
                if skippedDepth > 0 { continue }
                if stack.isEmpty {
                    problems.append((line.line, "a property outside any component; skipped"))
                } else {
                    stack[stack.count - 1].properties.append(line)
                }
            }
        }
        while let last = stack.last {
            problems.append((last.line, "BEGIN:\(last.name) is never closed; read to the end of the file"))
            close()
        }
        return (roots, problems)
    }
}
