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
}
