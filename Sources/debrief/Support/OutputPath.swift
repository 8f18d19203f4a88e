/// What `--output` names. `-` is stdout, as `debrief import` reads `-` as stdin, so a script can
/// pass `--output -` through without a file named `-` appearing in its working directory.
enum OutputPath {
    /// The file `--output` asks for, or nil for stdout (no option, or `-`).
    static func file(_ option: String?) -> String? {
        option == "-" ? nil : option
    }
}
