import Foundation
import Testing
import Yams
@testable import DebriefCore

/// The byte-level reader against Yams on corpora written by PyYAML (see `Corpus/make-corpus.py`):
/// every field the fast path accepts reads exactly as Yams reads it, and nearly every file a
/// script writes with `safe_dump` takes the fast path.
@Suite struct ReaderAgreementTests {
    struct Tally {
        var files = 0
        var fastFiles = 0
        var fields = 0
        var fastFields = 0
    }

    /// The files of one corpus: name and bytes.
    static func corpus(_ name: String) throws -> [(String, [UInt8])] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus/\(name)")
        let bytes = try [UInt8](Data(contentsOf: url))
        var files: [(String, [UInt8])] = []
        let marker = Array("%%%% ".utf8)
        var i = 0
        var current: (String, Int)?
        func lineEnd(_ s: Int) -> Int {
            var e = s
            while e < bytes.count, bytes[e] != 10 { e += 1 }
            return min(e + 1, bytes.count)
        }
        while i < bytes.count {
            let e = lineEnd(i)
            if bytes[i..<e].starts(with: marker) {
                if let (name, start) = current { files.append((name, Array(bytes[start..<i]))) }
                current = (String(decoding: bytes[(i + marker.count)..<(e - 1)], as: UTF8.self), e)
            }
            i = e
        }
        if let (name, start) = current { files.append((name, Array(bytes[start..<bytes.count]))) }
        return files
    }

    /// Checks every field of every file; returns how many took the fast path.
    static func check(_ name: String) throws -> Tally {
        var tally = Tally()
        for (file, bytes) in try corpus(name) {
            tally.files += 1
            let split = try bytes.withUnsafeBufferPointer { try FrontMatter.split($0) }
            var allFast = true
            for (field, range) in zip(split.document.fields, split.ranges) {
                tally.fields += 1
                let fast = bytes.withUnsafeBufferPointer { FastFieldReader.value(in: UnsafeBufferPointer(rebasing: $0[range])) }
                guard let fast else {
                    allFast = false
                    continue
                }
                tally.fastFields += 1
                let yams: YAMLValue?
                do {
                    yams = try RoundTripTests.yamsValue(field.raw)
                } catch {
                    Issue.record("\(file): the fast path reads a field Yams rejects (\(error)):\n\(field.raw.debugDescription)")
                    continue
                }
                // The one deliberate difference: Yams drops a leading U+FEFF from a scalar (even one
                // written `"\uFEFF…"`), the fast path keeps the text as written.
                #expect(fast.droppingLeadingBOMs == yams, "\(file): the fast path and Yams disagree on:\n\(field.raw.debugDescription)\nfast: \(fast)\nyams: \(String(describing: yams))")
            }
            if allFast { tally.fastFiles += 1 }
        }
        return tally
    }

    @Test func safeDumpFilesTakeTheFastPathAndAgreeWithYams() throws {
        let tally = try Self.check("safe-dump.txt")
        #expect(tally.files == 1200)
        let share = Double(tally.fastFiles) / Double(tally.files)
        #expect(share >= 0.99, "only \(tally.fastFiles) of \(tally.files) safe_dump files took the fast path")
    }

    @Test func adversarialSafeDumpFilesAgreeWithYams() throws {
        let tally = try Self.check("adversarial.txt")
        #expect(tally.files == 800)
        // Not a target, but a fast path that gave up on everything would agree trivially.
        #expect(tally.fastFields > tally.fields / 2, "\(tally)")
    }

    @Test func handWrittenStylesAgreeWithYams() throws {
        let tally = try Self.check("styles.txt")
        #expect(tally.files == 1000)
        #expect(tally.fastFields > tally.fields / 2, "\(tally)")
    }

    /// Whole files: the codec reads every corpus file to the same entry (or the same problem) with
    /// the fast path as through Yams alone.
    @Test func wholeFilesDecodeTheSameWithoutTheFastPath() throws {
        let codec = Fixtures.codec
        var yamsOnly = Fixtures.codec
        yamsOnly.usesFastPath = false
        for name in ["safe-dump.txt", "adversarial.txt", "styles.txt"] {
            for (file, bytes) in try Self.corpus(name).prefix(300) {
                let fast = Result { try codec.decode(bytes, id: file, path: file) }
                let slow = Result { try yamsOnly.decode(bytes, id: file, path: file) }
                switch (fast, slow) {
                case let (.success(a), .success(b)):
                    let diff = answerDiff(a.answers, b.answers)
                    #expect(diff.isEmpty || diff.unicodeScalars.contains("\u{FEFF}"), "\(file): \(diff)")
                case let (.failure(a), .failure(b)):
                    #expect("\(a)" == "\(b)", "\(file)")
                default:
                    // Only the leading-U+FEFF difference may turn a blank answer into a text.
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(text.contains("\\uFEFF") || text.unicodeScalars.contains("\u{FEFF}"), "\(file): fast \(fast) vs Yams \(slow)")
                }
            }
        }
    }
}

extension YAMLValue {
    /// The value with a leading U+FEFF removed from every scalar, as Yams reads it.
    var droppingLeadingBOMs: YAMLValue {
        switch self {
        case .null: return .null
        case .scalar(let s, let plain):
            return .scalar(s.unicodeScalars.first == "\u{FEFF}" ? String(s.unicodeScalars.dropFirst()) : s, plain: plain)
        case .list(let items): return .list(items.map(\.droppingLeadingBOMs))
        case .map(let pairs): return .map(pairs.map { ($0.0, $0.1.droppingLeadingBOMs) })
        }
    }
}
