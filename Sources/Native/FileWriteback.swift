import CLinux
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only descriptor of a regular file, for starting the kernel's writeback of its dirty
/// pages: sync_file_range(2) with SYNC_FILE_RANGE_WRITE, which queues the writes and returns. It
/// neither waits for them nor makes the file durable (no journal commit, no cache flush), and it
/// never changes the file.
///
/// Why a reader wants this: ext4 in data=ordered mode makes an fsync wait for the data other
/// files left unwritten, and a flood's audit log, when its writer does not flush it, leaves
/// seconds of it. Each SQLite checkpoint (watch's only fsync) then stalled watch for 300 ms and
/// more, and the alerts of new attacks waited behind it.
public final class FileWriteback {
    public let identity: FileIdentity
    private let fd: Int32

    /// The kernel's page size: only whole pages are started, so a page still being filled is not
    /// written again and again.
    public static let pageSize = Int64(max(4096, sysconf(Int32(_SC_PAGESIZE))))

    /// nil when nothing is at `path` or it is not a regular file. What stat(2) finds is checked
    /// before the open, so a device or FIFO at the path is never opened (opening some has an
    /// effect: a tape rewinds), and again after it, for a file swapped in between.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        self.fd = fd
        identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    deinit { close(fd) }

    /// The open file's size now; nil if fstat(2) fails.
    public var size: Int64? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// Queues the writeback of the dirty pages from `offset` on, `length` bytes of them (0: to the
    /// end of the file).
    public func start(offset: Int64 = 0, length: Int64 = 0) throws {
        // SYNC_FILE_RANGE_WRITE (2).
        guard sync_file_range(fd, offset, length, 2) == 0 else { throw SystemError.last }
    }
}
