import Native

/// Follows a log file as `tail -F` does, for the realtime daemon: reads what is there, then what
/// is appended; when auditd rotates by rename it finishes the old file before opening the new
/// one at `path`; when the file is truncated in place (copytruncate) it starts again from the top.
/// It never sleeps: the caller decides how long to wait after `.idle`.
public final class FollowedFile {
    public enum Step: Equatable, Sendable {
        /// This many bytes were read into the buffer.
        case data(Int)
        /// Nothing new.
        case idle
        /// The old file was read to its end and the new file at the path is now open, from its
        /// start: a new source.
        case rotated
        /// The file shrank under us: it was truncated, and reading starts again at its top.
        case truncated
        /// The old file was read to its end, and what is at the path now cannot be followed (a
        /// FIFO, a device, no permission): the caller stores what it has, then stops with this.
        case unfollowable(ChunkedReader.Failure)
    }

    public let path: String
    private var file: ChunkedReader?
    private var identity: FileIdentity?
    /// The first bytes of the current file: copytruncate keeps the inode, and the new content can
    /// outgrow the old position before we look, so a changed head is what gives it away.
    private var head: [UInt8] = []
    private static let headLength = 64

    /// Opens `path` and positions at `offset` (a checkpoint), or waits for it to appear.
    public init(path: String, offset: Int64 = 0) throws {
        self.path = path
        if FileIdentity.of(path: path) != nil, let file = try Self.open(path) {
            if offset > 0, let size = file.size, offset <= size { try file.seek(to: offset) }
            self.file = file
            identity = file.identity
            head = try file.bytes(at: 0, count: Self.headLength)
        }
    }

    /// The file at `path`, or nil when nothing is there (any more): a rotation's rename
    /// between a look at the path and the open is no reason to stop.
    private static func open(_ path: String) throws -> ChunkedReader? {
        do {
            return try ChunkedReader(regularFileAt: path)
        } catch let failure as ChunkedReader.Failure where failure.isMissing {
            return nil
        }
    }

    /// The read position in the current file.
    public var position: Int64 { file?.position ?? 0 }

    public func poll(into buffer: inout [UInt8]) throws -> Step {
        guard let file else {
            // Not there yet (between auditd's rename and its new file, or before it ever was).
            guard FileIdentity.of(path: path) != nil, let opened = try Self.open(path) else { return .idle }
            self.file = opened
            identity = opened.identity
            head = []
            return .rotated
        }
        if file.position > 0, !head.isEmpty, try file.bytes(at: 0, count: head.count) != head {
            try file.seek(to: 0)
            head = []
            return .truncated
        }
        let n = try file.read(into: &buffer)
        // Truncated and written again past our offset between the check above and the read:
        // what was read belongs to the new content, not to the old file. Start again at the top.
        if n > 0, !head.isEmpty, try file.bytes(at: 0, count: head.count) != head {
            try file.seek(to: 0)
            head = []
            return .truncated
        }
        if n > 0, head.count < Self.headLength {
            head = try file.bytes(at: 0, count: Self.headLength)
        }
        if n > 0 { return .data(n) }
        // At the end of what was written. Has the path moved on to a new file?
        let now = FileIdentity.of(path: path)
        if let now, now != identity {
            let opened: ChunkedReader
            do {
                // Gone again between the look and the open (a rotation storm): not there yet.
                guard let file = try Self.open(path) else { return .idle }
                opened = file
            } catch let failure as ChunkedReader.Failure {
                return .unfollowable(failure)
            }
            self.file = opened
            identity = opened.identity
            head = []
            return .rotated
        }
        if now == nil {
            // Renamed away and not yet replaced: keep the old file until the new one appears.
            return .idle
        }
        if let size = file.size, size < file.position {
            try file.seek(to: 0)
            head = []
            return .truncated
        }
        return .idle
    }
}
