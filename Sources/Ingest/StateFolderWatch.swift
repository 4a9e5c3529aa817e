import Foundation
import Native

/// Whether libvirt's state folder changed since the last look: inotify where it works, else the
/// folder's modification time (libvirt writes each status file to a temporary name and renames
/// it, which changes the folder).
final class StateFolderWatch {
    private let path: String
    private let watch: DirectoryWatch
    private var lastModified: Date?

    init(path: String) {
        self.path = path
        watch = DirectoryWatch(folder: path)
        lastModified = Self.modified(path)
    }

    func changed() -> Bool {
        if watch.isActive { return watch.takeChanges() }
        let now = Self.modified(path)
        defer { lastModified = now }
        return now != lastModified
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
