import Foundation
import Native

/// Whether libvirt's state folder changed since the last look: inotify where it works, else the
/// folder's modification time (libvirt writes each status file to a temporary name and renames
/// it, which changes the folder).
///
/// An inotify watch follows the folder's inode, not its path: a folder removed and made again
/// (or made only after watch started) would never report a change. So each look also compares
/// the folder's identity, and a new one is a change that re-arms the watch.
final class StateFolderWatch {
    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    private let path: String
    private var watch: DirectoryWatch
    private var identity: Identity?
    private var lastModified: Date?

    init(path: String) {
        self.path = path
        identity = Self.identity(path)
        watch = DirectoryWatch(folder: path)
        lastModified = Self.modified(path)
    }

    func changed() -> Bool {
        let current = Self.identity(path)
        if current != identity {
            identity = current
            watch = DirectoryWatch(folder: path)
            lastModified = Self.modified(path)
            return current != nil
        }
        if watch.isActive { return watch.takeChanges() }
        let now = Self.modified(path)
        defer { lastModified = now }
        return now != lastModified
    }

    private static func attributes(_ path: String) -> [FileAttributeKey: Any]? {
        try? FileManager.default.attributesOfItem(atPath: path)
    }

    private static func identity(_ path: String) -> Identity? {
        guard let attributes = attributes(path),
              let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value,
              let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value else { return nil }
        return Identity(device: device, inode: inode)
    }

    private static func modified(_ path: String) -> Date? {
        attributes(path)?[.modificationDate] as? Date
    }
}
