#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `readdir` returns, read the one way every folder walk of the store needs it.
enum DirectoryEntry {
    /// The entry's file name (`d_name`, a fixed C array) as a string.
    static func name(_ item: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: item.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
    }

    /// The entry's file name as its bytes, read in place (valid until the next `readdir`), with
    /// its terminating NUL just past the end, so it can be passed to `fstatat`: a walk of
    /// 10,000 files makes no `String` for a name it can judge by its bytes.
    static func withNameBytes<T>(_ item: UnsafeMutablePointer<dirent>, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        // `pointee.d_name` addressed in place (inout access to the pointee's stored property).
        withUnsafeMutablePointer(to: &item.pointee.d_name) { name in
            UnsafeMutableRawPointer(name).withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
                body(UnsafeBufferPointer(start: bytes, count: strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))))
            }
        }
    }
}
