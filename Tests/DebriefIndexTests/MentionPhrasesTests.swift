@testable import DebriefIndex
import GRDB
import Testing

/// The files ``MentionPhrases`` finds for a phrase from FTS5's vocabulary are exactly those
/// FTS5's phrase query finds: across lines, a word inside another, a repeated word, other
/// scripts, capitals and punctuation FTS5's `ascii` tokenizer cuts at, a phrase at the end of
/// the words, and a phrase of no token (asked of FTS5 itself).
@Suite struct MentionPhrasesTests {
    static let words = [
        "lunch with ana li today",
        "dr ana li s team\nzoe brandt joined later",
        "met henrike\nmuller on two lines and anastasia",
        "banana lisbon li li and li",
        "李雷 and 李 雷 met",
        "ana",
        "ana li",
        "o brien said hi to o'brien",
    ]

    static let phrases = ["ana li", "ana", "li li", "henrike muller", "zoe brandt", "李雷", "李 雷", "Ana-Li", "ANA LI",
                          "li", "o brien", "hi", "nobody here", "banana li", "--", "muller on two lines and anastasia"]

    @Test func theVocabularyFindsWhatThePhraseQueryFinds() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try IndexSchema.create(db)
            for (n, text) in Self.words.enumerated() {
                try db.execute(sql: "INSERT INTO mention_words(rowid, words, sum) VALUES (?, ?, 0)", arguments: [n + 1, text])
            }
        }
        try queue.read { db in
            let found = try MentionPhrases.files(db, phrases: Self.phrases)
            for (phrase, files) in zip(Self.phrases, found) {
                let matched = try Int64.fetchAll(db, sql: "SELECT rowid FROM mention_words WHERE mention_words MATCH ?",
                                                 arguments: ["\"" + phrase + "\""])
                #expect(Set(files) == Set(matched), "\(phrase)")
            }
            #expect(Set(found[0]) == [1, 2, 7], "ana li: not in banana lisbon")
        }
    }

    @Test func tokensAreCutAsFTS5sAsciiTokenizerCutsThem() {
        #expect(MentionPhrases.asciiTokens("Ana-Li  o'Brien") == ["ana", "li", "o", "brien"])
        #expect(MentionPhrases.asciiTokens("Zoë Brandt") == ["zoë", "brandt"])
        #expect(MentionPhrases.asciiTokens("李雷,x") == ["李雷", "x"])
        #expect(MentionPhrases.asciiTokens("--").isEmpty)
    }
}
