extension ReviewText {
    /// Builds the review line by line at the options' width. The sections are in
    /// `ReviewText+Sections.swift`; this part only lays text out.
    struct Renderer {
        let options: Options
        var lines: [Line] = []

        init(options: Options) { self.options = options }

        /// Between facts on one line.
        var dot: String { options.unicode ? " · " : ", " }

        /// A blank line; blank lines are added freely before sections and tidied afterwards.
        mutating func blank() { lines.append(Line()) }

        /// Adds a line exactly as written when it fits; a longer one (on a narrow screen) is wrapped
        /// as words, its leading spaces kept on the first row and `hang` starting the others.
        mutating func add(_ spans: Span..., hang: String) {
            let line = Line(spans)
            let text = line.text
            if options.measure(text) <= options.width {
                lines.append(line)
            } else {
                wrap(line.spans, first: String(text.prefix { $0 == " " }), rest: hang)
            }
        }

        /// Adds plain `text` wrapped at the width (see ``wrap(_:first:rest:)-([Span],_,_)``).
        mutating func wrap(_ text: String, first: String, rest: String) {
            wrap([Span(text)], first: first, rest: rest)
        }

        /// Adds `spans` wrapped at the width, the first row after `first`, the rest after `rest`.
        ///
        /// Breaks only at spaces, and runs of spaces become one. A word wider than the row stays
        /// whole rather than being cut (a link must stay copyable); the screen clips it instead.
        mutating func wrap(_ spans: [Span], first: String, rest: String) {
            var line = Line([Span(first)])
            var used = options.measure(first)
            var empty = true
            var gap = Span(" ")
            for word in Self.words(spans) {
                let width = options.measure(word.line.text)
                if !empty, used + 1 + width > options.width {
                    lines.append(line)
                    line = Line([Span(rest)])
                    used = options.measure(rest)
                    empty = true
                }
                if !empty {
                    line.append(gap)
                    used += 1
                }
                for span in word.line.spans { line.append(span) }
                used += width
                empty = false
                gap = word.space
            }
            lines.append(line)
        }

        /// A word of styled text and the style of the space that followed it, so a coloured
        /// `+ ` keeps its colour up to the next word, as it was written.
        struct Word {
            var line: Line
            var space: Span
        }

        /// The words of `spans`, split at spaces; a word may change style midway.
        static func words(_ spans: [Span]) -> [Word] {
            var words: [Word] = []
            var current = Line()
            for span in spans {
                var run = ""
                for character in span.text {
                    guard character == " " else {
                        run.append(character)
                        continue
                    }
                    current.append(Span(run, span.tone, strong: span.strong))
                    run = ""
                    if !current.isEmpty {
                        words.append(Word(line: current, space: Span(" ", span.tone, strong: span.strong)))
                        current = Line()
                    }
                }
                current.append(Span(run, span.tone, strong: span.strong))
            }
            if !current.isEmpty { words.append(Word(line: current, space: Span(" "))) }
            return words
        }
    }
}
