import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A shell script a test runs as a program (an `$EDITOR`, say), written so that no other process
/// can hold it open for writing when it is run.
///
/// Foundation opens a file it writes without `O_CLOEXEC`. Suites run in parallel threads, and a
/// tmux server another test starts at that moment inherits the descriptor and keeps it for its
/// whole life; running the script then fails with ETXTBSY ("Text file busy", the shell's exit
/// 126). That made PrivacyTests fail a whole-suite run under load. Here the descriptor is opened
/// with `O_CLOEXEC` and the mode is set at creation, so nothing inherits it.
enum ExecutableScript {
    @discardableResult
    static func write(_ text: String, to path: String, mode: mode_t = 0o700) throws -> String {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            bytes = bytes.dropFirst(n)
        }
        // The umask may have narrowed the mode given to open().
        guard fchmod(fd, mode) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        return path
    }
}
