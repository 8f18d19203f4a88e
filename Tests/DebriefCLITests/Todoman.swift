import Foundation

/// todoman run on a vdir the way a user runs it, from the test's venv (``PythonVenv/todoman``):
/// its config file (`config.py`) in the runner's own `XDG_CONFIG_HOME`, its cache in the runner's
/// cache folder, never the real home; the clock todoman stamps `COMPLETED` and `LAST-MODIFIED`
/// with fixed by freezegun, so the test knows the day it writes.
struct Todoman {
    let bin: String
    let debrief: BinaryRunner

    /// nil (the test then says it is skipped) when todoman cannot be installed.
    init?(_ debrief: BinaryRunner, folder: String) throws {
        guard let bin = PythonVenv.todoman else { return nil }
        self.bin = bin
        self.debrief = debrief
        try debrief.write("""
        path = "\(folder)"
        cache_path = "\(debrief.home)/.cache/todoman/cache.sqlite"
        date_format = "%Y-%m-%d"
        time_format = "%H:%M"
        default_list = "\((folder as NSString).lastPathComponent)"

        """, to: debrief.config + "/todoman/config.py")
    }

    /// `todo args…` at the instant `at` (ISO 8601, UTC); its stdout, stderr and status.
    func run(_ args: [String], at instant: String = "2026-11-26T08:30:00Z", env: [String: String] = [:]) throws -> Subprocess.Output {
        let shim = "import sys; from freezegun import freeze_time; freeze_time(sys.argv.pop(1)).start(); "
            + "from todoman.cli import cli; sys.argv[0] = 'todo'; cli()"
        let environment = debrief.baseEnvironment.merging(env) { $1 }.filter { !$0.value.isEmpty }
        return try Subprocess.run(bin + "/python", ["-c", shim, instant] + args, environment: environment, stdin: "",
                                  directory: debrief.root, timeout: 60)
    }

    /// todoman's id for the to-do whose summary is `summary` (from `todo --porcelain list`).
    func id(of summary: String) throws -> Int? {
        let r = try run(["--porcelain", "list", "--status", "ANY"])
        guard r.status == 0, let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] else { return nil }
        return list.first { $0["summary"] as? String == summary }?["id"] as? Int
    }
}
