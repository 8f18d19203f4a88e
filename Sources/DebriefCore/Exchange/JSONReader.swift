/// A JSON value with the line it starts on, so an import can say which entry of a file is wrong.
///
/// Imports read JSON with this small reader rather than Yams because JSON written by Python
/// (jrnl's export) escapes every character outside ASCII, emoji as surrogate pairs
/// (`"\ud83d\udc4b"`), which YAML's `\u` escapes do not allow; and rather than Foundation's
/// `JSONSerialization` because that one forgets where each value was.
public struct JSONNode: Sendable {
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number as written, so `40` stays `40` and a type is chosen by the catalog.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([(key: String, value: JSONNode)])
    }

    public var value: Value
    /// 1-based line of the value's first character.
    public var line: Int

    /// The value of `key` in an object, or nil.
    public subscript(_ key: String) -> JSONNode? {
        guard case .object(let pairs) = value else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The value as one canonical text, for hashing: object keys sorted, no white space, each
    /// string and number prefixed by its length so no two values give the same text. Equal for
    /// the same JSON written with other spacing or key order.
    var canonical: String {
        switch value {
        case .null: return "n"
        case .bool(let b): return b ? "t" : "f"
        case .number(let n): return "#\(n.utf8.count):" + n
        case .string(let s): return "\"\(s.utf8.count):" + s
        case .array(let items): return "[" + items.map(\.canonical).joined() + "]"
        case .object(let pairs):
            return "{" + pairs.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .map { "\($0.key.utf8.count):" + $0.key + $0.value.canonical }.joined() + "}"
        }
    }

    /// The value as entries read answers: strings as quoted scalars, numbers and booleans as
    /// plain ones, so the catalog decides the type as it does for a front-matter value.
    var yamlValue: YAMLValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .scalar(b ? "true" : "false", plain: true)
        case .number(let n): return .scalar(n, plain: true)
        case .string(let s): return .scalar(s, plain: false)
        case .array(let items): return .list(items.map(\.yamlValue))
        case .object(let pairs): return .map(pairs.map { ($0.key, $0.value.yamlValue) })
        }
    }
}

/// Reads JSON (RFC 8259) into ``JSONNode``s, reporting the line of the first problem.
public enum JSONReader {
    public static func parse(_ text: String) throws(YAMLProblem) -> JSONNode {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipSpace()
        let node = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.at >= reader.bytes.count else { throw reader.problem("unexpected text after the JSON value") }
        return node
    }

    /// Nesting deeper than this is refused rather than risking the stack.
    static let maxDepth = 200

    private struct Reader {
        let bytes: [UInt8]
        var at = 0
        var line = 1

        func problem(_ message: String) -> YAMLProblem { YAMLProblem(line: line, message: "invalid JSON: " + message) }

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x0A: line += 1; at += 1
                case 0x20, 0x09, 0x0D: at += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(YAMLProblem) -> JSONNode {
            guard depth < JSONReader.maxDepth else { throw problem("nested more than \(JSONReader.maxDepth) levels") }
            guard at < bytes.count else { throw problem("the text ends where a value should be") }
            let start = line
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var pairs: [(key: String, value: JSONNode)] = []
                var keyLines: [String: Int] = [:]
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return JSONNode(value: .object(pairs), line: start) }
                while true {
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw problem("expected a \"key\" in an object") }
                    let keyLine = line
                    let key = try string()
                    // RFC 8259 leaves duplicate names to the reader; taking the last would lose
                    // the first value without a word.
                    if let first = keyLines[key] {
                        throw YAMLProblem(line: keyLine, message: "invalid JSON: the key \"\(key)\" is given twice in one object (first on line \(first))")
                    }
                    keyLines[key] = keyLine
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw problem("expected ':' after the key \"\(key)\"") }
                    at += 1
                    skipSpace()
                    pairs.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard at < bytes.count else { throw problem("the text ends inside an object") }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if bytes[at] == UInt8(ascii: "}") { at += 1; return JSONNode(value: .object(pairs), line: start) }
                    throw problem("expected ',' or '}' in an object")
                }
            case UInt8(ascii: "["):
                at += 1
                var items: [JSONNode] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return JSONNode(value: .array(items), line: start) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard at < bytes.count else { throw problem("the text ends inside an array") }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if bytes[at] == UInt8(ascii: "]") { at += 1; return JSONNode(value: .array(items), line: start) }
                    throw problem("expected ',' or ']' in an array")
                }
            case UInt8(ascii: "\""):
                return JSONNode(value: .string(try string()), line: start)
            case UInt8(ascii: "t"): try word("true"); return JSONNode(value: .bool(true), line: start)
            case UInt8(ascii: "f"): try word("false"); return JSONNode(value: .bool(false), line: start)
            case UInt8(ascii: "n"): try word("null"); return JSONNode(value: .null, line: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return JSONNode(value: .number(try number()), line: start)
            default:
                throw problem("unexpected character '\(String(decoding: [bytes[at]], as: UTF8.self))'")
            }
        }

        mutating func word(_ w: String) throws(YAMLProblem) {
            let u = Array(w.utf8)
            guard at + u.count <= bytes.count, Array(bytes[at..<(at + u.count)]) == u else { throw problem("expected \(w)") }
            at += u.count
        }

        mutating func number() throws(YAMLProblem) -> String {
            let start = at
            func digits() -> Int {
                let s = at
                while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 { at += 1 }
                return at - s
            }
            if bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw problem("a number needs digits") }
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
                at += 1
                guard digits() > 0 else { throw problem("a number needs digits after '.'") }
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
                at += 1
                if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
                guard digits() > 0 else { throw problem("a number needs digits in its exponent") }
            }
            return String(decoding: bytes[start..<at], as: UTF8.self)
        }

        mutating func string() throws(YAMLProblem) -> String {
            at += 1
            var out: [UInt8] = []
            while true {
                guard at < bytes.count else { throw problem("the text ends inside a string") }
                let b = bytes[at]
                switch b {
                case UInt8(ascii: "\""):
                    at += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at + 1 < bytes.count else { throw problem("the text ends inside a string") }
                    let e = bytes[at + 1]
                    at += 2
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                                throw problem("a \\u escape starts a surrogate pair that does not continue")
                            }
                            at += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw problem("a surrogate pair with a bad second half") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw problem("a \\u escape for half a surrogate pair")
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw problem("a \\u escape that is not a character") }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default:
                        throw problem("unknown escape '\\\(String(decoding: [e], as: UTF8.self))' in a string")
                    }
                case 0x0A:
                    throw problem("a line break inside a string (write it as \\n)")
                case 0x00..<0x20:
                    throw problem("a control character inside a string")
                default:
                    out.append(b)
                    at += 1
                }
            }
        }

        mutating func hex4() throws(YAMLProblem) -> UInt32 {
            let isHex: (UInt8) -> Bool = { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }
            guard at + 4 <= bytes.count, bytes[at..<(at + 4)].allSatisfy(isHex),
                  let v = UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16) else {
                throw problem("a \\u escape needs four hex digits")
            }
            at += 4
            return v
        }
    }
}
