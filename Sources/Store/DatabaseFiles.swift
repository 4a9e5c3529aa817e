import Foundation
import Native

/// What the file system says about a database and the -wal and -shm files beside it, read
/// before SQLite touches anything: it picks how a reader opens the store and turns SQLite's
/// "unable to open database file" into the reason an operator can act on.
struct DatabaseFiles: Equatable {
    var path: String
    var exists = false
    var readable = false
    var writable = false
    var folderExists = false
    /// The folder may be entered (searched) by this user.
    var folderSearchable = false
    /// False on a read-only mount too, even for root.
    var folderWritable = false
    var shmExists = false
    var walBytes: Int64 = 0
    var mode: Int?
    var owner: String?
    /// What the path is when it exists and is not a regular file ("a FIFO", "a folder", ...).
    var otherKind: String?
    /// Where a symbolic link at the path that points at nothing leads, every link followed
    /// (absolute): a writer creates the store there, as a link made ahead for it intends.
    var danglingLinkTarget: String?
    var folderMode: Int?
    var folderOwner: String?

    var folder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    static func inspect(_ path: String, fileManager fm: FileManager = .default) -> DatabaseFiles {
        var files = DatabaseFiles(path: path)
        let folder = files.folder
        var isDirectory: ObjCBool = false
        files.folderExists = fm.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
        files.folderSearchable = fm.isExecutableFile(atPath: folder)
        files.folderWritable = fm.isWritableFile(atPath: folder)
        (files.folderMode, files.folderOwner) = ownership(folder, fm)
        files.exists = fm.fileExists(atPath: path)
        files.otherKind = FileStatus.kind(path).flatMap { $0 == "a regular file" ? nil : $0 }
        files.danglingLinkTarget = FileStatus.isDanglingLink(path) ? WatchLock.resolved(path) : nil
        files.readable = fm.isReadableFile(atPath: path)
        files.writable = fm.isWritableFile(atPath: path)
        (files.mode, files.owner) = ownership(path, fm)
        files.shmExists = fm.fileExists(atPath: path + "-shm")
        files.walBytes = ((try? fm.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.int64Value ?? 0
        return files
    }

    private static func ownership(_ path: String, _ fm: FileManager) -> (Int?, String?) {
        guard let attributes = try? fm.attributesOfItem(atPath: path) else { return (nil, nil) }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        let user = attributes[.ownerAccountName] as? String ?? (attributes[.ownerAccountID] as? NSNumber).map { "uid \($0)" }
        let group = attributes[.groupOwnerAccountName] as? String ?? (attributes[.groupOwnerAccountID] as? NSNumber).map { "gid \($0)" }
        return (mode, [user, group].compactMap { $0 }.joined(separator: ":"))
    }

    private static func describe(_ mode: Int?, _ owner: String?) -> String {
        let m = mode.map { "mode 0" + String($0 & 0o7777, radix: 8) } ?? "mode unknown"
        return owner.map { "\(m), owned by \($0)" } ?? m
    }

    // MARK: decisions

    /// How a reader opens the store.
    enum ReadMode: Equatable {
        /// SQLite's ordinary read-only open, sharing the -shm file with a writer.
        case shared
        /// `immutable=1`: no locks, no -shm; the -wal file is not read.
        case immutable
    }

    /// Immutable when asked, or when the folder is not writable and no -shm file is there: a
    /// shared open would have to create one and fails with "attempt to write a readonly
    /// database". A -shm file means a writer may be running (or was): the shared open is tried
    /// first, as it sees the writer's newest transactions.
    func readMode(forced: Bool) -> ReadMode {
        if forced { return .immutable }
        if folderWritable || shmExists { return .shared }
        return .immutable
    }

    /// Why a reader may not open the file, in words; nil when it may.
    func readProblem() -> StoreError? {
        if let otherKind { return .notARegularFile(path: path, kind: otherKind) }
        if let problem = danglingLinkProblem() { return problem }
        if !exists {
            if folderExists && !folderSearchable {
                return .permissionDenied(path: path, reason: "the folder \(folder) (\(Self.describe(folderMode, folderOwner))) "
                    + "may not be entered by this user; run as its owner or root, or use a copy")
            }
            return .missingDatabase(path)
        }
        if !readable {
            return .permissionDenied(path: path, reason: "the database is \(Self.describe(mode, owner)) and this user may not read it; "
                + "run as its owner or root, or use a copy")
        }
        return nil
    }

    /// A writer's folder that is missing, or is not a folder; nil when it is one. For a link to
    /// a store not made yet, the folder it is made in is the link target's.
    func folderProblem() -> StoreError? {
        if !folderExists {
            if let kind = FileStatus.kind(folder) { return .folderIsNot(path: folder, kind: kind) }
            return .missingFolder(folder)
        }
        if let problem = danglingLinkProblem(), case .danglingLink(_, _, folderMissing: true) = problem { return problem }
        return nil
    }

    /// A link to nothing: a reader finds no store there, and a writer makes one only where the
    /// target's folder exists.
    func danglingLinkProblem() -> StoreError? {
        guard let danglingLinkTarget else { return nil }
        let targetFolder = (danglingLinkTarget as NSString).deletingLastPathComponent
        return .danglingLink(path: path, target: danglingLinkTarget, folderMissing: FileStatus.kind(targetFolder) != "a folder")
    }

    /// Why a writer (ingest, watch) may not open an existing file or create one; nil when it may.
    func writeProblem() -> StoreError? {
        if let otherKind { return .notARegularFile(path: path, kind: otherKind) }
        if folderExists && !folderSearchable {
            return .permissionDenied(path: path, reason: "the folder \(folder) (\(Self.describe(folderMode, folderOwner))) "
                + "may not be entered by this user; run as its owner or root")
        }
        if exists && !(readable && writable) {
            return .permissionDenied(path: path, reason: "the database is \(Self.describe(mode, owner)) and this user may not "
                + "\(readable ? "write" : "read and write") it, or it is on a read-only mount; run as its owner or root "
                + "(queries and digest only need to read it)")
        }
        if folderExists && !folderWritable && !shmExists {
            return .permissionDenied(path: path, reason: "the folder \(folder) (\(Self.describe(folderMode, folderOwner))) is not "
                + "writable by this user, or is on a read-only mount; a writer needs to create \((path as NSString).lastPathComponent)-wal "
                + "and -shm beside the database (queries and digest can read it there)")
        }
        return nil
    }

    /// The warning for an immutable open that leaves transactions unseen.
    func unseenWALWarning() -> String? {
        guard walBytes > 0 else { return nil }
        return "\(path)-wal holds \(walBytes) bytes of transactions that a read-only-media (immutable) open does not read: "
            + "the newest writes may be missing from these results; copy the database with its -wal and -shm files into a "
            + "writable folder to see them"
    }
}
