/// How a log source is recognised across runs and renames: a hash of its first line, checked
/// against a hash of its first bytes before a checkpoint is trusted.
public struct SourceIdentity: Sendable, Equatable {
    /// Bytes of the head that the prefix hash covers at most.
    public static let prefixLimit = 64 * 1024

    /// The hash of the first line; for a head that ends inside its first line (auditd's first
    /// write after a rotation, read half done), `p` + the head's length + `:` + its hash, which
    /// the whole file later finds again by `continuesPartialFirstLine`.
    public var firstLineHash: String
    public var head: [UInt8]

    public init(head: [UInt8]) {
        let kept = Array(head.prefix(Self.prefixLimit))
        self.head = kept
        if let newline = kept.firstIndex(of: 0x0A) {
            firstLineHash = Self.fnv1a(kept[..<newline])
        } else if kept.count < Self.prefixLimit {
            firstLineHash = "p\(kept.count):" + Self.fnv1a(kept)
        } else {
            firstLineHash = Self.fnv1a(kept)
        }
    }

    /// Whether `stored`, the first-line hash of a source read while its first line was still
    /// being written, names the start of this head's first line (whole, or further written).
    public func continuesPartialFirstLine(_ stored: String) -> Bool {
        guard stored.hasPrefix("p"), stored != firstLineHash, let colon = stored.firstIndex(of: ":"),
              let length = Int(stored[stored.index(after: stored.startIndex)..<colon]), length > 0,
              length <= head.firstIndex(of: 0x0A) ?? head.count else { return false }
        return Self.fnv1a(head.prefix(length)) == stored[stored.index(after: colon)...]
    }

    /// Whether a source read `length` bytes into its file, whose first bytes hashed to `hash`,
    /// may be this file: what was read of it must be this head's start.
    public func startsWithReadPrefix(length: Int, hash: String?) -> Bool {
        length <= head.count && prefixHash(length: length) == hash
    }

    public func prefixHash(length: Int) -> String {
        Self.fnv1a(head.prefix(length))
    }

    /// FNV-1a, 64 bit: identity, not security. A forged match only makes a run skip a prefix
    /// whose events are then still deduplicated by event ID.
    static func fnv1a(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A source row and where to resume it.
public struct SourceCheckpoint: Sendable, Equatable {
    public var id: Int64
    public var byteOffset: Int64
    public var line: Int

    public init(id: Int64, byteOffset: Int64, line: Int) {
        self.id = id
        self.byteOffset = byteOffset
        self.line = line
    }

    /// The furthest a file's checkpoint can stand: 2^56 bytes, 2^48 lines.
    static let maximumOffset: Int64 = 1 << 56
    static let maximumLine: Int64 = 1 << 48

    /// A checkpoint as a stored row gives it; the source's start when the row is beyond anything
    /// a file reaches (a damaged or crafted store): reading again from the start stores nothing
    /// twice, while a line count near Int.max trapped the reader at its next line (helper-80).
    init(id: Int64, storedOffset: Int64?, storedLine: Int64?) {
        let offset = storedOffset ?? 0, line = storedLine ?? 0
        guard (0...Self.maximumOffset).contains(offset), (0...Self.maximumLine).contains(line) else {
            self.init(id: id, byteOffset: 0, line: 0)
            return
        }
        self.init(id: id, byteOffset: offset, line: Int(line))
    }
}
