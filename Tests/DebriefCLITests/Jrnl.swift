import Foundation

/// jrnl 4 itself (from ``PythonVenv/jrnl``), run on a journal file with a config of its own in
/// the test's home: the oracle for debrief's jrnl import and export.
enum Jrnl {
    /// Runs `jrnl --config-file … args…` on `journal`, with jrnl 4's default settings (tag symbols
    /// `#@`) and the given `timeformat`.
    static func run(_ bin: String, journal: String, _ args: [String], home: String,
                    timeFormat: String = "%F %r") throws -> Subprocess.Output {
        let config = home + "/jrnl.yaml"
        try Data("""
        colors: {body: none, date: none, tags: none, title: none}
        default_hour: 9
        default_minute: 0
        editor: ''
        encrypt: false
        highlight: false
        indent_character: '|'
        journals:
          default:
            journal: \(journal)
        linewrap: 79
        tagsymbols: '#@'
        template: false
        timeformat: '\(timeFormat)'
        version: v4.6

        """.utf8).write(to: URL(fileURLWithPath: config))
        return try Subprocess.run(bin + "/jrnl", ["--config-file", config] + args,
                                  environment: ["HOME": home, "PATH": bin + ":/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "Europe/Berlin"])
    }

    /// The entries of `jrnl --format json` output.
    static func entries(_ json: String) throws -> [[String: Any]] {
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return root?["entries"] as? [[String: Any]] ?? []
    }
}
