import Foundation

/// One content line of an iCalendar file (RFC 5545 3.1), unfolded: `NAME;PARAM=value:VALUE`.
///
/// Read tolerantly, the way calendar files are written in practice: CRLF or LF line ends, folds
/// starting with a space or a tab, parameter values quoted or not (RFC 6868's `^n`, `^'` and `^^`
/// read too), names in any case. A line that is not a property (no colon) is skipped and reported.
public struct ICalContentLine: Sendable, Equatable {
    /// The property name, upper-cased (`DTSTART`).
    public var name: String
    /// Parameters in order, names upper-cased, values unquoted (a list parameter keeps its commas
    /// outside quotes as separate values).
    public var parameters: [(name: String, values: [String])]
    /// The raw value after the first colon outside quotes (escapes not yet read).
    public var value: String
    /// The physical line the property starts on (1-based).
    public var line: Int

    public init(name: String, parameters: [(name: String, values: [String])], value: String, line: Int) {
        self.name = name
        self.parameters = parameters
        self.value = value
        self.line = line
    }

    /// The first value of parameter `name` (upper case), if present.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.values.first
    }

    public static func == (a: ICalContentLine, b: ICalContentLine) -> Bool {
        a.name == b.name && a.value == b.value && a.line == b.line
            && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.values) == b.parameters.map(\.values)
    }
}

/// Splits a calendar file's bytes into content lines.
public enum ICalLines {
    /// The unfolded content lines of `bytes` and the lines that could not be read (line, reason).
    ///
    /// Linear in the input whatever its shape: folds are joined into one byte buffer, so a
    /// property folded over a million physical lines costs what its bytes cost.
    public static func read(_ bytes: [UInt8]) -> (lines: [ICalContentLine], problems: [(line: Int, reason: String)]) {
        var lines: [ICalContentLine] = []
        var problems: [(line: Int, reason: String)] = []
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var logical: [UInt8] = []
        var logicalLine = 0
        var physical = 0
        var i = start
        func flush() {
            guard !logical.isEmpty else { return }
            if let parsed = parse(logical, line: logicalLine) {
                lines.append(parsed)
            } else {
                problems.append((logicalLine, "not a calendar property (no `:`); skipped"))
            }
            logical.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            physical += 1
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > i, bytes[stop - 1] == 0x0D { stop -= 1 }
            if stop > i, bytes[i] == 0x20 || bytes[i] == 0x09 {
                // A fold: continues the line before (a fold with nothing before it is dropped).
                if !logical.isEmpty { logical.append(contentsOf: bytes[(i + 1)..<stop]) }
            } else if stop > i {
                flush()
                logical.append(contentsOf: bytes[i..<stop])
                logicalLine = physical
            }
            i = end + 1
        }
        flush()
        return (lines, problems)
    }

    /// `NAME *(";" param) ":" value`, or nil when there is no colon outside quotes or no name.
    static func parse(_ bytes: [UInt8], line: Int) -> ICalContentLine? {
        let colon = UInt8(ascii: ":"), semicolon = UInt8(ascii: ";"), quote = UInt8(ascii: "\""),
            equals = UInt8(ascii: "="), comma = UInt8(ascii: ",")
        var i = 0
        while i < bytes.count, bytes[i] != colon, bytes[i] != semicolon { i += 1 }
        guard i < bytes.count, i > 0 else { return nil }
        let name = upper(bytes[0..<i])
        var parameters: [(name: String, values: [String])] = []
        while i < bytes.count, bytes[i] == semicolon {
            i += 1
            let nameStart = i
            while i < bytes.count, bytes[i] != equals, bytes[i] != colon, bytes[i] != semicolon { i += 1 }
            let paramName = upper(bytes[nameStart..<i])
            var values: [String] = []
            if i < bytes.count, bytes[i] == equals {
                i += 1
                while true {
                    var value: [UInt8] = []
                    if i < bytes.count, bytes[i] == quote {
                        i += 1
                        while i < bytes.count, bytes[i] != quote {
                            value.append(bytes[i])
                            i += 1
                        }
                        if i < bytes.count { i += 1 }
                        // Anything between the closing quote and the next delimiter is kept, as readers do.
                        while i < bytes.count, bytes[i] != comma, bytes[i] != semicolon, bytes[i] != colon {
                            value.append(bytes[i])
                            i += 1
                        }
                    } else {
                        while i < bytes.count, bytes[i] != comma, bytes[i] != semicolon, bytes[i] != colon {
                            value.append(bytes[i])
                            i += 1
                        }
                    }
                    values.append(caretDecoded(value))
                    if i < bytes.count, bytes[i] == comma {
                        i += 1
                        continue
                    }
                    break
                }
            }
            if !paramName.isEmpty { parameters.append((paramName, values)) }
        }
        guard i < bytes.count, bytes[i] == colon else { return nil }
        let value = String(decoding: bytes[(i + 1)...], as: UTF8.self)
        return ICalContentLine(name: name, parameters: parameters, value: value, line: line)
    }

    private static func upper(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
    }

    /// RFC 6868: `^n` a line break, `^'` a double quote, `^^` a caret; any other `^` stays.
    private static func caretDecoded(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "^")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "^"), i + 1 < bytes.count {
                switch bytes[i + 1] {
                case UInt8(ascii: "n"), UInt8(ascii: "N"): out.append(0x0A); i += 2; continue
                case UInt8(ascii: "'"): out.append(UInt8(ascii: "\"")); i += 2; continue
                case UInt8(ascii: "^"): out.append(UInt8(ascii: "^")); i += 2; continue
                default: break
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
