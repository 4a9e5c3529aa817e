import Native
import Formatting
import Store

/// `query evidence ID`: the stored raw records of an event exactly as logged, each with the
/// interpreted form `ausearch -i` would print.
public struct EvidenceQuery: Sendable {
    public var reference: EventReference

    public init(reference: EventReference) { self.reference = reference }

    public static let keys = ["id", "time", "seq", "type", "line", "source", "raw", "interpreted"]

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let ids = try reference.auditEventIDs(database)
        guard !ids.isEmpty else { throw StoreError.noSuchEvent(reference.description) }
        for id in ids {
            let event = try db.rows("""
                SELECT a.node, a.serial, a.time_ms, s.last_path FROM audit_events a LEFT JOIN sources s ON s.id = a.source_id
                WHERE a.id = ?
                """, [.integer(id)]).first ?? []
            let records = try EvidenceStore(connection: db).records(auditEventID: id)
            let interpreted = AuparseInterpreter.interpret(records.map(\.raw))
            // A record read from another source than its event's (an event a rotation split) names
            // its own, numbered as the writing store numbered it (a fleet store moves each spool's
            // ids into a range of their own).
            var otherSources: [Int64: OutputValue] = [:]
            for other in Set(records.compactMap(\.sourceID)) {
                let path = try db.rows("SELECT last_path FROM sources WHERE id = ?",
                                       [.integer(EvidenceStore.storeID(ofSource: other, namedByEvent: id))]).first?.first?.string
                otherSources[other] = path.map { .string($0) } ?? .null
            }
            let node = event.first?.string ?? ""
            let name = "\(node.isEmpty ? "" : node + ":")\(event.count > 1 ? event[1].int64 ?? 0 : 0)"
            for (index, record) in records.enumerated() {
                try emit([
                    ("id", .string(name)),
                    ("time", event.count > 2 ? event[2].int64.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null : .null),
                    ("seq", .int(Int64(index))),
                    ("type", .string(record.type)),
                    ("line", record.line.map { .int($0) } ?? .null),
                    ("source", record.sourceID.flatMap { otherSources[$0] }
                        ?? (event.count > 3 ? event[3].string.map { .string($0) } ?? .null : .null)),
                    ("raw", .string(record.raw)),
                    ("interpreted", index < interpreted.count ? interpreted[index].map { .string($0) } ?? .null : .null),
                ])
            }
        }
    }
}
