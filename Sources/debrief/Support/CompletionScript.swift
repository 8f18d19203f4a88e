import ArgumentParser

/// The completion scripts `debrief --generate-completion-script bash|zsh|fish` prints: the ones
/// swift-argument-parser generates from the command definitions (commands, options, flags stay
/// in step with the code), with the part that handles journal values replaced by debrief's own.
///
/// Why: argument-parser's bash script hands the candidates of a custom completion to
/// `compgen -W "$(…)"`, and `compgen -W` expands its word list, so a person named
/// `Zed $(touch /tmp/x)` in a synced journal ran that command on `--person Z<Tab>`. Here every
/// custom completion's candidates reach the shell as data:
/// - bash: read line by line into `COMPREPLY` (never through `compgen`), each quoted with
///   `printf %q` (or, inside a quote the user opened, by bash's filename quoting);
/// - zsh: split into an array by lines and given to `_describe` (which quotes on insertion), with
///   `:` escaped by debrief (``CompletionCandidate``) and `-U`, since debrief already matched them
///   (inside an opened quote, matched by zsh ignoring case);
/// - fish: argument-parser's own command substitution, which fish splits by lines and never
///   evaluates again.
///
/// The rewrite is checked: when argument-parser's script no longer has the shape it replaces
/// (another version), no script is printed at all rather than an unsafe one (exit 70).
enum CompletionScript {
    /// The shell `arguments` ask a script for (`--generate-completion-script bash`, `=bash`, or
    /// the login shell when no name follows), nil when they ask for something else.
    static func request(_ arguments: [String]) -> CompletionShell?? {
        let flag = "--generate-completion-script"
        for (i, word) in arguments.enumerated() {
            if word.hasPrefix(flag + "=") { return .some(CompletionShell(rawValue: String(word.dropFirst(flag.count + 1)))) }
            if word == flag {
                if i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") { return .some(CompletionShell(rawValue: arguments[i + 1])) }
                return .some(CompletionShell.autodetected())
            }
        }
        return nil
    }

    struct Unrecognised: Error, CustomStringConvertible {
        var shell: String
        var description: String {
            "cannot make the \(shell) completion script safe: swift-argument-parser's script is not the one debrief was built to rewrite; "
                + "nothing was printed"
        }
    }

    /// The script for `shell`, rewritten as described above.
    static func script(for shell: CompletionShell) throws -> String {
        let generated = Debrief.completionScript(for: shell)
        switch shell {
        case .bash: return try bash(generated)
        case .zsh: return try zsh(generated)
        default: return try fish(generated)
        }
    }

    // MARK: - bash

    static let bashFunction = """
        # debrief's own: the candidates debrief prints for a value from the journal (entry ids, people,
        # tags, kinds, follow-up numbers), one a line, already matched against the word being completed
        # ignoring case and accents. They reach COMPREPLY as data, read line by line: never through
        # `compgen -W`, which would run $( ) and backticks in a name and expand its globs. Inside a quote
        # the user opened, bash's filename quoting fits a value to that quote; otherwise each value is
        # quoted here (printf %q), since bash's own backslash quoting leaves `$(…)` half-quoted.
        __debrief_journal_candidates() {
            local candidate quoted
            case "${COMP_WORDS[COMP_CWORD]}" in
            \\'*|\\"*)
                while IFS='' read -r candidate; do
                    COMPREPLY+=("${candidate}")
                done < <(__debrief_custom_complete "${@}" 2>/dev/null)
                ;;
            *)
                compopt +o filenames 2>/dev/null
                while IFS='' read -r candidate; do
                    printf -v quoted %q "${candidate}"
                    COMPREPLY+=("${quoted}")
                done < <(__debrief_custom_complete "${@}" 2>/dev/null)
                ;;
            esac
        }

        """

    static func bash(_ generated: String) throws -> String {
        let call = "__debrief_add_completions -W \"$(__debrief_custom_complete "
        var replaced = 0
        var lines: [String] = []
        for line in generated.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix { $0 == " " }
            let body = line.dropFirst(indent.count)
            if body.hasPrefix(call), body.hasSuffix(")\"") {
                lines.append(indent + "__debrief_journal_candidates " + body.dropFirst(call.count).dropLast(2))
                replaced += 1
            } else if body.hasPrefix("complete ") && body.hasSuffix(" debrief") {
                lines.append(bashFunction + line)
            } else {
                lines.append(line)
            }
        }
        let script = lines.joined(separator: "\n")
        // Every custom completion goes through the function, and nothing else reaches compgen from the journal.
        guard replaced > 0, script.contains("__debrief_journal_candidates() {"), !script.contains("-W \"$("),
              script.components(separatedBy: "__debrief_custom_complete ").count == 3 else {
            throw Unrecognised(shell: "bash")
        }
        return script
    }

    // MARK: - zsh

    static let zshFunction = """
        # debrief's own: the candidates debrief prints for a value from the journal, one a line as
        # `value:description` (`:` and `\\` in the value escaped by debrief), already matched against the
        # word ignoring case and accents, so zsh adds them without matching again (-U); inside a quote
        # the user opened, where -U would drop the quote, zsh matches them ignoring case. The last line
        # is argument-parser's placeholder. Split into an array, never evaluated. History expansion is on
        # while they are added, so zsh quotes a `!` as well (argument-parser's function turns it off, and
        # a bare `!!` from a name would be expanded when the line runs).
        __debrief_custom_complete() {
            setopt localoptions banghist
            local -a candidates
            candidates=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}" 2>/dev/null)"}")
            candidates=("${(@)candidates[1,-2]}")
            (( ${#candidates} )) || return 1
            if [[ -z ${compstate[quote]} ]]; then
                _describe -V debrief candidates -U
            else
                _describe -V debrief candidates -M 'm:{[:lower:]}={[:upper:]}'
            fi
        }
        """

    static func zsh(_ generated: String) throws -> String {
        guard let start = generated.range(of: "__debrief_custom_complete() {\n"),
              let end = generated.range(of: "\n}\n", range: start.upperBound..<generated.endIndex) else {
            throw Unrecognised(shell: "zsh")
        }
        let old = generated[start.lowerBound..<end.upperBound]
        guard old.contains("__debrief_complete") else { throw Unrecognised(shell: "zsh") }
        return generated.replacingCharacters(in: start.lowerBound..<end.upperBound, with: zshFunction + "\n")
    }

    // MARK: - fish

    /// fish's script is argument-parser's as it is: `complete -a '(…)'` splits the command's output
    /// into candidates (a tab starts the description) without evaluating them. Checked, so a
    /// version that changes this is noticed.
    static func fish(_ generated: String) throws -> String {
        guard generated.contains("-fka '(__debrief_custom_completion ---completion"),
              generated.contains("command $tokens[1] $argv $tokens") else {
            throw Unrecognised(shell: "fish")
        }
        return generated
    }
}
