extension ReviewText {
    /// Builds the review line by line at the options' width. The sections are in
    /// `ReviewText+Sections.swift`; this part only lays text out.
    struct Renderer {
        let options: Options
        var lines: [Line] = []

        init(options: Options) { self.options = options }

        /// Between facts on one line.
        var dot: String { options.unicode ? " · " : ", " }

        /// Runs `add` and marks every line it added as being about `target` (nothing when nil).
        mutating func about(_ target: ReviewText.Target?, _ add: (inout Self) -> Void) {
            let start = lines.count
            add(&self)
            guard let target else { return }
            for i in start..<lines.count { lines[i].target = target }
        }

        /// A blank line; blank lines are added freely before sections and tidied afterwards.
        mutating func blank() { lines.append(Line()) }

        /// Adds a line exactly as written when it fits; a longer one (on a narrow screen) is wrapped
        /// as words, its leading spaces kept on the first row, `hang` starting the others, and the
        /// spaces between words kept as written (so columns such as a sparkline's stay aligned).
        mutating func add(_ spans: Span..., hang: String) {
            let line = Line(spans)
            let text = line.text
            if options.measure(text) <= options.width {
                lines.append(line)
            } else {
                wrap(line.spans, first: String(text.prefix { $0 == " " }), rest: hang, collapsingSpaces: false)
            }
        }

        /// Adds plain `text` wrapped at the width (see ``wrap(_:first:rest:collapsingSpaces:)``).
        mutating func wrap(_ text: String, first: String, rest: String) {
            wrap([Span(text)], first: first, rest: rest)
        }

        /// Adds `spans` wrapped at the width, the first row after `first`, the rest after `rest`.
        ///
        /// Breaks only at spaces; the spaces at a break are dropped, and elsewhere a run of spaces
        /// becomes one unless `collapsingSpaces` is false. A word wider than the row stays whole
        /// rather than being cut (a link must stay copyable); the screen clips it instead.
        ///
        /// Words are slices of the spans' text, measured and appended a run at a time: the review
        /// of a journal with a thousand open follow-ups lays out 200 KB of text, and a styled
        /// line per word, built a character at a time, was a quarter of `debrief review`.
        mutating func wrap(_ spans: [Span], first: String, rest: String, collapsingSpaces: Bool = true) {
            if collapsingSpaces, let line = oneRow(spans, first: first) {
                lines.append(line)
                return
            }
            let (pieces, words) = Self.words(spans)
            func text(_ run: Range<Int>) -> String {
                var out = ""
                for piece in pieces[run] { out += spans[piece.span].text[piece.range] }
                return out
            }
            // `joined` is `text(run)`, built already to measure it: a run of one piece (most words)
            // is appended as that string rather than built again.
            func add(_ run: Range<Int>, joined: String, to line: inout Line) {
                if run.count == 1 {
                    let span = spans[pieces[run.lowerBound].span]
                    line.append(Span(joined, span.tone, strong: span.strong))
                    return
                }
                for piece in pieces[run] {
                    let span = spans[piece.span]
                    line.append(Span(String(span.text[piece.range]), span.tone, strong: span.strong))
                }
            }
            var line = Line([Span(first)])
            var used = options.measure(first)
            var empty = true
            for word in words {
                let gap = collapsingSpaces ? (word.gap.isEmpty ? "" : " ") : text(word.gap)
                let gapWidth = options.measure(gap)
                let body = text(word.body)
                let width = options.measure(body)
                if !empty, used + gapWidth + width > options.width {
                    lines.append(line)
                    line = Line([Span(rest)])
                    used = options.measure(rest)
                    empty = true
                }
                if !empty {
                    if !collapsingSpaces {
                        add(word.gap, joined: gap, to: &line)
                    } else if let space = word.gap.first.map({ spans[pieces[$0].span] }) {
                        line.append(Span(" ", space.tone, strong: space.strong))
                    }
                    used += gapWidth
                }
                add(word.body, joined: body, to: &line)
                used += width
                empty = false
            }
            lines.append(line)
        }

        /// The row `wrap` makes of `spans` when they fit on one and have nothing to collapse, else
        /// nil: a review's follow-ups are thousands of short lines, and splitting each into words
        /// to measure them one by one was most of its layout.
        ///
        /// The words' row is the text as written when every space is a single U+0020 that is a
        /// character of its own in the joined text (``isSpace(_:at:)``: then it is one in its span
        /// too, and a width measured per character adds up across it) and nothing leads or trails:
        /// no gap collapses, no space is dropped, and the words fit exactly when the whole text does.
        func oneRow(_ spans: [Span], first: String) -> Line? {
            var text = ""
            for span in spans { text += span.text }
            let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard let head = bytes.first, let tail = bytes.last else { return true }
                if head == 0x20 || tail == 0x20 { return false }
                for i in bytes.indices.dropFirst().dropLast() where bytes[i] == 0x20 {
                    guard bytes[i - 1] != 0x20, bytes[i + 1] != 0x20, Self.isSpace(bytes, at: i) else { return false }
                }
                return true
            }
            guard plain == true, options.measure(first) + options.measure(text) <= options.width else { return nil }
            return Line([Span(first)] + spans)
        }

        /// A run of one span's text: all spaces, or none.
        struct Piece {
            var span: Int
            var range: Range<String.Index>
        }

        /// A word and the spaces written before it (its gap), as ranges of ``Piece``s: each piece
        /// keeps its span's style, so a coloured `+ ` keeps its colour up to the next word, as it
        /// was written, and a word may change style midway.
        struct Word {
            var gap: Range<Int>
            var body: Range<Int>
        }

        /// The words of `spans`, split at spaces: characters that are exactly U+0020 (a space
        /// carrying a combining mark belongs to its word). Spaces after the last word are dropped.
        static func words(_ spans: [Span]) -> (pieces: [Piece], words: [Word]) {
            var pieces: [Piece] = []
            var words: [Word] = []
            var gapStart = 0
            var bodyStart: Int?
            var runs: [(start: Int, end: Int, spaces: Bool)] = []
            for (index, span) in spans.enumerated() {
                var bytes = span.text
                runs.removeAll(keepingCapacity: true)
                bytes.withUTF8 { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let spaces = isSpace(bytes, at: offset)
                        var next = offset + 1
                        while next < bytes.count, isSpace(bytes, at: next) == spaces { next += 1 }
                        runs.append((offset, next, spaces))
                        offset = next
                    }
                }
                let utf8 = span.text.utf8
                for run in runs {
                    if run.spaces, let body = bodyStart {
                        words.append(Word(gap: gapStart..<body, body: body..<pieces.count))
                        gapStart = pieces.count
                        bodyStart = nil
                    } else if !run.spaces, bodyStart == nil {
                        bodyStart = pieces.count
                    }
                    let start = utf8.index(utf8.startIndex, offsetBy: run.start)
                    pieces.append(Piece(span: index, range: start..<utf8.index(start, offsetBy: run.end - run.start)))
                }
            }
            if let body = bodyStart { words.append(Word(gap: gapStart..<body, body: body..<pieces.count)) }
            return (pieces, words)
        }

        /// Whether the byte at `offset` is a space that is a character of its own, as iterating the
        /// text's characters finds it, without iterating them: a space joins the character before
        /// it only after a prepended mark, and the one after it only before a combining mark, a
        /// spacing mark or a zero-width joiner (Unicode's grapheme rules GB9–GB9b; no other rule
        /// joins a space), and neither is ever ASCII. So only a space next to non-ASCII text is
        /// checked, by whether it and that neighbour make two characters.
        private static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
            guard bytes[offset] == 0x20 else { return false }
            if offset > 0, bytes[offset - 1] >= 0x80 {
                var lead = offset - 1
                while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[lead..<offset]), as: UTF8.self)
                guard (before + " ").count == 2 else { return false }
            }
            if offset + 1 < bytes.count, bytes[offset + 1] >= 0x80 {
                var end = offset + 2
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let after = String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<end]), as: UTF8.self)
                guard (" " + after).count == 2 else { return false }
            }
            return true
        }
    }
}
