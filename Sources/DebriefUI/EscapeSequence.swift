/// Decodes the escape sequences that curses leaves undecoded (it only knows those in terminfo).
///
/// tmux and other terminals send Home/End/F-keys in several dialects (`ESC [1~`, `ESC [H`,
/// `ESC OH`); keeping the table here, as pure functions, lets it be tested without a terminal.
public enum EscapeSequence {
    /// Bracketed paste start (`ESC [200~`) and end (`ESC [201~`) parameters.
    public static let pasteStart = "200"
    public static let pasteEnd = "201"

    /// The key for `ESC [ parameters final`, or `nil` for sequences with no meaning here.
    /// Modifier parameters (`1;5A` for Ctrl-Up) are ignored: the plain key is reported.
    public static func key(csi parameters: String, final: Character) -> Key? {
        let first = parameters.split(separator: ";").first.flatMap { Int($0) }
        switch final {
        case "Z": return .backTab
        case "~":
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case let n? where (11...15).contains(n): return .function(n - 10)
            case let n? where (17...21).contains(n): return .function(n - 11)
            case 23: return .function(11)
            case 24: return .function(12)
            default: return nil
            }
        default:
            return letterKey(final)
        }
    }

    /// The key for `ESC O final` (SS3, sent by terminals in application-cursor mode).
    public static func key(ss3 final: Character) -> Key? {
        final == "M" ? .enter : letterKey(final)
    }

    /// The final letters CSI and SS3 sequences share: arrows, Home/End and F1–F4.
    private static func letterKey(_ final: Character) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        default: return nil
        }
    }

    /// The key for a single control byte (0–31, 127), following what terminals send under
    /// raw mode with `nonl()`: 13 is Enter and 10 is Ctrl-J, so the two can be bound apart.
    /// Returns `nil` for ESC (which needs look-ahead) and for bytes with no key (NUL, 28–31).
    public static func key(control byte: UInt32) -> Key? {
        switch byte {
        case 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26:
            guard let scalar = Unicode.Scalar(byte + 96) else { return nil }
            return .ctrl(Character(scalar))
        default: return nil
        }
    }
}
