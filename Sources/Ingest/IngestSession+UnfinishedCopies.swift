import AuditStream
import Native
import Store

extension IngestSession {
    /// A member of a given log's rotated set that an earlier run read in part (a run stopped in
    /// it, then auditd rotated it to another name) and that this run was not given: the rest of
    /// it would stay unread without a word.
    public struct UnfinishedCopy: Sendable, Equatable {
        public var path: String
        public var readTo: Int64
        public var size: Int64
    }

    /// The members of the rotated sets of `inputs` (`LOG` and `LOG.N`, as `InputOrder` knows
    /// them) that hold a source stored short of the file's end, other than the inputs
    /// themselves (known by their first bytes, whatever they are called).
    public func unfinishedCopies(besides inputs: [Input]) throws -> [UnfinishedCopy] {
        var bases: [String] = []
        var givenHeads: [[UInt8]] = []
        for input in inputs {
            guard case .file(let path) = input else { continue }
            if let head = RotatedCopyList.head(of: path) { givenHeads.append(head.bytes) }
            if let base = RotatedLogName.rotation(of: path)?.base, !bases.contains(base) { bases.append(base) }
        }
        var unfinished: [UnfinishedCopy] = []
        for base in bases {
            var members = RotatedCopyList(of: base, limit: Self.rotatedCopiesLooked).copies.map { ($0.path, $0.head, $0.size) }
            if let head = RotatedCopyList.head(of: base) { members.insert((base, head.bytes, head.size), at: 0) }
            for (path, head, size) in members where !givenHeads.contains(head) {
                guard let source = try writer.storedSource(for: SourceIdentity(head: head)),
                      source.byteOffset > 0, source.byteOffset < size,
                      Self.holdsALine(path, from: source.byteOffset, to: size) else { continue }
                // One file under two spellings of its set (./audit.log.1 and audit.log) once.
                givenHeads.append(head)
                unfinished.append(UnfinishedCopy(path: path, readTo: source.byteOffset, size: size))
            }
        }
        return unfinished
    }

    /// Whether the bytes after `offset` hold a whole line. A checkpoint stops before a last line
    /// without its newline (a log being written may not be done with it): a copy that ends so (a
    /// full disk, a crash) is read as far as it can be, and is not owed.
    private static func holdsALine(_ path: String, from offset: Int64, to size: Int64) -> Bool {
        let wanted = Int(min(size - offset, Int64(Self.longestLineLooked)))
        // Regular files only, as the walk that found it: a FIFO put in its place is not opened.
        guard let reader = try? ChunkedReader(regularFileAt: path),
              let bytes = try? reader.bytes(at: offset, count: wanted) else { return true }
        return bytes.contains(0x0A) || size - offset > Int64(bytes.count)
    }

    /// The reader's longest line, and one byte more.
    static let longestLineLooked = (1 << 20) + 1

    /// auditd's num_logs is at most 999; a set that long is read to its end by the walk.
    static let rotatedCopiesLooked = 999
}
