import Native
import Store

/// One raw record as the store keeps it.
public struct StoredRecord: Sendable, Equatable {
    public var auditEventID: Int64
    public var node: String
    public var serial: Int64
    public var line: Int64?
    public var type: String
    public var raw: String
    /// The event is a denial (it belongs to a run).
    public var isDenial: Bool
}

/// Every raw record in the store, decompressed block by block: for checks of a whole store
/// (tests, an export) rather than for one event, which `query evidence` reads.
public enum StoredEvidence {
    public static func all(_ database: StoreReader, serial: Int64? = nil) throws -> [StoredRecord] {
        let db = database.connection
        let reader = EvidenceStore(connection: db)
        var sql = "SELECT id, node, serial, run_id IS NOT NULL FROM audit_events"
        var values: [SQLValue] = []
        if let serial {
            sql += " WHERE serial = ?"
            values.append(.integer(serial))
        }
        var out: [StoredRecord] = []
        for row in try db.rows(sql + " ORDER BY id", values) {
            let id = row[0].int64 ?? 0
            for record in try reader.records(auditEventID: id) {
                out.append(StoredRecord(auditEventID: id, node: row[1].string ?? "", serial: row[2].int64 ?? 0,
                                        line: record.line, type: record.type, raw: record.raw,
                                        isDenial: row[3].int64 == 1))
            }
        }
        return out
    }
}
