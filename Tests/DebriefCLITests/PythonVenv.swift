import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Python virtual environment with packages from PyPI, for checking debrief's output with the
/// real tools people use (jrnl reading an export, the `icalendar` parser reading a calendar).
///
/// Made once per machine under the temp folder (`debrief-test-venvs/<name>`), guarded by a file
/// lock so parallel test runs neither build it twice nor use it half-built; pip's cache lives
/// beside it, never in the real home. Nil when Python or the package cannot be installed (no
/// network, no `venv` module): the tests that need it are then skipped, saying why.
enum PythonVenv {
    /// jrnl 4, whose `jrnl` command reads a journal file.
    static let jrnl: String? = make("jrnl", packages: ["jrnl>=4,<5"], check: "jrnl")
    /// The `icalendar` package (RFC 5545 parser).
    static let icalendar: String? = make("icalendar", packages: ["icalendar>=5"], check: "python")
    /// todoman 4 (the `todo` command, a to-do list on a vdir) with freezegun, which fixes the
    /// clock todoman stamps `COMPLETED` with (``Todoman``).
    static let todoman: String? = make("todoman", packages: ["todoman>=4,<5", "freezegun"], check: "todo")

    /// The venv's `bin` folder, made if need be.
    static func make(_ name: String, packages: [String], check: String) -> String? {
        let base = NSTemporaryDirectory() + "debrief-test-venvs"
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let dir = base + "/" + name
        let bin = dir + "/bin"
        let marker = dir + "/.debrief-ready"
        let lock = open(base + "/" + name + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { return nil }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(lock, LOCK_UN) }
        if FileManager.default.fileExists(atPath: marker), FileManager.default.isExecutableFile(atPath: bin + "/" + check) {
            return bin
        }
        try? FileManager.default.removeItem(atPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["PIP_CACHE_DIR"] = base + "/pip-cache"
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        guard let venv = try? Subprocess.run("/usr/bin/env", ["python3", "-m", "venv", dir], environment: env), venv.status == 0,
              let pip = try? Subprocess.run(bin + "/python", ["-m", "pip", "install", "--quiet"] + packages, environment: env),
              pip.status == 0,
              FileManager.default.isExecutableFile(atPath: bin + "/" + check) else {
            try? FileManager.default.removeItem(atPath: dir)
            return nil
        }
        FileManager.default.createFile(atPath: marker, contents: nil)
        return bin
    }
}
