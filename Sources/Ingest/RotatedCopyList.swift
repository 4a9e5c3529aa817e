import Foundation
import Native
import Store

/// The rotated copies of a log (`path.1`, `path.2`, ...), newest first, each with its first bytes
/// (its identity) and size.
///
/// auditd rotates by renaming the copies one at a time, oldest first, then the log to `path.1`.
/// A walk over the names that meets a rotation halfway sees what no moment held: a name missing
/// (the copy it named is already one name further on), a file under two names, or, when the walk
/// is descheduled across two rotations, a newer file after an older one. Reading the copies in
/// such an order judges a guest's denials before the records of its start, which an older file
/// holds. So a walk is taken again until two in a row agree, and a missing name ends the walk
/// only when the name after it is missing too.
struct RotatedCopyList {
    struct Copy: Equatable {
        var path: String
        var head: [UInt8]
        var size: Int64
    }

    /// Walks until two agree: a rotation takes microseconds, so this ends at once but when
    /// auditd rotates without a pause, and then the last walk is as good as any.
    static let attempts = 50
    static let pauseBetweenAttempts = 0.002

    let copies: [Copy]

    /// - Parameter limit: the most names looked at (auditd's num_logs is at most 999).
    init(of path: String, limit: Int) {
        var last = Self.walk(path, limit: limit)
        for _ in 1..<Self.attempts {
            let again = Self.walk(path, limit: limit)
            if again.elementsEqual(last, by: { $0.path == $1.path && $0.head == $1.head }) {
                last = again
                break
            }
            last = again
            Thread.sleep(forTimeInterval: Self.pauseBetweenAttempts)
        }
        copies = last
    }

    private static func walk(_ path: String, limit: Int) -> [Copy] {
        var copies: [Copy] = []
        var missingInARow = 0
        for n in 1...max(1, limit) {
            let name = "\(path).\(n)"
            if let head = head(of: name) {
                copies.append(Copy(path: name, head: head.bytes, size: head.size))
                missingInARow = 0
            } else if FileIdentity.of(path: name) != nil {
                // An empty copy (a log rotated before anything was written to it) holds nothing,
                // but the older ones behind it count.
                missingInARow = 0
            } else {
                missingInARow += 1
                if missingInARow == 2 { break }
            }
        }
        return copies
    }

    /// The first bytes of a file (enough for its identity) and its size; nil if it cannot be
    /// read or is empty.
    static func head(of path: String) -> (bytes: [UInt8], size: Int64)? {
        guard let file = try? ChunkedReader(regularFileAt: path) else { return nil }
        guard let bytes = try? file.bytes(at: 0, count: SourceIdentity.prefixLimit), !bytes.isEmpty else { return nil }
        return (bytes, file.size ?? Int64(bytes.count))
    }
}
