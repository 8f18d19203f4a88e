/// One unit from `wget_wch`: a Unicode code point or a curses key code (`KEY_*`).
enum RawInput: Hashable, Sendable {
    case scalar(UInt32)
    case keyCode(Int32)
}
