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
                              "permissive", "boolean", "reason", "advice", "node", "serial", "source_uuid", "target_uuid",
                              "source_vms", "source_uuids", "target_vms", "target_uuids", "pid", "comm", "exe", "path"]

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let ids = try reference.auditEventIDs(database)
        let candidates = try CandidateLookup(database.connection)
        var found = false
        for id in ids {
            for r in try database.connection.rows("""
                SELECT node, serial, time_ms, kind, scontext, tcontext, tclass, perms, permissive, boolean,
                       run_id, source_count, source_vm, source_uuid, target_count, target_vm, target_uuid,
                       pid, comm, exe, path
                FROM denials WHERE audit_event_id = ?
                """, [.integer(id)]) {
                found = true
                let run = r[10].int64 ?? 0
                let source = try candidates.side(run: run, side: "source", count: r[11].int64 ?? 0, first: (r[12].string, r[13].string))
                let target = try candidates.side(run: run, side: "target", count: r[14].int64 ?? 0, first: (r[15].string, r[16].string))
                let perms = (r[7].string ?? "").split(separator: " ").map(String.init)
                let explanation = explainer.explain(.init(
                    kind: r[3].string ?? "", scontext: r[4].string ?? "", tcontext: r[5].string ?? "",
                    tclass: r[6].string ?? "", perms: perms, permissive: r[8].int64 == 1, boolean: r[9].string,
                    source: source.vms.count == 1 ? source.vms[0] : nil, target: target.vms.count == 1 ? target.vms[0] : nil,
                    sourceUUID: source.uuids.count == 1 ? source.uuids[0] : nil))
                let node = r[0].string ?? ""
                try emit([
                    ("id", .string(EventReference.text(node: node, serial: r[1].int64 ?? 0))),
                    ("time", .string(Timestamp.iso8601(milliseconds: r[2].int64 ?? 0))),
                    ("kind", .string(r[3].string ?? "")),
                    ("source_vm", source.vm), ("target_vm", target.vm),
                    ("scontext", .string(r[4].string ?? "")), ("tcontext", .string(r[5].string ?? "")),
                    ("tclass", .string(r[6].string ?? "")), ("perms", .strings(perms)),
                    ("permissive", .bool(r[8].int64 == 1)), ("boolean", r[9].string.map { .string($0) } ?? .null),
                    ("reason", .string(explanation.reason)), ("advice", .strings(explanation.advice)),
                    ("node", node.isEmpty ? .null : .string(node)), ("serial", .int(r[1].int64 ?? 0)),
                    ("source_uuid", source.uuid), ("target_uuid", target.uuid),
                    ("source_vms", .strings(source.vms)), ("source_uuids", .strings(source.uuids)),
                    ("target_vms", .strings(target.vms)), ("target_uuids", .strings(target.uuids)),
                    ("pid", r[17].int64.map { .int($0) } ?? .null),
                    ("comm", r[18].string.map { .string($0) } ?? .null),
                    ("exe", r[19].string.map { .string($0) } ?? .null),
                    ("path", r[20].string.map { .string($0) } ?? .null),
                ])
            }
        }
        if !found { throw StoreError.noSuchEvent(reference.description + " (no denial with that ID)") }
    }
}
