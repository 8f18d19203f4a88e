import DebriefCore
@testable import DebriefIndex
import Foundation
import GRDB
import Testing

/// The blobs' checksum (`blob_sum`, `event_sum`, `zones_sum`), summed eight bytes at a time since
/// schema version 3 (issue 23): any one byte changed, a byte more or less, is a different sum, the
/// same bytes give the same sum however they are held, and an index of the version before, whose
/// sums were made byte by byte, is built again rather than read.
@Suite struct BlobChecksumTests {
    @Test func everyChangedByteChangesTheSum() {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 200] {
            let blob = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let sum = IndexSchema.checksum(blob)
            #expect(IndexSchema.checksum(Data(blob)) == sum)
            #expect(blob.withUnsafeBytes { IndexSchema.checksum($0) } == sum)
            for i in blob.indices {
                for flip: UInt8 in [0x01, 0x80, 0xFF] {
                    var changed = blob
                    changed[i] ^= flip
                    #expect(IndexSchema.checksum(changed) != sum, "length \(length), byte \(i) ^ \(flip)")
                }
            }
            #expect(IndexSchema.checksum(blob + [0]) != sum, "length \(length), a zero byte more")
            if length > 0 { #expect(IndexSchema.checksum(blob.dropLast()) != sum, "length \(length), a byte less") }
        }
    }

    @Test func anIndexOfTheVersionBeforeIsBuiltAgain() throws {
        let f = IndexFixture("blob-checksum", racyMargin: 0)
        JournalIndexTests.seed(f, count: 12)
        let files = IndexFixture.describe(f.plain.loadAll())
        #expect(IndexFixture.describe(f.indexed.loadAll()) == files, "cold")
        try f.damage("PRAGMA user_version = \(IndexSchema.version - 1)")
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.loadAll()) == files, "the version before")
        #expect(f.index.lastRefresh.read == 12, "every file read again: \(f.index.lastRefresh)")
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.loadAll()) == files, "warm")
        #expect(f.index.lastRefresh.read == 0 && f.index.lastRefresh.rebuilt == 12, "rebuilt from the new sums: \(f.index.lastRefresh)")
    }
}
