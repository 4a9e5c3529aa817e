import Foundation
import Native

/// One watch per node and database: the alert windows and deliveries of a node belong to the
/// watch that holds its lock, a file beside the database (`DB-watch.lock` for a watch without a
/// node, `DB-watch-NODE.lock` otherwise). Watches of other nodes take other locks and write to
/// the same database side by side.
public final class WatchLock: Sendable {
    private let lock: HeldLock
    public let path: String

    private init(lock: HeldLock, path: String) {
        self.lock = lock
        self.path = path
    }

    public static func take(database: String, owner: String) throws -> WatchLock {
        // The store's own refusals first: a lock made beside a dangling link's target, or a lock
        // error for a folder that is missing, would hide the reason the store then gives.
        let files = DatabaseFiles.inspect(database)
        if let problem = files.folderProblem() { throw problem }
        if let problem = files.writeProblem() { throw problem }
        let path = lockPath(database: resolved(database), owner: owner)
        switch HeldLock.take(path: path) {
        case .held(let lock):
            return WatchLock(lock: lock, path: path)
        case .heldElsewhere(let pid):
            throw StoreError.watchRunning(database: database, node: owner, pid: pid, lock: path)
        case .failed(let reason):
            throw StoreError.cannotLock(path: path, reason: reason)
        }
    }

    /// Whether a live process holds `owner`'s lock, as far as the pid its holder wrote tells
    /// (without taking the lock: a watch starting at that moment must not be refused).
    /// A lock file this user cannot read counts as held: better no advice than wrong advice.
    public static func isHeld(database: String, owner: String) -> Bool {
        let path = lockPath(database: resolved(database), owner: owner)
        guard FileManager.default.fileExists(atPath: path) else { return false }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return true }
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else { return false }
        return ProcessStatus.isAlive(pid)
    }

    /// The watches writing to this database now, by the lock files beside it (any node's; a
    /// name too long for a file is hashed and not found here): their process ids.
    public static func runningWatches(database: String) -> [Int32] {
        let path = resolved(database)
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent + "-watch"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "/" : folder) else { return [] }
        return names.filter { $0.hasPrefix(base) && $0.hasSuffix(".lock") }.compactMap { name in
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8),
                  let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0, ProcessStatus.isAlive(pid)
            else { return nil }
            return pid
        }.sorted()
    }

    /// The database's path with its symbolic links followed, also a link to a file that does not
    /// exist yet (the watch creates it): two spellings of one database must share one lock.
    static func resolved(_ path: String) -> String {
        let fm = FileManager.default
        var current = path.hasPrefix("/") ? path : fm.currentDirectoryPath + "/" + path
        for _ in 0..<40 {
            guard let target = try? fm.destinationOfSymbolicLink(atPath: current) else { break }
            current = target.hasPrefix("/") ? target : (current as NSString).deletingLastPathComponent + "/" + target
        }
        return SourcePath.stored(current)
    }

    /// The node spelled for a file name (NodeFileName), so that two nodes never share a lock. A
    /// name too long for the file system (255 bytes) becomes a hash of the database's name and
    /// the node.
    static func lockPath(database: String, owner: String) -> String {
        let folder = (database as NSString).deletingLastPathComponent
        let base = (database as NSString).lastPathComponent
        let name = NodeFileName.fitted(base + "-watch" + (owner.isEmpty ? "" : "-" + NodeFileName.spelled(owner)) + ".lock",
                                       orHashOf: base + "\n" + owner, prefix: "svirt-trace-watch-", suffix: ".lock")
        return (folder.isEmpty ? "" : folder + "/") + name
    }
}
