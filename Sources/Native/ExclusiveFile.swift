#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creating a file that must not replace one another process just created: `open(2)` with
/// O_CREAT|O_EXCL, not Foundation's `createFile`, which writes a temporary file and renames it
/// over the path (a database another writer already opened would be swapped from under it).
public enum ExclusiveFile {
    public enum Outcome: Sendable, Equatable {
        case created
        case alreadyThere
        /// errno's words.
        case failed(String)
    }

    public static func create(path: String, mode: UInt32) -> Outcome {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        if fd >= 0 {
            // The umask may have taken bits away; the mode asked for is the mode meant.
            _ = fchmod(fd, mode_t(mode))
            close(fd)
            return .created
        }
        let code = errno
        if code == EEXIST { return .alreadyThere }
        return .failed(String(cString: strerror(code)))
    }
}
