import GRDB

/// The files whose stored words (`mention_words`) hold a phrase: its tokens at consecutive
/// positions, what FTS5's phrase query (`MATCH '"ana garcia"'`) finds, read from the FTS5
/// vocabulary of the same index (`mention_vocab`, every instance of a token: file and position)
/// once per distinct token instead of once per phrase. `debrief people` asks for every known
/// spelling: at 10,000 entries 400 phrase queries cost 75 M instructions, nearly all of it
/// FTS5's work per query; their 46 distinct words are found in a tenth of that.
enum MentionPhrases {
    /// A token's place: the file (the row of `mention_words`) and its position among the words.
    private struct Place: Hashable {
        var file: Int64
        var position: Int
    }

    /// Per phrase (in the order given), the files holding it (one may come twice). A phrase
    /// FTS5's tokenizer makes nothing of is asked of FTS5 itself, so the answer is always the
    /// phrase query's.
    static func files(_ db: Database, phrases: [String]) throws -> [[Int64]] {
        var ids: [String: Int] = [:]
        var tokens: [[Int]] = []
        tokens.reserveCapacity(phrases.count)
        for phrase in phrases {
            tokens.append(asciiTokens(phrase).map { token in
                if let id = ids[token] { return id }
                ids[token] = ids.count
                return ids.count - 1
            })
        }
        // Every instance of every token, and which token stands at each place.
        var places = [[Place]](repeating: [], count: ids.count)
        var at: [Place: Int] = [:]
        let instances = try db.cachedStatement(sql: "SELECT doc, \"offset\" FROM mention_vocab WHERE term = ?")
        for (token, id) in ids {
            let rows = try Row.fetchCursor(instances, arguments: [token])
            while let row = try rows.next() {
                let place = Place(file: row[0], position: row[1])
                places[id].append(place)
                at[place] = id
            }
        }
        // Phrases by their first token: each instance of it is looked at once, with the token
        // after it, for every phrase it may start.
        var byFirst: [Int: [Int]] = [:]
        for (n, phrase) in tokens.enumerated() where !phrase.isEmpty { byFirst[phrase[0], default: []].append(n) }
        var out = [[Int64]](repeating: [], count: phrases.count)
        for (first, starting) in byFirst {
            for place in places[first] {
                let next = at[Place(file: place.file, position: place.position + 1)]
                for n in starting where out[n].last != place.file {
                    let phrase = tokens[n]
                    guard phrase.count == 1 || (phrase[1] == next && phrase.indices.dropFirst(2).allSatisfy { j in
                        at[Place(file: place.file, position: place.position + j)] == phrase[j]
                    }) else { continue }
                    out[n].append(place.file)
                }
            }
        }
        // A phrase of no token is FTS5's to judge.
        let match = try db.cachedStatement(sql: "SELECT rowid FROM mention_words WHERE mention_words MATCH ?")
        for (n, phrase) in tokens.enumerated() where phrase.isEmpty {
            out[n] = try Int64.fetchAll(match, arguments: ["\"" + phrases[n].replacingOccurrences(of: "\"", with: "\"\"") + "\""])
        }
        return out
    }

    /// How FTS5's `ascii` tokenizer (`mention_words`' own) cuts `text`: a token is a run of ASCII
    /// letters and digits and of non-ASCII bytes, its ASCII letters lowercased; every other ASCII
    /// byte separates.
    static func asciiTokens(_ text: String) -> [String] {
        var out: [String] = []
        var token: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): token.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: token.append(byte)
            default:
                if !token.isEmpty { out.append(String(decoding: token, as: UTF8.self)) }
                token.removeAll(keepingCapacity: true)
            }
        }
        if !token.isEmpty { out.append(String(decoding: token, as: UTF8.self)) }
        return out
    }
}
