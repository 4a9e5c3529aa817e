#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock(2)` on a file, held until the object goes away or the process dies: the
/// kernel lets go of it on SIGKILL too, so no stale lock outlives its holder. The holder writes
/// its pid into the file, which a refused process reads back for its message.
public final class HeldLock: Sendable {
    public enum Outcome {
        case held(HeldLock)
        /// Another process holds it; the pid it wrote, when readable.
        case heldElsewhere(pid: Int32?)
        /// errno's words.
        case failed(String)
    }

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Creates the file (mode 0600) when needed and takes the lock without waiting.
    public static func take(path: String) -> Outcome {
        // Mode 0600: a file others could open, they could flock too, and keep every watch out.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode_t(0o600))
        guard fd >= 0 else { return .failed(String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            defer { close(fd) }
            guard code == EWOULDBLOCK else { return .failed(String(cString: strerror(code))) }
            return .heldElsewhere(pid: readPID(fd))
        }
        let text = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 {
            _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        return .held(HeldLock(descriptor: fd))
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let digits = buffer[..<count].prefix { $0 >= 48 && $0 <= 57 }
        return Int32(String(decoding: digits, as: UTF8.self))
    }
}
