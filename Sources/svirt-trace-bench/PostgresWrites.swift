import ArgumentParser
import Foundation
import Native
import Store

/// How fast rows shaped like the fleet store's audit events go into PostgreSQL by each of the
/// three ways libpq offers: a round trip per statement, pipeline mode, and COPY. The design of
/// the fleet writer rests on these figures (tools/bench-postgres).
struct PostgresWrites: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres-writes",
        abstract: "Rows per second into a migrated fleet store: one round trip per row, pipelined, COPY through a checked staging table, and the owner's COPY.")

    @Option(help: "A PostgreSQL connection string whose role may create a database's schema (it is migrated).")
    var db: String

    @Option(help: "Rows per method and run.")
    var rows = 100_000

    @Option(help: "Runs of each method, in turn.")
    var runs = 3

    func run() throws {
        let fleet = try FleetDatabase(connectionString: db, access: .readWrite)
        let owner = fleet.connection
        let base: Int64 = 1_764_033_125_015
        try owner.run("SELECT ensure_month($1)", [.integer(base)])
        // The writes go as a host's writer role, as in production: row-level security checks
        // every row. The owner's COPY, which skips the policies, is measured beside it.
        let role = "svirt_bench_writer_\(getpid())"
        try owner.execute("CREATE ROLE \(role) LOGIN IN ROLE svirt_trace_writer")
        defer { try? owner.execute("REASSIGN OWNED BY \(role) TO current_user; DROP OWNED BY \(role); DROP ROLE \(role)") }
        try owner.run("INSERT INTO writer_nodes VALUES ($1, 'kvm-a')", [.text(role)])
        let connection = try PostgresConnection(connection: "\(db) user=\(role)")
        try connection.execute("SET search_path = svirt_trace")
        var next: Int64 = 0
        func batch() -> [[SQLValue]] {
            defer { next += Int64(rows) }
            return (0..<Int64(rows)).map { i in
                let serial = next + i
                return [.text("kvm-a"), .integer(serial + 1), .integer(base + serial % 1_000_000), .integer(serial), .integer(0),
                        .integer(1), .integer(serial * 5), .integer(serial / 10), .integer(1), .integer(serial * 200), .integer(200)]
            }
        }
        let columns = ["node", "id", "time_ms", "serial", "occurrence", "source_id", "line", "run_id", "block_id", "block_offset", "block_length"]
        let insert = "INSERT INTO audit_events (\(columns.joined(separator: ", "))) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
        var times: [String: [Double]] = [:]
        let methods = ["per-row", "pipeline", "copy-checked", "copy-as-owner"]
        for _ in 0..<runs {
            for method in methods {
                let values = batch()
                let start = Date()
                let session = method == "copy-as-owner" ? owner : connection
                try session.transaction {
                    switch method {
                    case "per-row": for row in values { try session.run(insert, row) }
                    case "pipeline": try session.pipeline(values.map { (sql: insert, values: $0) })
                    case "copy-checked": try session.copyChecked(into: "audit_events", columns: columns, rows: values)
                    default: try session.copy(into: "audit_events", columns: columns, rows: values)
                    }
                }
                times[method, default: []].append(Date().timeIntervalSince(start))
            }
        }
        for method in methods {
            let sorted = (times[method] ?? []).sorted()
            guard let fastest = sorted.first else { continue }
            let median = sorted[sorted.count / 2]
            let name = method.padding(toLength: 14, withPad: " ", startingAt: 0)
            print(name + String(format: "%8.0f rows/s fastest, %8.0f rows/s median (%d rows, %d runs)",
                                Double(rows) / fastest, Double(rows) / median, rows, runs))
        }
    }
}
