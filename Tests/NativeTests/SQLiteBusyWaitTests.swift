import Foundation
import Testing
@testable import Native
import TestSupport

/// The busy wait that replaced sqlite3_busy_timeout (so that a batch run's stop can end it) must
/// wait as long as that one did: a lock let go within the timeout is taken, a lock held past it
/// is an error after the timeout, not before.
@Suite struct SQLiteBusyWaitTests {
    private func held() throws -> (path: String, holder: SQLiteDatabase) {
        let path = try Fixtures.temporaryFolder("busy").appendingPathComponent("b.db").path
        let holder = try SQLiteDatabase(path: path, mode: .readWriteCreate)
        try holder.execute("PRAGMA journal_mode=WAL; CREATE TABLE t(v)")
        try holder.execute("BEGIN IMMEDIATE")
        return (path, holder)
    }

    @Test func aLockHeldPastTheTimeoutFailsAfterTheTimeout() throws {
        let (path, holder) = try held()
        let waiter = try SQLiteDatabase(path: path, mode: .readWrite, busyTimeoutMilliseconds: 400)
        let started = Date()
        #expect(throws: SQLiteError.self) { try waiter.execute("BEGIN IMMEDIATE") }
        #expect(Date().timeIntervalSince(started) >= 0.35)
        try holder.execute("ROLLBACK")
        try waiter.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (1); COMMIT")
    }

    @Test func aLockLetGoWithinTheTimeoutIsTaken() throws {
        let (path, holder) = try held()
        let waiter = try SQLiteDatabase(path: path, mode: .readWrite, busyTimeoutMilliseconds: 10_000)
        // Only that thread uses the holder from here on.
        nonisolated(unsafe) let held = holder
        let letGo = Thread { Thread.sleep(forTimeInterval: 0.7); try? held.execute("ROLLBACK") }
        letGo.start()
        try waiter.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (1); COMMIT")
        #expect(try waiter.rows("SELECT count(*) FROM t").first?.first?.int64 == 1)
    }

    /// sqlite3_busy_timeout's schedule: the sleeps before the n-th try add up as SQLite's
    /// `totals` table has them, then 100 ms a try.
    @Test func theSleepsAddUpAsSQLitesOwn() {
        #expect((0..<12).map { BusySchedule.waited(beforeTry: $0) } == [0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228])
        #expect(BusySchedule.waited(beforeTry: 12) == 328)
        #expect(BusySchedule.waited(beforeTry: 20) == 1128)
        #expect(BusySchedule.sleep(atTry: 40) == 100)
    }
}
