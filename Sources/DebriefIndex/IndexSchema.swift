import DebriefCore
import Foundation
import GRDB

/// The index's tables: facts read from the files, never verdicts (pitfalls depend on the day
/// and on the user's catalog, so they are judged when asked), but for `week_tallies`, a memo of
/// the evaluator's counts keyed by the day, the catalog and everything else they depend on.
///
/// - `files`: every entry file as indexed, by path relative to the journal: its stat signature,
///   when it was read (for the racy rule), the fingerprint of its bytes, and the problem when it
///   could not be read.
/// - `entries`: per readable file its id, event day, time and UTC offset, kind, title, flow, and
///   `blob_sum`, the checksum of the whole entry as an ``EntryBlob``, which `blobs` holds apart: a
///   pass over `entries` (every query checks its rows' sums) then reads 10,000 short rows instead
///   of 100 MB of blobs.
/// - `people`, `follow_ups`, `tags`: the rows queries narrow by, with folded names. `follow_ups`
///   holds every field of a follow-up the tracker shows and `people` every field of a listed
///   person (`email` only for `doctor` so far), so `debrief followups` and `debrief people` are
///   answered from these rows and `entries`' columns without rebuilding an entry
///   (``FollowUpFacts``, ``PeopleFacts``); `tags.words` is a tag's words joined
///   (``MentionFinder/tagWords(_:)``), how an imported note's tag names someone.
/// - `mention_words`: an FTS5 table (the `ascii` tokenizer: a token is a run of anything but ASCII
///   punctuation and spaces) over each entry's folded words line by line
///   (``MentionFinder/foldedWords(of:)``), rowid the file's id: a phrase query for a known name's
///   words finds the entries that may mention them, and only those are rebuilt for `people`.
///   `mention_vocab`, FTS5's vocabulary of it (`instance`: each token's file and position), holds
///   no rows of its own: it reads the same inverted index, so the phrases of every known name are
///   found from their few distinct words, not by a query per phrase (``MentionPhrases``).
/// - `review_facts`: per readable entry what the weekly review reads of it, and nothing else
///   (``ReviewFacts``: the answers the catalog's pitfall conditions read, the title, date, people,
///   follow-ups, creation time, flow and event key) as an ``EntryBlob`` of the reduced entry, so
///   `debrief review` judges the journal through the one evaluator without rebuilding every entry
///   whole. The blob is one of the columns its row's `sum` covers.
/// - `search`: each entry's folded search text (rowid the file's id), which `list --search` finds
///   any part of a word in (`rike` finds Henrike) with `debrief_contains` (``IndexRow``): a scan,
///   not an index, on purpose. Every text query checks every row's sum (a changed text must not
///   rule its entry out), which reads all of the text anyway, so finding the words in the same
///   bytes, in the same pass (``IndexQuery/text(_:_:)``), adds little; an FTS5 trigram index over the same 18 MB at 10,000 entries made half the
///   SQLite work of a cold build (2.7 s CPU of 5.7) and a third of the database.
/// - `calendar_files`, `calendar_events`: the configured calendars' files (signature, what they
///   are, how many events they hold, the span `lo`…`hi` their events' instances lie in, their
///   zones as JSON with `zones_sum`) and events (the facts
///   as compact bytes, ``CalendarEvent/compact``, with `event_sum`, and the instants their
///   instances lie between), kept by
///   `CalendarCache.swift`; paths are absolute, as calendars live outside the journal.
/// - `week_tallies`: the one table of verdicts, a memo: per week what the weekly review counted
///   (``WeekTally``), under a key made of all the count depends on (the reflections' `blob_sum`s,
///   the catalog, the day judged as of, the running program), so a review judges again only the
///   weeks whose key changed (``WeekTallyRows``). Checked by its own reads, row by row, as its rows
///   are weeks, not files; a row that does not match is judged again, never trusted.
///
/// The rule every table follows, this one and those added later (the calendar's events, mentions):
/// each row has a `sum` column, ``IndexRow/sum(_:)`` of ALL its other columns in the order
/// ``IndexRow`` lists them (a blob through its own checksum column), text stored through
/// ``IndexRow/text(_:)``; a query narrows by a table only after ``IndexRow/damaged(_:tables:)``
/// found every row of it right, and `doctor` compares the stored columns with the ones computed
/// from the files (``EntryFacts``). A new table adds its ``IndexRow/Table`` and its columns there.
/// FTS5's own inverted index, which no row sum covers, is checked by `doctor` (`integrity-check`).
enum IndexSchema {
    /// Bumped when the meaning of a column changes while its SQL stays the same; an index of
    /// another version is rebuilt. A change to the tables themselves needs no bump: the index
    /// records ``fingerprint`` (a hash of ``sql``) and is rebuilt when it differs, so the schema
    /// can grow table by table without two changes ever sharing a number.
    /// 3: `blob_sum`, `event_sum` and `zones_sum` by ``checksum(_:)`` eight bytes at a time.
    static let version = 3

    /// The page size of a new index's database (see `JournalIndex.open`).
    static let pageSize = 16_384

    /// How many pages the index's connection caches: 2 MB of 16 KB pages, SQLite's default
    /// budget (see `JournalIndex.open`). Warm reads with a 2 MB cache ran the same instructions
    /// as with the 7.7 MB SQLite kept by mistake (`people`, `review --weeks 52`,
    /// `list --format json` within 0.1 % at 10,000 entries, `doctor` 1.7 % fewer).
    static let cachePages = 128

    /// A hash of the tables' SQL and the version, stored in `meta` as `schema`.
    static let fingerprint = String(Fingerprint(of: "\(version)\n\(sql)".utf8).hash, radix: 16)

    /// Every table and index of the database.
    static let sql = """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE files(
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                size INTEGER NOT NULL, mtime INTEGER NOT NULL, ctime INTEGER NOT NULL, inode INTEGER NOT NULL,
                checked INTEGER NOT NULL,
                hash INTEGER NOT NULL, length INTEGER NOT NULL,
                problem_line INTEGER, problem TEXT,
                sum INTEGER NOT NULL);
            CREATE TABLE entries(
                file INTEGER PRIMARY KEY,
                id TEXT NOT NULL, day INTEGER NOT NULL, time INTEGER NOT NULL, utc_offset INTEGER NOT NULL,
                kind TEXT NOT NULL, title TEXT NOT NULL, flow TEXT,
                blob_sum INTEGER NOT NULL, sum INTEGER NOT NULL);
            CREATE INDEX entries_day ON entries(day);
            CREATE TABLE blobs(file INTEGER PRIMARY KEY, blob BLOB NOT NULL);
            CREATE TABLE people(file INTEGER NOT NULL, name TEXT NOT NULL, folded TEXT NOT NULL,
                level TEXT, relation TEXT, note TEXT, email TEXT, sum INTEGER NOT NULL);
            CREATE INDEX people_file ON people(file);
            CREATE TABLE follow_ups(file INTEGER NOT NULL, n INTEGER NOT NULL, who TEXT NOT NULL, who_folded TEXT NOT NULL,
                action TEXT NOT NULL, due INTEGER, done INTEGER, first_due INTEGER, postponed INTEGER NOT NULL,
                sum INTEGER NOT NULL);
            CREATE INDEX follow_ups_file ON follow_ups(file);
            CREATE TABLE tags(file INTEGER NOT NULL, tag TEXT NOT NULL, folded TEXT NOT NULL, words TEXT NOT NULL, sum INTEGER NOT NULL);
            CREATE INDEX tags_file ON tags(file);
            CREATE TABLE review_facts(file INTEGER PRIMARY KEY, facts BLOB NOT NULL, sum INTEGER NOT NULL);
            CREATE TABLE search(file INTEGER PRIMARY KEY, text TEXT NOT NULL, sum INTEGER NOT NULL);
            CREATE VIRTUAL TABLE mention_words USING fts5(words, sum UNINDEXED, tokenize = 'ascii');
            CREATE VIRTUAL TABLE mention_vocab USING fts5vocab(mention_words, instance);
            CREATE TABLE calendar_files(
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                size INTEGER NOT NULL, mtime INTEGER NOT NULL, ctime INTEGER NOT NULL, inode INTEGER NOT NULL,
                checked INTEGER NOT NULL,
                kind INTEGER NOT NULL, problem TEXT, events INTEGER NOT NULL, zones_sum INTEGER NOT NULL,
                lo INTEGER NOT NULL, hi INTEGER NOT NULL, zones BLOB NOT NULL, sum INTEGER NOT NULL);
            CREATE TABLE calendar_events(file INTEGER NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
                event_sum INTEGER NOT NULL, event BLOB NOT NULL /* CalendarEvent.compact \(CalendarEvent.compactVersion) */,
                sum INTEGER NOT NULL);
            CREATE INDEX calendar_events_file ON calendar_events(file);
            CREATE TABLE week_tallies(week INTEGER PRIMARY KEY, key INTEGER NOT NULL, counts TEXT NOT NULL, sum INTEGER NOT NULL);
            CREATE INDEX calendar_events_lo ON calendar_events(lo);
            """

    static func create(_ db: Database) throws {
        try db.execute(sql: sql + "\nPRAGMA user_version = \(version);")
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('schema', ?)", arguments: [fingerprint])
    }

    /// A blob's checksum as a signed 64-bit integer for SQLite (`blob_sum`, the calendar's
    /// `event_sum` and `zones_sum`): a blob damaged inside its row makes its file be read again
    /// instead of trusted. The rows' own step (``RowSum``: FNV-1a over eight bytes at a time,
    /// after the length), so a change inside one word always changes the sum, as a changed byte
    /// did byte by byte. Byte by byte, each multiply waiting on the one before, it was 8 % of
    /// `list --format json`'s time at 100,000 entries, every blob summed as it is rebuilt (issue 23).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        var sum = RowSum()
        sum.blob(bytes)
        return sum.value
    }

    static func checksum(_ bytes: some ContiguousBytes) -> Int64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// What decoding depends on besides a file's bytes: the catalog's prompts (which keys are
    /// answers and of what type), the zone for hand-written times, how answers are read
    /// (``EntryCodec/readingRevision``), the blob layout, what the stored search text holds
    /// (``EntryQuery/searchTextRevision``) and the stored words (``MentionFinder/wordsRevision``). An index
    /// built under another key is rebuilt.
    static func decoderKey(_ codec: EntryCodec) -> String {
        var text = "blob \(EntryBlob.version) schema \(EntryCodec.schemaVersion) reading \(EntryCodec.readingRevision) search \(EntryQuery.searchTextRevision) words \(MentionFinder.wordsRevision) tz \(codec.timeZone.identifier)\n"
        // Which answers `review_facts` keeps follows the catalog's pitfalls.
        text += "review \(ReviewFacts.promptIDs(codec.catalog).joined(separator: " "))\n"
        for p in codec.catalog.prompts {
            text += "\(p.id) \(p.type) \(p.isBody) \(p.options) \(p.levels) \(p.relations)\n"
        }
        return String(Fingerprint(of: text.utf8).hash, radix: 16)
    }
}
