#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input in bounded chunks with plain read(2): memory stays at one
/// chunk whatever the file size. Owns its descriptor (except standard input).
public final class ChunkedReader {
    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        public var path: String
        public var reason: String
        /// errno of the call that failed, 0 when no call did (a file of the wrong kind).
        public var errorNumber: Int32 = 0
        public var description: String { "\(path): \(reason)" }
        /// Nothing at the path: between a rotation's rename and auditd's new file.
        public var isMissing: Bool { errorNumber == ENOENT }
    }

    private let fd: Int32
    var descriptor: Int32 { fd }
    private let ownsDescriptor: Bool
    public let path: String
    public let isSeekable: Bool

    public init(path: String) throws {
        // Without waiting: open(2) of a FIFO waits for a writer, restarted after a signal, so a
        // stop was not taken while none came. Its reads wait again (O_NONBLOCK is cleared),
        // after `waitForBytes` has seen a writer's bytes or end.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw Failure(path: path, reason: "is a folder, not a log file")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.fd = fd
        self.ownsDescriptor = true
        self.path = path
        self.isSeekable = lseek(fd, 0, SEEK_CUR) >= 0
    }

    /// A log file that is followed or looked at again and again (watch, its rotated copies):
    /// only a regular file. A FIFO at the path (a link to one, a mistyped --follow) made open(2)
    /// wait for a writer, and watch's loop with it, deaf to SIGTERM; a device never ends. Opened
    /// without waiting, then checked on the descriptor itself, so nothing can be swapped in
    /// between the check and the open.
    public init(regularFileAt path: String) throws {
        // Not even opened to be refused: opened, a FIFO partners with a writer waiting on it, which
        // then writes to a reader gone while the one meant for it waits on (an ingest given a
        // named pipe beside a rotated set hung so). fstat below still checks what was opened.
        if let why = Self.notARegularFile(path) {
            throw Failure(path: path, reason: "\(why) (only regular files are followed)")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            // A socket cannot be opened at all (ENXIO, "No such device or address"): its kind
            // says more than that.
            if let why = Self.notARegularFile(path) {
                throw Failure(path: path, reason: "\(why) (only regular files are followed)", errorNumber: code)
            }
            throw Failure(path: path, reason: String(cString: strerror(code)), errorNumber: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(path: path, reason: reason)
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(fd)
            throw Failure(path: path, reason: "\(Self.describe(kind: kind)), not a log file (only regular files are followed)")
        }
        // Regular files ignore O_NONBLOCK; cleared all the same, so reads mean what they say.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.fd = fd
        self.ownsDescriptor = true
        self.path = path
        self.isSeekable = true
    }

    /// Why the file at `path` is no log file to follow, or nil when it is a regular file or
    /// nothing is there.
    public static func notARegularFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG else { return nil }
        return "\(describe(kind: info.st_mode & S_IFMT)), not a log file"
    }

    private static func describe(kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "is a folder"
        case S_IFIFO: "is a FIFO (named pipe)"
        case S_IFSOCK: "is a socket"
        case S_IFCHR: "is a character device"
        case S_IFBLK: "is a block device"
        default: "is not a regular file"
        }
    }

    /// Standard input; `-` on the command line.
    public init(standardInput: ()) {
        fd = 0
        ownsDescriptor = false
        path = "-"
        isSeekable = false
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Size in bytes for regular files, nil for pipes.
    public var size: Int64? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// Fills `buffer` from its start and returns how many bytes were read; 0 at end of input.
    /// Reusing one buffer matters: a fresh megabyte per read is a fresh mmap, and its page faults
    /// cost more than the copy.
    public func read(into buffer: inout [UInt8]) throws -> Int {
        let capacity = buffer.count
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, capacity) }
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Whether a read would not wait: bytes, the end or an error are there (a pipe's writer
    /// decides when). Waits up to `milliseconds`; false when that passes or a signal comes, so
    /// that the caller can look for a stop.
    public func waitForBytes(milliseconds: Int32) throws -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let n = poll(&entry, 1, milliseconds)
        if n >= 0 { return n > 0 }
        if errno == EINTR { return false }
        throw Failure(path: path, reason: String(cString: strerror(errno)))
    }

    /// Device and inode of the open file: what tells a rotated-away file from its successor.
    public var identity: FileIdentity? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Bytes from the start to the current read position.
    public var position: Int64 {
        Int64(lseek(fd, 0, SEEK_CUR))
    }

    public func seek(to offset: Int64) throws {
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            throw Failure(path: path, reason: "cannot seek: \(String(cString: strerror(errno)))")
        }
    }
}

/// A file's device and inode.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity of whatever is at `path` now, or nil if nothing is.
    public static func of(path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

extension ChunkedReader {
    /// Waits up to `milliseconds` for input to read (poll(2)); true when a read will not block.
    /// Lets a reader on a pipe notice that its input went quiet.
    public func waitForInput(milliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, milliseconds) > 0
    }
}

extension ChunkedReader {
    /// Up to `count` bytes at `offset`, without moving the read position (pread(2)).
    /// - Throws: `Failure` when the read fails. An I/O error read as "no bytes" made a follower
    ///   take a failing disk for a truncated log and read it again from its top.
    public func bytes(at offset: Int64, count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        while true {
            let n = out.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            if n >= 0 { return Array(out[0..<n]) }
            let error = errno
            if error == EINTR { continue }
            throw Failure(path: path, reason: String(cString: strerror(error)), errorNumber: error)
        }
    }
}
