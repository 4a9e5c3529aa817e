import Testing
import Native
@testable import Store
import TestSupport

/// A spool's deletions of rows keyed by several columns go to the fleet store as arrays of keys:
/// the rows of exactly those keys go, whatever bytes the text holds, and no other row does.
@Suite struct FleetDeletionTests {
    static let texts = ["plain", "", "\"", "\\", "a,b", "{x}", "NULL", "null", " lead", "tail ", "a\"b\\c", "é😀",
                        "line\nbreak", "'; DROP TABLE t; --", "$1", "{\"a\",\"b\"}"]

    @Test func keysOfEveryShapeDeleteTheirRowsAndNoOther() throws {
        let server = try TestPostgresServer()
        let (name, admin) = try server.makeDatabase()
        defer { server.dropDatabase(name) }
        let db = try PostgresConnection(connection: admin)
        try db.execute("CREATE TABLE t (node text, id bigint, owner text, PRIMARY KEY (node, id, owner))")
        var rows: [[SQLValue]] = []
        for (index, text) in Self.texts.enumerated() {
            for node in ["hv-a", "hv-b"] {
                _ = try db.run("INSERT INTO t VALUES ($1, $2, $3)", [.text(node), .integer(Int64(index)), .text(text)])
            }
            rows.append([.text("hv-a"), .integer(Int64(index)), .text(text)])
        }
        let statements = FleetShipper.deletions(from: "t", columns: ["node", "id", "owner"], rows: rows[...])
        #expect(statements.count == 1, "one statement for the whole batch")
        try db.transaction { _ = try db.pipeline(statements) }
        let left = try db.rows("SELECT node, id, owner FROM t ORDER BY node, id")
        #expect(left.count == Self.texts.count)
        #expect(left.allSatisfy { $0[0].string == "hv-b" })
        #expect(left.map { $0[2].string ?? "?" } == Self.texts)

        // A column that mixes integers and text (a key SQLite keeps as ANY) goes row by row.
        let mixed = FleetShipper.deletions(from: "t", columns: ["node", "id", "owner"],
                                           rows: [[.text("hv-b"), .integer(0), .text("plain")], [.text("hv-b"), .text("1"), .text("")]])
        #expect(mixed.count == 2)
        try db.transaction { _ = try db.pipeline(mixed) }
        #expect(try db.rows("SELECT count(*) FROM t")[0][0].int64 == Int64(Self.texts.count - 2))
    }
}
