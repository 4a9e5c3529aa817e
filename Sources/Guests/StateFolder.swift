import Foundation

/// A folder of libvirt live status files: `/run/libvirt/qemu` itself, or, for logs gathered from
/// several hosts, one subfolder per node name.
public enum StateFolder {
    public struct Entry: Sendable {
        public var node: String?
        public var status: DomainStatus

        public init(node: String?, status: DomainStatus) {
            self.node = node
            self.status = status
        }
    }

    public struct Loaded: Sendable {
        public var entries: [Entry] = []
        public var problems: [GuestsError] = []
        /// The nodes this folder is a snapshot of: each node folder holding a status file, and
        /// the folder itself (the default node) when status files lie in it or it holds no node
        /// folder at all (empty: no guest running). An empty node folder cannot be told from
        /// libvirt's own subfolders (channel, swtpm) and vouches for nothing.
        public var nodes: [String?] = []
        /// Status files seen (read or not): a folder without any vouches for no node's guests.
        public var statusFiles = 0
    }

    /// - Parameter defaultNode: node for status files directly in `path`.
    public static func load(path: String, defaultNode: String?) throws -> Loaded {
        try load(path: path, defaultNode: defaultNode, isNodeFolder: false)
    }

    /// Node folders are one level deep. Folders below one are not read: libvirt keeps channel,
    /// swtpm and similar folders there, and a link back up would otherwise never end.
    private static func load(path: String, defaultNode: String?, isNodeFolder: Bool) throws -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GuestsError.unreadable(path: path, reason: "no such folder")
        }
        guard isDirectory.boolValue else { throw GuestsError.unreadable(path: path, reason: "not a folder") }
        var loaded = Loaded()
        var nodeFoldersWithStatus = 0
        var topLevelStatus = false
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw GuestsError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        for name in names {
            let full = (path as NSString).appendingPathComponent(name)
            var sub: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &sub)
            if sub.boolValue && isNodeFolder {
                continue
            } else if sub.boolValue {
                do {
                    let inner = try load(path: full, defaultNode: name, isNodeFolder: true)
                    loaded.entries += inner.entries
                    loaded.problems += inner.problems
                    // libvirt's own subfolders (channel, swtpm, ...) hold no status file: they
                    // are not nodes, and an empty one says nothing about any guest.
                    if inner.statusFiles > 0 {
                        loaded.nodes += inner.nodes
                        loaded.statusFiles += inner.statusFiles
                        nodeFoldersWithStatus += 1
                    }
                } catch let error as GuestsError {
                    loaded.problems.append(error)
                }
            } else if name.hasSuffix(".xml") {
                loaded.statusFiles += 1
                topLevelStatus = true
                do {
                    let status = try DomainStatusParser.parse(contentsOf: full)
                    loaded.entries.append(Entry(node: defaultNode, status: status))
                } catch let error as GuestsError {
                    loaded.problems.append(error)
                }
            }
        }
        // The folder itself is a snapshot of the default node when status files lie in it, or
        // when it names no node at all (an empty /run/libvirt/qemu: no guest running).
        if isNodeFolder || topLevelStatus || nodeFoldersWithStatus == 0 { loaded.nodes.insert(defaultNode, at: 0) }
        return loaded
    }
}
