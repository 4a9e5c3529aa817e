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
        let path = lockPath(database: database, owner: owner)
        switch HeldLock.take(path: path) {
        case .held(let lock):
            return WatchLock(lock: lock, path: path)
        case .heldElsewhere(let pid):
            throw StoreError.watchRunning(database: database, node: owner, pid: pid, lock: path)
        case .failed(let reason):
            throw StoreError.cannotLock(path: path, reason: reason)
        }
    }

    /// The node spelled for a file name: letters, digits, '.', '_' and '-' as they are, every
    /// other byte as %XX, so that two nodes never share a lock; a long name is cut and given a
    /// hash of the whole.
    static func lockPath(database: String, owner: String) -> String {
        guard !owner.isEmpty else { return database + "-watch.lock" }
        var name = ""
        for byte in owner.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                name += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        if name.utf8.count > 120 {
            name = String(name.prefix(100)) + "~" + String(fnv1a(owner), radix: 16)
        }
        return database + "-watch-" + name + ".lock"
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
