import Foundation
import Testing
import Ingest
import Native
import Store
import TestSupport
import Formatting
import Reports

/// Ingests into a fresh database and reads results back the way the CLI does.
struct StoreProbe {
    let path: String
    let database: Database

    init(label: String = "e2e") throws {
        path = try Fixtures.temporaryFolder(label).appendingPathComponent("svirt.db").path
        database = try Database(path: path, access: .readWrite)
    }

    /// An existing store, read-only.
    private init(existing: String) throws {
        path = existing
        database = try Database(path: existing, access: .readOnly)
    }

    static func open(_ path: String) throws -> StoreProbe { try StoreProbe(existing: path) }

    @discardableResult
    func ingest(_ files: [String], state: String? = nil, node: String? = nil, chunkSize: Int? = nil) throws -> IngestSummary {
        var options = IngestSession.Options(defaultNode: node)
        if let chunkSize { options.chunkSize = chunkSize }
        let session = try IngestSession(database: database, options: options)
        if let state { _ = try session.bootstrap(stateFolder: state) }
        for file in files { try session.ingest(.file(file)) }
        return session.summary
    }

    func denials(kinds: [String] = []) throws -> [[String: OutputValue]] {
        var rows: [[String: OutputValue]] = []
        try DenialQuery(kinds: kinds).run(StoreReader(database)) { row in
            rows.append(Dictionary(uniqueKeysWithValues: row.map { ($0.key, $0.value) }))
        }
        return rows
    }

    func events(kinds: [String] = []) throws -> [[String: OutputValue]] {
        var rows: [[String: OutputValue]] = []
        try EventQuery(kinds: kinds).run(StoreReader(database)) { row in
            rows.append(Dictionary(uniqueKeysWithValues: row.map { ($0.key, $0.value) }))
        }
        return rows
    }

    func count(_ sql: String) throws -> Int64 {
        try database.connection.rows(sql).first?.first?.int64 ?? -1
    }

    /// Every table's row count: two runs that store the same things agree on all of them.
    func tableCounts() throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        // Not the number of runs: a run folds only within one process, so a resumed or interrupted
        // run may split what one run would fold.
        for table in ["audit_events", "guests", "leases", "denials", "events", "guest_resources", "parse_errors"] {
            out[table] = try count("SELECT count(*) FROM \(table)")
        }
        out["evidence records"] = Int64(try StoredEvidence.all(StoreReader(database)).count)
        // Runs count exactly the denial events folded into them.
        #expect(try count("SELECT coalesce(sum(count), 0) FROM denial_runs") == out["denials"])
        #expect(try count("SELECT count(*) FROM denial_runs r WHERE count != (SELECT count(*) FROM audit_events WHERE run_id = r.id)") == 0)
        // Blocks count exactly the events that point into them: a prune frees a block at zero, so
        // a count too high keeps pruned evidence for ever (watch --retain once did, for events
        // stored and pruned in one transaction).
        #expect(try count("""
            SELECT count(*) FROM evidence_blocks b WHERE events != (SELECT count(*) FROM audit_events WHERE block_id = b.id)
            """) == 0)
        // The running totals must agree with the rows they count, resumes and replacements included.
        out["daily_totals.count"] = try count("SELECT coalesce(sum(count), 0) FROM daily_totals")
        out["pair_totals.count"] = try count("SELECT coalesce(sum(count), 0) FROM pair_totals")
        out["node_activity.events"] = try count("SELECT coalesce(sum(events), 0) FROM node_activity")
        #expect(out["daily_totals.count"] == out["denials"])
        #expect(out["node_activity.events"] == out["audit_events"])
        #expect(out["pair_totals.count"] == (try count("""
            SELECT count(*) FROM denials WHERE kind IN ('cross-guest', 'unknown-source', 'unknown-target')
              AND source_key IS NOT NULL AND target_key IS NOT NULL
            """)))
        #expect(try count("SELECT count(*) FROM pair_totals") == (try count("""
            SELECT count(*) FROM (SELECT 1 FROM denials WHERE kind IN ('cross-guest', 'unknown-source', 'unknown-target')
              AND source_key IS NOT NULL AND target_key IS NOT NULL GROUP BY source_key, target_key)
            """)))
        return out
    }
}

extension OutputValue {
    /// A string, or a list of strings for several candidates, as the truth file writes them.
    var names: [String]? {
        switch self {
        case .string(let s): return [s]
        case .strings(let list): return list
        default: return nil
        }
    }
}
