import AuditStream
import Native

/// Gathers the raw records of stored events into blocks of about a megabyte, each written as one
/// zstd frame before its transaction commits (so an event's row never points at a block that was
/// not stored with it). A block's id is taken under the write lock when the block starts, so the
/// rows that point into it can be written before the block itself.
final class EvidenceBlockWriter {
    struct Location {
        var block: Int64
        var offset: Int64
        var length: Int64
    }

    static let blockLimit = 1 << 20

    private let connection: SQLiteDatabase
    private let nextID: SQLiteStatement
    private let insert: SQLiteStatement
    private var buffer: [UInt8] = []
    private var events: Int64 = 0
    private(set) var openBlock: Int64?

    init(connection: SQLiteDatabase) throws {
        self.connection = connection
        nextID = try connection.prepare("SELECT coalesce(max(id), 0) + 1 FROM evidence_blocks")
        insert = try connection.prepare("INSERT INTO evidence_blocks(id, events, length, data) VALUES (?,?,?,?)")
    }

    /// - Parameter sources: per record, its source when it is not the event's (a joined event).
    func append(_ records: [AuditRecord], sources: [Int64?]? = nil) throws -> Location {
        if buffer.count >= Self.blockLimit { try flush() }
        let block: Int64
        if let openBlock {
            block = openBlock
        } else {
            try nextID.bind([])
            guard try nextID.step(), let id = nextID.int64(at: 0) else {
                throw SQLiteError(code: 1, message: "no next evidence block id", sql: nextID.sql)
            }
            try nextID.bind([])
            block = id
            openBlock = id
        }
        let start = buffer.count
        events += 1
        var previousLine: Int?
        var previousSource: Int64?
        for (index, record) in records.enumerated() {
            let source = sources.flatMap { index < $0.count ? $0[index] : nil }
            EvidenceFormat.append(record, after: previousLine, source: source, previousSource: previousSource, to: &buffer)
            previousLine = record.line
            previousSource = source
        }
        return Location(block: block, offset: Int64(start), length: Int64(buffer.count - start))
    }

    /// The bytes of the block not yet written, for an event stored earlier in this transaction.
    func pending(block: Int64) -> [UInt8]? { block == openBlock ? buffer : nil }

    /// An event stored earlier no longer points into `block` (it was replaced).
    func release(block: Int64) {
        if block == openBlock { events -= 1 }
    }

    func flush() throws {
        guard let block = openBlock else { return }
        let compressed = try Zstd.compress(buffer)
        // On the write thread: run at once, it waited for the write queue first (a reader of the
        // block, storedRecords, is run at once and so waits for it in turn).
        connection.runDeferred(insert, [.integer(block), .integer(events), .integer(Int64(buffer.count)), .blob(compressed)])
        openBlock = nil
        events = 0
        buffer.removeAll(keepingCapacity: true)
    }

    func discard() {
        openBlock = nil
        events = 0
        buffer.removeAll(keepingCapacity: true)
    }
}
