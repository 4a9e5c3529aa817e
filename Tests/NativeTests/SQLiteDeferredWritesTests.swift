import Foundation
import Testing
@testable import Native
import TestSupport

/// Writes handed to the connection's write thread (`runDeferred`) must look, to every other call,
/// as if they had run at once and in order; a failed one must keep its transaction from committing.
@Suite struct SQLiteDeferredWritesTests {
    private func database() throws -> SQLiteDatabase {
        let path = try Fixtures.temporaryFolder("deferred").appendingPathComponent("d.db").path
        let db = try SQLiteDatabase(path: path, mode: .readWriteCreate)
        try db.execute("PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
        return db
    }

    /// Across batch boundaries (the worker takes 256 at a time, the caller runs the rest), every
    /// read sees exactly the writes handed over before it.
    @Test func everyReadSeesTheWritesHandedOverBeforeIt() throws {
        let db = try database()
        let insert = try db.prepare("INSERT INTO t(id, v) VALUES (?, ?)")
        let count = try db.prepare("SELECT count(*), coalesce(sum(id), 0) FROM t")
        try db.execute("BEGIN IMMEDIATE")
        var handedOver: Int64 = 0
        for round in [1, 255, 256, 257, 1_000, 9_000, 3] {
            for _ in 0..<round {
                handedOver += 1
                db.runDeferred(insert, [.integer(handedOver), .text("row \(handedOver)")])
            }
            #expect(try count.step())
            #expect(count.int64(at: 0) == handedOver)
            #expect(count.int64(at: 1) == handedOver * (handedOver + 1) / 2)
            try count.bind([])
        }
        try db.execute("COMMIT")
        #expect(try db.rows("SELECT v FROM t WHERE id = 9000").first?.first == .text("row 9000"))
    }

    /// A write that fails (here a duplicate key) is thrown by the next call, then by every call
    /// until a ROLLBACK: COMMIT cannot store the transaction without it. After the rollback the
    /// connection works again and nothing of the transaction is stored.
    @Test func aFailedWriteKeepsItsTransactionFromCommitting() throws {
        let db = try database()
        let insert = try db.prepare("INSERT INTO t(id, v) VALUES (?, ?)")
        try db.execute("BEGIN IMMEDIATE")
        for id in 1...600 { db.runDeferred(insert, [.integer(Int64(id)), .text("first")]) }
        db.runDeferred(insert, [.integer(300), .text("duplicate")])
        for id in 601...700 { db.runDeferred(insert, [.integer(Int64(id)), .text("after")]) }
        #expect(throws: SQLiteError.self) { try db.rows("SELECT 1") }
        #expect(throws: SQLiteError.self) { try db.execute("COMMIT") }
        try db.execute("ROLLBACK")
        #expect(try db.rows("SELECT count(*) FROM t").first?.first == .integer(0))
        try db.execute("BEGIN IMMEDIATE")
        db.runDeferred(insert, [.integer(1), .text("again")])
        try db.execute("COMMIT")
        #expect(try db.rows("SELECT v FROM t").map { $0.first } == [.text("again")])
    }

    /// A statement whose caller let go of it while its writes wait still runs them, and is
    /// finalized only once they ran.
    @Test func aStatementDroppedWithWritesPendingRunsThem() throws {
        let db = try database()
        try db.execute("BEGIN IMMEDIATE")
        do {
            let insert = try db.prepare("INSERT INTO t(id, v) VALUES (?, ?)")
            for id in 1...1_000 { db.runDeferred(insert, [.integer(Int64(id)), .text("x")]) }
        }
        try db.execute("COMMIT")
        #expect(try db.rows("SELECT count(*) FROM t").first?.first == .integer(1_000))
    }
}
