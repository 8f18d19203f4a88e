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
        mutating func wrap(_ spans: [Span], first: String, rest: String, collapsingSpaces: Bool = true) {
            var line = Line([Span(first)])
            var used = options.measure(first)
            var empty = true
            for word in Self.words(spans) {
                var gap = word.gap
                if collapsingSpaces, let space = gap.spans.first { gap = Line([Span(" ", space.tone, strong: space.strong)]) }
                let gapWidth = options.measure(gap.text)
                let width = options.measure(word.line.text)
                if !empty, used + gapWidth + width > options.width {
                    lines.append(line)
                    line = Line([Span(rest)])
                    used = options.measure(rest)
                    empty = true
                }
                if !empty {
                    for span in gap.spans { line.append(span) }
                    used += gapWidth
                }
                for span in word.line.spans { line.append(span) }
                used += width
                empty = false
            }
            lines.append(line)
        }

        /// A word of styled text and the spaces written before it, in their own style, so a
        /// coloured `+ ` keeps its colour up to the next word, as it was written.
        struct Word {
            var gap: Line
            var line: Line
        }

        /// The words of `spans`, split at spaces; a word may change style midway.
        static func words(_ spans: [Span]) -> [Word] {
            var words: [Word] = []
            var gap = Line()
            var current = Line()
            for span in spans {
                for character in span.text {
                    if character == " " {
                        if !current.isEmpty {
                            words.append(Word(gap: gap, line: current))
                            gap = Line()
                            current = Line()
                        }
                        gap.append(Span(" ", span.tone, strong: span.strong))
                    } else {
                        current.append(Span(String(character), span.tone, strong: span.strong))
                    }
                }
            }
            if !current.isEmpty { words.append(Word(gap: gap, line: current)) }
            return words
        }
    }
}
