#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What stat(2) says about a file: the target of a symbolic link, not the link itself.
public struct FileStatus: Sendable, Equatable {
    /// Permission bits with set-id and sticky bits.
    public var permissions: UInt32
    public var isFolder: Bool
    public var isRegularFile: Bool
    /// The owner's user id.
    public var owner: UInt32
    public var size: Int64

    /// stat(2): follows symbolic links.
    public init(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemError.last }
        self.init(info)
    }

    /// fstat(2) of an open descriptor: the very file that was opened.
    public init(descriptor: Int32) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SystemError.last }
        self.init(info)
    }

    private init(_ info: stat) {
        permissions = UInt32(info.st_mode) & 0o7777
        isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
        owner = UInt32(info.st_uid)
        size = Int64(info.st_size)
    }

    /// The effective user id of this process.
    public static var effectiveUser: UInt32 { UInt32(geteuid()) }

    public var isWorldWritable: Bool { permissions & 0o002 != 0 }
    /// The sticky bit on a folder: only a file's owner may rename or delete it (/tmp).
    public var isSticky: Bool { permissions & 0o1000 != 0 }

    /// What stat(2) finds at `path`, in words ("a regular file", "a FIFO", "a folder", "a
    /// character device", ...), following symbolic links; nil when nothing is there.
    public static func kind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// A symbolic link at `path` that points at nothing (a link whose target exists is not).
    public static func isDanglingLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK && stat(path, &info) != 0
    }

    /// The absolute path with every symbolic link resolved (realpath(3)), or nil.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Opens a file for appending (O_APPEND: every write lands at the current end, also after a
    /// copytruncate), creating it with `createMode` when missing. Returns the descriptor.
    public static func openForAppending(_ path: String, createMode: UInt32) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode_t(createMode))
        guard fd >= 0 else { throw SystemError.last }
        return fd
    }
}
