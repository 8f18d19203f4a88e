import ArgumentParser
import DebriefCore

/// One value a shell may offer on Tab, with what it is (shown by zsh and fish beside it).
///
/// Values come from the journal (people, tags, entry ids), the catalog (kinds) or, later, the
/// calendar: text anyone could have written, so they are data for the shell, never code. A
/// value holding a control character (a newline, a tab, an escape) is never offered: no shell
/// can insert it as one word, and bash, zsh and fish would each read it as something else (two
/// candidates, a description, a terminal sequence). Every other character is left to the shell's
/// own quoting when the value is inserted (`Zed\ \$\(touch\ x\)`).
struct CompletionCandidate: Hashable, Sendable {
    var value: String
    var description: String?

    init(_ value: String, description: String? = nil) {
        self.value = value
        self.description = description
    }

    /// Whether the value can be offered at all (see the type's comment).
    var isOfferable: Bool {
        !value.isEmpty && !value.unicodeScalars.contains(where: Self.isControl)
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value)
    }

    /// The lines debrief prints for `shell`'s completion function, one candidate a line:
    /// - bash: the value alone (bash shows no descriptions); the script reads the lines into an
    ///   array with `mapfile` (``CompletionScript``).
    /// - zsh: `value:description` for `_describe`, with `\` and `:` in the value escaped so a
    ///   name like `Ana: Li` stays whole.
    /// - fish: `value<TAB>description`.
    /// Without a known shell (a direct call), the value alone.
    static func lines(_ candidates: [CompletionCandidate], for shell: CompletionShell?) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.isOfferable && seen.insert($0.value).inserted }.map { c in
            let about = c.description.map(Self.oneLine).flatMap { $0.isEmpty ? nil : $0 }
            switch shell {
            case .zsh?:
                let name = c.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
                return about.map { name + ":" + $0 } ?? name
            case .fish?:
                return about.map { c.value + "\t" + $0 } ?? c.value
            default:
                return c.value
            }
        }
    }

    /// A description on one line: controls shown visibly (``TerminalSafe``), newlines and tabs as spaces.
    static func oneLine(_ text: String) -> String {
        TerminalSafe.text(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }
}

/// What a shell asks for when Tab is pressed on a journal value: the command line as typed, the
/// word being completed, and what was typed of it so far with the shell's quoting removed.
struct CompletionRequest: Sendable {
    /// The words of the command line, as the shell split them (quotes and backslashes kept).
    var words: [String]
    /// Which of `words` is being completed.
    var index: Int
    /// The typed part of that word, unquoted: `'Zoë B` and `Zoë\ B` are both `Zoë B`.
    var typed: String
    /// The shell asking (from argument-parser's `SAP_SHELL`), nil when called directly.
    var shell: CompletionShell?

    init(words: [String], index: Int, prefix: String, shell: CompletionShell? = CompletionShell.requesting) {
        self.words = words
        self.index = index
        self.shell = shell
        // fish hands over its tokens already unquoted; bash and zsh give them as typed.
        typed = shell == .fish ? prefix : Self.unquoted(prefix)
    }

    /// A word of the command line without its quoting (fish's words have none left).
    func unquote(_ word: String) -> String {
        shell == .fish ? word : Self.unquoted(word)
    }

    /// A word as typed with its shell quoting taken off, as far as it goes (the word may stop
    /// inside quotes): `\x` is `x`, `'…'` is literal, `"…"` keeps all but `\` before `$`, `` ` ``,
    /// `"`, `\` and a newline. Nothing is expanded: `$(…)` stays text.
    static func unquoted(_ word: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for c in word {
            if escaped {
                if quote == "\"", !"$`\"\\\n".contains(c) { out.append("\\") }
                out.append(c)
                escaped = false
                continue
            }
            switch (quote, c) {
            case (nil, "\\"), ("\"", "\\"): escaped = true
            case (nil, "'"), (nil, "\""): quote = c
            case ("'", "'"), ("\"", "\""): quote = nil
            default: out.append(c)
            }
        }
        return out
    }

    /// The words before the one being completed that are neither options nor the values of the
    /// options in `valued`, unquoted: `debrief --journal ~/j done 2026-11-24 <Tab>` gives
    /// `["done", "2026-11-24"]`.
    func positionals(valued: Set<String>) -> [String] {
        var out: [String] = []
        var i = 1
        while i < min(index, words.count) {
            let word = words[i]
            if valued.contains(word) {
                i += 2
                continue
            }
            if !word.hasPrefix("-") { out.append(unquote(word)) }
            i += 1
        }
        return out
    }
}
