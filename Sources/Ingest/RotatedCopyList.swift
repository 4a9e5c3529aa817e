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

    /// A copy that is there but cannot be read (EIO from a failing disk, no permission), and why.
    struct Unreadable: Equatable {
        var path: String
        var reason: String
    }

    let copies: [Copy]
    /// Not in `copies`: taken for empty copies, they hid that what they hold was never read, and
    /// the gap that followed blamed auditd's num_logs (helper-92).
    let unreadable: [Unreadable]

    /// - Parameter limit: the most names looked at (auditd's num_logs is at most 999).
    init(of path: String, limit: Int) {
        var last = Self.walk(path, limit: limit)
        for _ in 1..<Self.attempts {
            let again = Self.walk(path, limit: limit)
            if again.copies.elementsEqual(last.copies, by: { $0.path == $1.path && $0.head == $1.head }) {
                last = again
                break
            }
            last = again
            Thread.sleep(forTimeInterval: Self.pauseBetweenAttempts)
        }
        copies = last.copies
        unreadable = last.unreadable
    }

    private static func walk(_ path: String, limit: Int) -> (copies: [Copy], unreadable: [Unreadable]) {
        var copies: [Copy] = []
        var unreadable: [Unreadable] = []
        var missingInARow = 0
        for n in 1...max(1, limit) {
            let name = "\(path).\(n)"
            switch look(at: name) {
            case .readable(let bytes, let size):
                copies.append(Copy(path: name, head: bytes, size: size))
                missingInARow = 0
            case .empty:
                // An empty copy (a log rotated before anything was written to it) holds nothing,
                // but the older ones behind it count.
                missingInARow = 0
            case .unreadable(let reason):
                unreadable.append(Unreadable(path: name, reason: reason))
                missingInARow = 0
            case .missing:
                missingInARow += 1
            }
            if missingInARow == 2 { break }
        }
        return (copies, unreadable)
    }

    enum Look: Equatable {
        case readable(bytes: [UInt8], size: Int64)
        case empty
        case missing
        case unreadable(String)
    }

    /// What is at `path`: its first bytes (enough for its identity) and size, or why there are none.
    static func look(at path: String) -> Look {
        let file: ChunkedReader
        do {
            file = try ChunkedReader(regularFileAt: path)
        } catch let failure as ChunkedReader.Failure {
            return failure.isMissing || FileIdentity.of(path: path) == nil ? .missing : .unreadable(failure.reason)
        } catch {
            return FileIdentity.of(path: path) == nil ? .missing : .unreadable("\(error)")
        }
        do {
            let bytes = try file.bytes(at: 0, count: SourceIdentity.prefixLimit)
            return bytes.isEmpty ? .empty : .readable(bytes: bytes, size: file.size ?? Int64(bytes.count))
        } catch let failure as ChunkedReader.Failure {
            return .unreadable(failure.reason)
        } catch {
            return .unreadable("\(error)")
        }
    }

    /// The first bytes of a file (enough for its identity) and its size; nil if it cannot be
    /// read or is empty.
    static func head(of path: String) -> (bytes: [UInt8], size: Int64)? {
        guard case .readable(let bytes, let size) = look(at: path) else { return nil }
        return (bytes, size)
    }
}
