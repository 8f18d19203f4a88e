import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program the way a shell runs a command typed at the prompt: in debrief's own process
/// group, which is the terminal's foreground group, with the signals debrief ignores for the
/// moment set back to their defaults. An interactive editor must be in the foreground group to
/// read the keyboard and set the terminal's modes; Foundation's `Process` starts its child in a
/// process group of its own (a background group for the terminal), where vi exits with status 1
/// at once and nano cannot read a key.
enum ForegroundProcess {
    enum Outcome: Equatable {
        /// The program's exit status, or 128 plus the signal that ended it, as shells report it.
        case finished(Int32)
        /// The program could not be started; the reason, for a message.
        case notStarted(String)
    }

    /// Runs `path` with `arguments` (the first is the program's name) and the current
    /// environment, and waits for it.
    static func run(_ path: String, arguments: [String]) -> Outcome {
        var attributes = posix_spawnattr_t()
        guard posix_spawnattr_init(&attributes) == 0 else { return .notStarted("cannot prepare to start it") }
        defer { posix_spawnattr_destroy(&attributes) }
        // Ignored dispositions survive exec: debrief ignores SIGINT/SIGQUIT while a child owns the
        // terminal (Ctrl-C is the editor's then) and SIGXFSZ always; the child starts with the
        // defaults and no blocked signals, as it would from a shell.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGXFSZ, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&defaults, signal) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, nil, &attributes, argv, envp)
        guard spawned == 0 else { return .notStarted(String(cString: strerror(spawned))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .notStarted(String(cString: strerror(errno))) }
        }
        // WIFEXITED/WEXITSTATUS are macros Swift cannot import; their glibc definitions.
        let signal = status & 0x7f
        return .finished(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
    }
}
