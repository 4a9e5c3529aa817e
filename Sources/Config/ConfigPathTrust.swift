import Foundation
import Native

/// Decides whether a config file may be believed, the way sshd (StrictModes) and sudo judge their
/// files: the file names commands that watch runs as root, so nobody but root and the user running
/// svirt-trace may be able to change it, replace it, or swap a folder on its way.
///
/// The path is walked one name at a time from /, following symbolic links as the kernel does, so
/// every folder actually passed through is judged: the folders holding each link as well as those
/// of its target. Each folder, each link and the file must belong to root or the user running
/// svirt-trace. A folder writable by its group or by others is refused, unless it is a root-owned
/// sticky folder such as /tmp: there only an entry's owner may rename or delete it, and every
/// entry passed through belongs to root or this user.
struct ConfigPathTrust {
    /// The user whose files are trusted besides root's: the one running svirt-trace.
    var user: UInt32 = FileStatus.effectiveUser
    /// As the kernel's limit (MAXSYMLINKS), so a loop of links ends.
    static let maximumLinks = 40

    /// Why `path` cannot be trusted.
    struct Refusal: Error {
        var reason: String
    }

    /// The path of the file itself, every link resolved, once the whole way there is trusted.
    func check(_ path: String) throws -> (resolved: String, status: FileStatus) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var pending = Self.names(absolute)
        var folder = "/"
        try judgeFolder("/", try status(of: "/", onTheWay: true))
        var links = 0
        while !pending.isEmpty {
            let name = pending.removeFirst()
            if name == "." { continue }
            if name == ".." {
                // `folder` has no link left in it, so its parent is the real one (already judged).
                folder = (folder as NSString).deletingLastPathComponent
                continue
            }
            let entry = folder == "/" ? "/" + name : folder + "/" + name
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: entry) {
                links += 1
                guard links <= Self.maximumLinks else { throw Refusal(reason: "cannot read it: too many symbolic links on the way") }
                // A link's own mode means nothing; its owner may point it elsewhere in a sticky folder.
                let owner = (try? FileManager.default.attributesOfItem(atPath: entry)[.ownerAccountID] as? NSNumber)?.uint32Value
                if let owner, !trusted(owner) {
                    throw Refusal(reason: "refused: the symbolic link \(entry) belongs to user id \(owner), neither root nor the user running svirt-trace")
                }
                pending = Self.names(target) + pending
                if target.hasPrefix("/") { folder = "/" }
                continue
            }
            let info = try status(of: entry, onTheWay: !pending.isEmpty)
            if pending.isEmpty {
                try judgeFile(info)
                return (entry, info)
            }
            guard info.isFolder else { throw Refusal(reason: "cannot read it: \(entry) is not a folder") }
            try judgeFolder(entry, info)
            folder = entry
        }
        // The path ended on a folder ("/", "x/..").
        throw Refusal(reason: "is a folder, not a config file")
    }

    /// The file as opened: judged again through its descriptor, so what is read is what was judged.
    func judgeFile(_ info: FileStatus) throws {
        if info.isFolder { throw Refusal(reason: "is a folder, not a config file") }
        guard info.isRegularFile else { throw Refusal(reason: "is not a regular file") }
        guard trusted(info.owner) else {
            throw Refusal(reason: "refused: it belongs to user id \(info.owner), neither root nor the user running svirt-trace (chown it)")
        }
        if info.isWorldWritable { throw Refusal(reason: "refused: it is world-writable (chmod o-w)") }
        if info.permissions & 0o020 != 0 {
            throw Refusal(reason: "refused: it is group-writable, so its group could change it (chmod g-w)")
        }
    }

    private func judgeFolder(_ path: String, _ info: FileStatus) throws {
        guard trusted(info.owner) else {
            throw Refusal(reason: "refused: the folder \(path) on its way belongs to user id \(info.owner), neither root nor the user running svirt-trace, who could replace the file (chown it)")
        }
        guard info.permissions & 0o022 != 0 else { return }
        // /tmp: only an entry's owner may rename or delete it, and every entry on the way is judged.
        if info.isSticky && info.owner == 0 { return }
        let mode = "0" + String(info.permissions, radix: 8)
        if info.isWorldWritable {
            throw Refusal(reason: "refused: it is in the world-writable folder \(path) (mode \(mode)), where anybody could replace it (chmod o-w; only a root-owned sticky folder like /tmp is accepted)")
        }
        throw Refusal(reason: "refused: the folder \(path) on its way is group-writable (mode \(mode)), so its group could replace the file (chmod g-w)")
    }

    private func trusted(_ owner: UInt32) -> Bool { owner == 0 || owner == user }

    /// A folder on the way is named in the message: it, not the file, is what is missing.
    private func status(of path: String, onTheWay: Bool) throws -> FileStatus {
        do { return try FileStatus(path: path) } catch {
            throw Refusal(reason: "cannot read it: \(onTheWay ? "\(path): " : "")\(error)")
        }
    }

    private static func names(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
