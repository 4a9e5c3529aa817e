#if canImport(Glibc)
import Glibc
#endif

/// Wakes the followed-file loop when anything changes in the log's folder (inotify): an append,
/// auditd's rename and new file, a truncation. The folder rather than the file is watched so
/// that a rotation is seen without re-arming. Where inotify is unavailable (no permission on the
/// folder, instance limit reached, a file system without it) `wait` degrades to a plain sleep and
/// the caller's polling does the work.
public final class DirectoryWatch {
    private let fd: Int32
    /// inotify events are drained into this and dropped.
    private var drained = [UInt8](repeating: 0, count: 4096)
    /// Why inotify is not used, if it is not.
    public let unavailableReason: String?

    public init(folder: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            self.fd = -1
            unavailableReason = "inotify_init1: \(String(cString: strerror(errno)))"
            return
        }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CLOSE_WRITE | IN_ATTRIB)
        guard inotify_add_watch(fd, folder, mask) >= 0 else {
            unavailableReason = "inotify_add_watch \(folder): \(String(cString: strerror(errno)))"
            close(fd)
            self.fd = -1
            return
        }
        self.fd = fd
        unavailableReason = nil
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    public var isActive: Bool { fd >= 0 }

    /// Returns when the folder changed or after `milliseconds`, whichever is first. The events
    /// themselves are drained and dropped: the caller looks at the file again either way.
    public func wait(milliseconds: Int32) {
        guard fd >= 0 else {
            usleep(UInt32(max(0, milliseconds)) * 1000)
            return
        }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, milliseconds) > 0 else { return }
        while drained.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Without waiting: whether anything changed since the last call (events are drained).
    public func takeChanges() -> Bool {
        guard fd >= 0 else { return false }
        var any = false
        while drained.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 { any = true }
        return any
    }
}
