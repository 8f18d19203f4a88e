import Foundation
@testable import DebriefCore
import Testing

/// ``JSONWriter``, the one maker of JSON text: its layout, its numbers and strings read back by
/// Foundation's parser as what was written, and ``JSONValue/ArrayWriter``'s pieces (written a run
/// of items per core) put together as the whole array.
@Suite struct JSONWriterTests {
    static let nested: JSONValue = .object([
        ("a", .array([.number(1), .string("x"), .null])), ("b", .object([])), ("c", .array([])),
        ("d", .object([("e", .bool(true)), ("f", .bool(false))])),
    ])

    @Test func prettyAndCompactLayout() {
        #expect(Self.nested.rendered(pretty: false) == #"{"a":[1,"x",null],"b":{},"c":[],"d":{"e":true,"f":false}}"#)
        #expect(Self.nested.rendered() == """
            {
              "a": [
                1,
                "x",
                null
              ],
              "b": {},
              "c": [],
              "d": {
                "e": true,
                "f": false
              }
            }
            """)
        #expect(JSONValue.array([]).rendered() == "[]")
        #expect(JSONValue.string("").rendered() == #""""#)
    }

    /// A key is written as quoting it writes: the plain ones copied as they are, every other
    /// (a quote, a backslash, controls, DEL, C1, non-ASCII, U+2028, a key built at run time
    /// rather than a literal) escaped; and Foundation reads every one back as it was.
    @Test func keysAreQuotedAsStringsAre() throws {
        var keys = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        keys += ["", "id", "entry_title", "a\"b", "back\\slash", "tab\there", "caf\u{E9}", "\u{9B}csi", "line\u{2028}end",
                 String(repeating: "long_key_", count: 40), "x\u{7F}", "\u{1F600}"]
        keys.append(String(decoding: Array("built at run time".utf8), as: UTF8.self))
        for key in keys {
            var w = JSONWriter(pretty: false)
            w.object { $0.key(key); $0.number(1) }
            var expected: [UInt8] = Array("{".utf8)
            JSONValue.quote(key, into: &expected)
            expected += Array(":1}".utf8)
            #expect(w.bytes == expected, "\(key.unicodeScalars.map { $0.value })")
            let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Int]
            #expect(parsed == [key: 1], "\(key.unicodeScalars.map { $0.value })")
        }
    }

    /// A time is written as its ``Timestamp/iso`` quoted, made into the bytes: ordinary offsets
    /// either side of UTC, an offset with seconds (local mean time), one of 100 hours or more (the
    /// rare path through `String(format:)`), years before 1 and after 9999; each reads back
    /// but those of 100 hours (which the reader never took).
    @Test func timesAreTheirISOText() throws {
        var rng = SeededGenerator(seed: 47)
        var times: [Timestamp] = [
            Timestamp(seconds: 0, utcOffset: 0), Timestamp(seconds: 1_795_000_000, utcOffset: 3_600),
            Timestamp(seconds: 1_795_000_000, utcOffset: -34_200), Timestamp(seconds: -37_000_000_000, utcOffset: 3_208),
            Timestamp(seconds: 1_795_000_000, utcOffset: 360_000), Timestamp(seconds: 1_795_000_000, utcOffset: -360_061),
            Timestamp(seconds: -70_000_000_000, utcOffset: 0), Timestamp(seconds: 300_000_000_000, utcOffset: 7_200),
        ]
        for _ in 0..<200 {
            times.append(Timestamp(seconds: Int.random(in: -70_000_000_000...300_000_000_000, using: &rng),
                                   utcOffset: Int.random(in: -50_400...50_400, using: &rng)))
        }
        for time in times {
            var w = JSONWriter(pretty: false)
            w.object { $0.field("t", timestamp: time); $0.key("u"); $0.timestamp(time); $0.field("none", timestamp: nil) }
            var expected = JSONWriter(pretty: false)
            expected.object { $0.field("t", time.iso); $0.field("u", time.iso); $0.field("none", nil as String?) }
            #expect(w.bytes == expected.bytes, "\(time.seconds) \(time.utcOffset)")
            var bytes: [UInt8] = []
            time.iso(into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == time.iso)
            // (An offset of 100 hours or more, which no zone has, is written but not read.)
            if (1...9999).contains(time.day.year), abs(time.utcOffset) < 360_000 { #expect(Timestamp(iso: time.iso) == time, "\(time.iso)") }
        }
    }

    /// Numbers in decimal, as `String(n)`, at every length and both ends of `Int`.
    @Test func numbersAreTheirDecimalDigits() {
        var rng = SeededGenerator(seed: 31)
        var values = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for digits in 1...18 { values += [Int.random(in: 0..<Int(pow(10, Double(digits))), using: &rng)] }
        values += values.map { 0 &- $0 }
        for n in values {
            var writer = JSONWriter()
            writer.number(n)
            #expect(writer.text == String(n))
        }
    }

    /// A day written into the bytes is the string of its ``Day/iso`` text, inside and outside
    /// years 0…9999, and null when there is none; pretty and compact.
    @Test func daysAreTheirISOText() throws {
        let days: [Day?] = [Day(iso: "2026-11-27"), Day(iso: "0001-01-01"), Day(iso: "9999-12-31"), Day(ordinal: -800_000),
                            Day(ordinal: 3_000_000), nil]
        for pretty in [true, false] {
            for day in days {
                var writer = JSONWriter(pretty: pretty)
                writer.object { w in w.field("due", day: day) }
                var expected = JSONWriter(pretty: pretty)
                expected.object { w in w.field("due", day?.iso) }
                #expect(writer.text == expected.text, "\(String(describing: day))")
            }
        }
    }

    /// A day's ISO text, written through a pointer (``Day/iso(at:)``), is `String(format:)`'s
    /// over random days of years 1 to 9999, and so is a time's (``Timestamp/iso(at:)``), its
    /// offset with seconds only when it has them.
    @Test func isoDigitsAreFormattedDigits() {
        var rng = SeededGenerator(seed: 53)
        for _ in 0..<2_000 {
            let day = Day(ordinal: Int.random(in: Day(year: 1, month: 1, day: 1)!.ordinal...Day(year: 9999, month: 12, day: 31)!.ordinal,
                                               using: &rng))
            #expect(day.iso == String(format: "%04d-%02d-%02d", day.year, day.month, day.day))
            let offset = Int.random(in: -359_999...359_999, using: &rng)
            let time = Timestamp(seconds: day.ordinal * 86_400 + Int.random(in: 0..<86_400, using: &rng) - offset, utcOffset: offset)
            let off = abs(offset)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", time.day.year, time.day.month, time.day.day,
                                  time.hour, time.minute, time.second, offset < 0 ? "-" : "+", off / 3600, off / 60 % 60)
                + (off % 60 == 0 ? "" : String(format: ":%02d", off % 60))
            #expect(time.iso == expected)
        }
    }

    /// Times past ``Timestamp/iso(at:)``'s reach, a year of other than four digits (before 1 or
    /// after 9999, ``Day/iso(into:)`` then the clock) or an offset of 100 hours or more (all
    /// through `String(format:)`), are `String(format:)`'s too.
    @Test func isoBeyondFourDigitYearsIsFormattedDigits() {
        var rng = SeededGenerator(seed: 59)
        let first = Day(year: 1, month: 1, day: 1)!.ordinal, last = Day(year: 9999, month: 12, day: 31)!.ordinal
        for n in 0..<1_000 {
            let ordinal = n % 2 == 0 ? Int.random(in: (first - 1_000_000)..<first, using: &rng) : Int.random(in: (last + 1)...(last + 1_000_000), using: &rng)
            let offset = n % 4 < 2 ? Int.random(in: -359_999...359_999, using: &rng) : Int.random(in: 360_000...719_999, using: &rng) * (n % 8 < 4 ? 1 : -1)
            let time = Timestamp(seconds: ordinal * 86_400 + Int.random(in: 0..<86_400, using: &rng) - offset, utcOffset: offset)
            let off = abs(offset)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", time.day.year, time.day.month, time.day.day,
                                  time.hour, time.minute, time.second, offset < 0 ? "-" : "+", off / 3600, off / 60 % 60)
                + (off % 60 == 0 ? "" : String(format: ":%02d", off % 60))
            #expect(time.iso == expected, "\(time.seconds) \(time.utcOffset)")
        }
    }

    /// Texts whose every byte is escaped (to six bytes: controls, C1; to two: quotes), long
    /// enough to outgrow the writer's room many times over, among plain ones: Foundation reads
    /// every one back as it was.
    @Test func longEscapedTextsOutgrowTheRoom() throws {
        let texts = [String(repeating: "\u{1}", count: 5_000), String(repeating: "\u{85}", count: 3_000),
                     String(repeating: "\"", count: 4_099), String(repeating: "\u{2028}x", count: 1_000),
                     String(repeating: "plain ", count: 2_000), ""]
        for pretty in [true, false] {
            var writer = JSONWriter(pretty: pretty)
            writer.array { w in for _ in 0..<20 { for text in texts { w.string(text) } } }
            let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String]
            #expect(parsed == Array(repeating: texts, count: 20).flatMap { $0 })
            #expect(writer.text == String(decoding: writer.bytes, as: UTF8.self))
        }
    }

    /// Every JSON special character, every control (NUL included), DEL, C1, U+2028/2029 and
    /// text past ASCII, written and read back by Foundation's parser as the same strings.
    @Test func stringsReadBackAsWritten() throws {
        let controls = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        let texts = controls + ["\"", "\\", "/", "\u{7F}", "\u{80}", "\u{9B}[2J", "\u{9F}", "\u{2028}", "\u{2029}",
                                "é", "e\u{301}", "東京", "😀", "a\u{0}b", "\r\n", "plain text", "",
                                controls.joined() + "\"\\/\u{7F}\u{85}\u{2028}東京😀 and more text after"]
        var writer = JSONWriter(pretty: false)
        writer.object { w in
            for (i, text) in texts.enumerated() { w.field("k\(i)", text) }
            w.field("n", -42)
            w.field("none", nil)
            w.field("list", strings: texts)
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        for (i, text) in texts.enumerated() { #expect(parsed["k\(i)"] as? String == text, "\(String(reflecting: text))") }
        #expect(parsed["n"] as? Int == -42)
        #expect(parsed["none"] is NSNull)
        #expect(parsed["list"] as? [String] == texts)
        // Nothing below U+0020, DEL or C1 is written as it is.
        #expect(!writer.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    /// The parts of an array, in batches of every size around a core's run of items, put
    /// together are the whole array's text.
    @Test func arrayPartsMakeTheWholeArray() {
        let items = (0..<300).map { i -> JSONValue in
            i % 3 == 0 ? .object([("i", .number(i)), ("s", .string("n\n\(i)")), ("e", .array([]))]) : .array([.number(i), .null])
        }
        for batch in [1, 2, 63, 64, 65, 128, 129, 300] {
            var writer = JSONValue.ArrayWriter()
            var text: [UInt8] = []
            for start in stride(from: 0, to: items.count, by: batch) {
                text += writer.part(Array(items[start..<min(start + batch, items.count)])) { $1.value($0) }
            }
            #expect(String(decoding: text, as: UTF8.self) + writer.end() == JSONValue.array(items).rendered(), "batch \(batch)")
        }
        var empty = JSONValue.ArrayWriter()
        #expect(empty.part([JSONValue]()) { $1.value($0) }.isEmpty)
        #expect(empty.end() == "[]")
    }
}
