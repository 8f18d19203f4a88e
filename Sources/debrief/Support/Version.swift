/// The version `debrief --version` prints and `--help` and the man page show in their headers.
/// Raised by hand with each release; the journal's own format has its separate `schema` number.
enum DebriefVersion {
    static let current = "0.9.0"
}
