import DebriefTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program the way a shell with job control runs a command typed at the prompt: in a
/// process group of its own made the terminal's foreground group before it starts (glibc's
/// `posix_spawn_file_actions_addtcsetpgrp_np`), with the signals debrief ignores for the moment
/// set back to their defaults, and the terminal taken back when it ends. An interactive editor
/// must be in the foreground group to read the keyboard and set the terminal's modes;
/// Foundation's `Process` starts its child in a group of its own but leaves it in the
/// background, where vi exits with status 1 at once and nano cannot read a key. Without a
/// controlling terminal (or that call) the program runs in debrief's own group instead.
///
/// A SIGTERM or SIGHUP debrief receives while it waits is passed on to the program's group (then
/// SIGCONT, should it be stopped); a program still running two seconds later is killed, so
/// debrief handles the signal at once (saves the draft, restores the terminal, exits) instead of
/// waiting for the editor to be closed by hand.
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

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var flags = Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        #if canImport(Glibc)
        // Only when debrief is the terminal's foreground group, so the terminal is its to hand on.
        var tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        if tty >= 0, tcgetpgrp(tty) != getpgrp() || !Terminal.spawnInForeground(&actions, terminal: tty) {
            close(tty)
            tty = -1
        }
        if tty >= 0 {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= Int16(POSIX_SPAWN_SETPGROUP)
        }
        defer { if tty >= 0 { close(tty) } }
        #else
        let tty: Int32 = -1
        #endif
        posix_spawnattr_setflags(&attributes, flags)
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { return .notStarted(String(cString: strerror(spawned))) }
        let status = wait(for: pid, ownGroup: tty >= 0)
        if tty >= 0 { takeTerminalBack(tty) }
        guard let status else { return .notStarted(String(cString: strerror(errno))) }
        // WIFEXITED/WEXITSTATUS are macros Swift cannot import; their glibc definitions.
        let signal = status & 0x7f
        return .finished(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
    }

    /// How long a program told to stop by a signal debrief passed on has before it is killed.
    static let graceAfterSignal: TimeInterval = 2

    /// Waits for `pid` to end, passing on a SIGTERM or SIGHUP debrief receives meanwhile: the
    /// wait status, or nil when waiting failed. Polls every 20 ms rather than blocking in
    /// `waitpid`, because the signal may be delivered to another of debrief's threads and then
    /// would not interrupt the wait. After a signal was passed on, the program's whole group is
    /// waited for (the shell `pid` runs the editor in may end first), up to the grace period.
    private static func wait(for pid: pid_t, ownGroup: Bool) -> Int32? {
        let target = ownGroup ? -pid : pid
        var forwardedAt: Date?
        var status: Int32?
        while true {
            if status == nil {
                var s: Int32 = 0
                let r = waitpid(pid, &s, WNOHANG)
                if r == pid { status = s }
                if r < 0, errno != EINTR { return nil }
            }
            guard let at = forwardedAt else {
                if let status { return status }
                if let signal = Terminal.pendingSignal(), signal == SIGTERM || signal == SIGHUP {
                    kill(target, signal)
                    kill(target, SIGCONT)
                    forwardedAt = Date()
                }
                usleep(20_000)
                continue
            }
            let alive = ownGroup ? groupIsAlive(pid) : status == nil
            if !alive, let status { return status }
            if Date().timeIntervalSince(at) > graceAfterSignal {
                kill(target, SIGKILL)
                if let status { return status }
            }
            usleep(20_000)
        }
    }

    /// Whether a process of group `pgid` is still running (not a zombie waiting to be reaped).
    private static func groupIsAlive(_ pgid: pid_t) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return kill(-pgid, 0) == 0 }
        for name in names where name.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After the name: state, ppid, pgrp.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, fields[0] != "Z", pid_t(fields[2]) == pgid { return true }
        }
        return false
    }

    /// Makes debrief's group the terminal's foreground group again. Asked from the background,
    /// `tcsetpgrp` would stop debrief with SIGTTOU: blocked for the call, as shells do.
    private static func takeTerminalBack(_ tty: Int32) {
        var block = sigset_t(), previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGTTOU)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        tcsetpgrp(tty, getpgrp())
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
