import Findings
import Native
import Formatting
import Store

/// `query explain ID`: the denial's facts and the explanation for its kind.
public struct ExplainQuery: Sendable {
    public var reference: EventReference
    public var explainer: Explainer

    public init(reference: EventReference, explainer: Explainer = Explainer()) {
        self.reference = reference
        self.explainer = explainer
    }

    public static let keys = ["id", "time", "kind", "source_vm", "target_vm", "scontext", "tcontext", "tclass", "perms",
                              "permissive", "boolean", "reason", "advice"]

    public func run(_ database: Database, row emit: (OutputRow) throws -> Void) throws {
        let ids = try reference.auditEventIDs(database)
        var found = false
        for id in ids {
            for r in try database.connection.rows("""
                SELECT node, serial, time_ms, kind, source_vm, target_vm, scontext, tcontext, tclass, perms, permissive, boolean
                FROM denials WHERE audit_event_id = ?
                """, [.integer(id)]) {
                found = true
                let perms = (r[9].string ?? "").split(separator: " ").map(String.init)
                let explanation = explainer.explain(.init(
                    kind: r[3].string ?? "", scontext: r[6].string ?? "", tcontext: r[7].string ?? "",
                    tclass: r[8].string ?? "", perms: perms, permissive: r[10].int64 == 1, boolean: r[11].string,
                    source: r[4].string, target: r[5].string))
                let node = r[0].string ?? ""
                try emit([
                    ("id", .string("\(node.isEmpty ? "" : node + ":")\(r[1].int64 ?? 0)")),
                    ("time", .string(Timestamp.iso8601(milliseconds: r[2].int64 ?? 0))),
                    ("kind", .string(r[3].string ?? "")),
                    ("source_vm", r[4].string.map { .string($0) } ?? .null),
                    ("target_vm", r[5].string.map { .string($0) } ?? .null),
                    ("scontext", .string(r[6].string ?? "")), ("tcontext", .string(r[7].string ?? "")),
                    ("tclass", .string(r[8].string ?? "")), ("perms", .strings(perms)),
                    ("permissive", .bool(r[10].int64 == 1)), ("boolean", r[11].string.map { .string($0) } ?? .null),
                    ("reason", .string(explanation.reason)), ("advice", .strings(explanation.advice)),
                ])
            }
        }
        if !found { throw StoreError.noSuchEvent(reference.description + " (no denial with that ID)") }
    }
}
