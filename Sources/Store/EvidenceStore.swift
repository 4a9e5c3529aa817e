import Native

/// Reads the raw records of stored events back: from their zstd block (schema 005 on), or from
/// the raw_records rows written before.
public struct EvidenceStore {
    struct Location {
        var block: Int64
        var offset: Int64
        var length: Int64
    }

    let connection: any SQLReader

    public init(connection: any SQLReader) { self.connection = connection }

    /// The id, in the store that holds the event `auditEventID`, of a source its block names
    /// (`EvidenceFormat.Record.sourceID`, numbered by the spool or store that wrote it): the same
    /// number in a SQLite store, whose ids have no spool bits; in a fleet store, that spool's range.
    public static func storeID(ofSource local: Int64, namedByEvent auditEventID: Int64) -> Int64 {
        FleetTable.fleetID(spool: auditEventID >> FleetTable.spoolShift, local: local)
    }

    static func location(of auditEventID: Int64, in db: any SQLReader) throws -> Location? {
        guard let row = try db.rows("SELECT block_id, block_offset, block_length FROM audit_events WHERE id = ?",
                                    [.integer(auditEventID)]).first, row.count == 3,
              let block = row[0].int64, let offset = row[1].int64, let length = row[2].int64 else { return nil }
        return Location(block: block, offset: offset, length: length)
    }

    public func records(auditEventID: Int64) throws -> [EvidenceFormat.Record] {
        if let location = try Self.location(of: auditEventID, in: connection) {
            let bytes = try block(location.block)
            guard let records = EvidenceFormat.checkedSlice(bytes, offset: location.offset, length: location.length) else {
                throw StoreError.damagedEvidence(
                    block: location.block,
                    reason: "the event's range (\(location.length) bytes at \(location.offset)) is not whole records of its \(bytes.count) bytes")
            }
            return records
        }
        let rows = try connection.rows("SELECT line, record_type, text FROM raw_records WHERE audit_event_id = ? ORDER BY seq",
                                       [.integer(auditEventID)]).map {
            EvidenceFormat.Record(line: $0[0].int64, type: $0[1].string ?? "", raw: $0[2].string ?? "")
        }
        // Every stored event was stored with its records: none at all is damage, not an answer.
        if rows.isEmpty { throw StoreError.missingEvidence(auditEventID: auditEventID) }
        return rows
    }

    /// A block's text. A missing or damaged block is an error naming it, never a crash.
    public func block(_ id: Int64) throws -> [UInt8] {
        try Self.decompress(compressedBlock(id), block: id)
    }

    /// A block as stored: its text's length and the zstd frame of it.
    func compressedBlock(_ id: Int64) throws -> (length: Int64?, data: [UInt8]) {
        guard let row = try connection.rows("SELECT length, data FROM evidence_blocks WHERE id = ?", [.integer(id)]).first,
              row.count == 2, let data = row[1].bytes else {
            throw StoreError.damagedEvidence(block: id, reason: "the block is missing")
        }
        return (row[0].int64, data)
    }

    static func decompress(_ stored: (length: Int64?, data: [UInt8]), block id: Int64) throws -> [UInt8] {
        do {
            let bytes = try Zstd.decompress(stored.data)
            guard Int64(bytes.count) == stored.length else {
                throw StoreError.damagedEvidence(block: id, reason: "it decompressed to \(bytes.count) bytes, not \(stored.length ?? 0)")
            }
            return bytes
        } catch let failure as Zstd.Failure {
            throw StoreError.damagedEvidence(block: id, reason: failure.description)
        }
    }
}
