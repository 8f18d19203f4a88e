import CNcursesw
import DebriefUI
#if canImport(Glibc)
import Glibc
#endif

extension Terminal {
    /// Waits for the next event.
    ///
    /// Reads in slices of at most ``pollInterval`` ms so pending signals are reported promptly
    /// as ``TerminalEvent/signal(_:)``. Returns ``TerminalEvent/tick`` when `timeout` passes
    /// with no input; `nil` waits until something happens.
    public func nextEvent(timeout: Duration? = .milliseconds(200)) -> TerminalEvent {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        while true {
            if let signal = Terminal.takePendingSignal() { return .signal(signal) }
            if !pendingKeys.isEmpty { return .key(pendingKeys.removeFirst()) }
            var slice = Terminal.pollInterval
            if let deadline {
                let left = clock.now.duration(to: deadline)
                if left <= .zero { return .tick }
                slice = min(slice, max(1, milliseconds(left)))
            }
            let started = clock.now
            guard let raw = readRaw(timeoutMilliseconds: slice) else {
                // A read that fails at once, again and again, means the terminal is gone (its
                // window closed without a SIGHUP reaching us): treat it as a hangup instead of
                // spinning on a dead descriptor.
                if slice > 1, started.duration(to: clock.now) < .milliseconds(1) {
                    instantFailures += 1
                    if instantFailures >= Terminal.lostTerminalThreshold { return .signal(SIGHUP) }
                } else {
                    instantFailures = 0
                }
                continue
            }
            instantFailures = 0
            if let event = decode(raw) { return event }
        }
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// One unit of input, from the look-ahead queue or from curses; `nil` on timeout.
    func readRaw(timeoutMilliseconds: Int) -> RawInput? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        wtimeout(window, Int32(timeoutMilliseconds))
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == KEY_CODE_YES { return .keyCode(Int32(bitPattern: value)) }
        if result == OK { return .scalar(UInt32(value)) }
        return nil
    }

    private func decode(_ raw: RawInput) -> TerminalEvent? {
        switch raw {
        case .keyCode(let code):
            if code == KEY_RESIZE {
                width = Int(getmaxx(window))
                height = Int(getmaxy(window))
                needsClear = true
                return .resize(width: width, height: height)
            }
            return Terminal.key(forCode: code).map(TerminalEvent.key)
        case .scalar(27):
            return .key(decodeEscape())
        case .scalar(let value) where value < 32 || value == 127:
            if value == 10 { return .key(.ctrl("j")) }
            return EscapeSequence.key(control: value).map(TerminalEvent.key)
        case .scalar(let value):
            return decodeText(startingWith: value)
        }
    }

    /// curses key codes (under `keypad`) to keys.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// Text arrives one code point per read; a burst (typing fast, tmux send-keys, an IME) is
    /// collected first so grapheme clusters like 👍🏽 or e + U+0301 become one `Character`.
    private func decodeText(startingWith first: UInt32) -> TerminalEvent? {
        var scalars = String.UnicodeScalarView()
        if let scalar = Unicode.Scalar(first) { scalars.append(scalar) }
        while let next = readRaw(timeoutMilliseconds: 0) {
            guard case .scalar(let value) = next, value >= 32, value != 127,
                  let scalar = Unicode.Scalar(value) else {
                pushedBack.insert(next, at: 0)
                break
            }
            scalars.append(scalar)
        }
        pendingKeys.append(contentsOf: String(scalars).map(Key.char))
        guard !pendingKeys.isEmpty else { return nil }
        return .key(pendingKeys.removeFirst())
    }

    /// After ESC: a CSI or SS3 sequence curses did not decode, a bracketed paste, Alt+char,
    /// or a lone Esc (nothing follows within the escape delay).
    private func decodeEscape() -> Key {
        guard let next = readRaw(timeoutMilliseconds: 10) else { return .escape }
        switch next {
        case .scalar(91): // "["
            return decodeCSI() ?? .escape
        case .scalar(79): // "O"
            guard case .scalar(let value)? = readRaw(timeoutMilliseconds: 10),
                  let scalar = Unicode.Scalar(value) else { return .escape }
            return EscapeSequence.key(ss3: Character(scalar)) ?? .escape
        case .scalar(let value) where value >= 32 && value != 127:
            guard let scalar = Unicode.Scalar(value) else { return .escape }
            return .alt(Character(scalar))
        default:
            pushedBack.insert(next, at: 0)
            return .escape
        }
    }

    private func decodeCSI() -> Key? {
        var parameters = ""
        for _ in 0..<32 {
            guard case .scalar(let value)? = readRaw(timeoutMilliseconds: 50),
                  let scalar = Unicode.Scalar(value) else { return nil }
            if (0x40...0x7E).contains(value) {
                let final = Character(scalar)
                if final == "~" && parameters == EscapeSequence.pasteStart {
                    return .paste(readPaste())
                }
                return EscapeSequence.key(csi: parameters, final: final)
            }
            parameters.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Collects a bracketed paste up to `ESC [201~`. Gives up (returning what arrived) if the
    /// terminal stops sending for a second, so a lost end marker cannot hang the app.
    private func readPaste() -> String {
        let endMarker: [UInt32] = [27, 91, 50, 48, 49, 126] // ESC [ 2 0 1 ~
        var scalars: [UInt32] = []
        while let next = readRaw(timeoutMilliseconds: 1000) {
            guard case .scalar(let value) = next else { continue }
            scalars.append(value)
            if scalars.count >= endMarker.count, Array(scalars.suffix(endMarker.count)) == endMarker {
                scalars.removeLast(endMarker.count)
                break
            }
        }
        var text = String.UnicodeScalarView()
        for value in scalars {
            if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        }
        return String(text)
    }
}
