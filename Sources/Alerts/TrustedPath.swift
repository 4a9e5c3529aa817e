import Foundation
import Native

/// Files that decide what an operator is told (rules) or keep what they were told (alert files)
/// must be neither writable nor replaceable by anybody. A symbolic link is judged by its target
/// (the link's own mode is always 0777 and means nothing), and a file in a folder that anybody
/// may write to without the sticky bit can be swapped for another one, so that is refused too.
enum TrustedPath {
    /// What is wrong with `path` and the file `status` describes (its target), or nil.
    static func problem(path: String, status: FileStatus) -> String? {
        if status.isWorldWritable { return "is world-writable (chmod o-w)" }
        // Another user who owns the file can rewrite it (or, for rules, silence every alert).
        if status.owner != 0, status.owner != FileStatus.effectiveUser {
            return "belongs to user id \(status.owner), neither root nor the user running svirt-trace (chown it)"
        }
        var folders = [folder(of: path)]
        if let resolved = FileStatus.resolvedPath(path) {
            let target = folder(of: resolved)
            if !folders.contains(target) { folders.append(target) }
        }
        for folder in folders {
            guard let info = try? FileStatus(path: folder), info.isWorldWritable, !info.isSticky else { continue }
            return "is in the world-writable folder \(folder) without the sticky bit (anybody could replace it; chmod o-w or +t)"
        }
        return nil
    }

    static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}
