import Foundation
import Testing
import Native
@testable import Store
import TestSupport

/// The shipper reads a spool's next batch while PostgreSQL stores the one before. A batch read
/// ahead stands for the spool only where a read at that point would: it is used when it starts
/// where the fleet store's shipped_seq is, and otherwise the batch is read again, so that no
/// outbox entry is skipped (after a failed batch) and none waits for the next idle pause.
@Suite struct FleetBatchReadAheadTests {
    /// A spool of one table (strings) with its outbox.
    struct Spool {
        let folder: URL
        let database: SQLiteDatabase
        let readAhead: FleetBatchReadAhead

        /// By default a read ahead runs at once, on the caller's thread: what it read is then
        /// known before the spool changes.
        init(startThread: @escaping FleetBatchReadAhead.ThreadStarter = { _, body in body() }) throws {
            folder = try Fixtures.temporaryFolder("read-ahead")
            let path = folder.appendingPathComponent("spool.db").path
            database = try SQLiteDatabase(path: path, mode: .readWriteCreate)
            try database.execute("""
                PRAGMA journal_mode = WAL;
                CREATE TABLE strings (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
                CREATE TABLE fleet_changes (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key ANY NOT NULL);
                """)
            let reader = try FleetSpoolReader(spoolPath: path, spool: 3, node: "hv-a", columns: ["strings": ["id", "text"]])
            readAhead = FleetBatchReadAhead(reader: reader, startThread: startThread)
        }

        /// Stores strings `ids` (text "v<id>") with their outbox entries.
        func store(_ ids: ClosedRange<Int64>) throws {
            try database.execute("BEGIN")
            for id in ids {
                try database.run("INSERT OR REPLACE INTO strings VALUES (?, ?)", [.integer(id), .text("v\(id)")])
                try database.run("INSERT INTO fleet_changes (tbl, key) VALUES ('strings', ?)", [.integer(id)])
            }
            try database.execute("COMMIT")
        }

        /// The fleet ids of a batch's rows.
        static func ids(_ batch: FleetSpoolReader.Batch) -> [Int64] {
            (batch.rows["strings"] ?? []).compactMap { $0[2].int64.map { $0 - FleetTable.fleetID(spool: 3, local: 0) } }
        }
    }

    @Test func theBatchReadAheadIsTakenWhenItStartsWhereTheShippedSequenceIs() throws {
        let spool = try Spool()
        defer { try? FileManager.default.removeItem(at: spool.folder) }
        try spool.store(1...5)
        let first = try spool.readAhead.take(after: 0, limit: 3, usable: true)
        #expect(Spool.ids(first) == [1, 2, 3])
        #expect(first.lastSeq == 3)
        spool.readAhead.start(after: first.lastSeq, limit: 3)
        _ = spool.readAhead.finished()
        // Stored after the read ahead: a read now would hold 6; the batch read ahead does not.
        try spool.store(6...6)
        let second = try spool.readAhead.take(after: 3, limit: 3, usable: true)
        #expect(Spool.ids(second) == [4, 5], "the batch read ahead, as the spool was then")
        let third = try spool.readAhead.take(after: second.lastSeq, limit: 3, usable: true)
        #expect(Spool.ids(third) == [6], "what came after it is the next batch")
    }

    @Test func aBatchThatDidNotCommitHasTheOneAfterItReadAgainFromTheShippedSequence() throws {
        let spool = try Spool()
        defer { try? FileManager.default.removeItem(at: spool.folder) }
        try spool.store(1...6)
        let first = try spool.readAhead.take(after: 0, limit: 3, usable: true)
        spool.readAhead.start(after: first.lastSeq, limit: 3)
        // The first batch failed: shipped_seq is still 0, and its entries must go again.
        let again = try spool.readAhead.take(after: 0, limit: 3, usable: true)
        #expect(Spool.ids(again) == [1, 2, 3])
        #expect(again.after == 0)
    }

    @Test func anEmptyReadAheadIsReadAgainSoThatRowsStoredMeanwhileGoNow() throws {
        let spool = try Spool()
        defer { try? FileManager.default.removeItem(at: spool.folder) }
        try spool.store(1...2)
        let first = try spool.readAhead.take(after: 0, limit: 10, usable: true)
        spool.readAhead.start(after: first.lastSeq, limit: 10)
        _ = spool.readAhead.finished()
        try spool.store(3...4)
        let next = try spool.readAhead.take(after: first.lastSeq, limit: 10, usable: true)
        #expect(Spool.ids(next) == [3, 4])
    }

    @Test func aReadAheadOfAnotherSizeIsReadAgain() throws {
        let spool = try Spool()
        defer { try? FileManager.default.removeItem(at: spool.folder) }
        try spool.store(1...6)
        spool.readAhead.start(after: 0, limit: 2)
        let batch = try spool.readAhead.take(after: 0, limit: 4, usable: true)
        #expect(Spool.ids(batch) == [1, 2, 3, 4])
    }

    @Test func aFailedReadAheadIsReadAgainAndItsErrorIsTheNewReadsOwn() throws {
        let spool = try Spool()
        defer { try? FileManager.default.removeItem(at: spool.folder) }
        try spool.store(1...2)
        try spool.database.execute("ALTER TABLE fleet_changes RENAME TO fleet_changes_away")
        spool.readAhead.start(after: 0, limit: 5)
        guard case .failure = spool.readAhead.finished()?.batch else {
            Issue.record("the read ahead should have failed without its outbox")
            return
        }
        try spool.database.execute("ALTER TABLE fleet_changes_away RENAME TO fleet_changes")
        #expect(Spool.ids(try spool.readAhead.take(after: 0, limit: 5, usable: true)) == [1, 2])
    }

    @Test func aBatchReadAheadIsNotTakenAfterABatchThisShipperDidNotCommit() throws {
        // Another shipper of the spool committed the batch before it, reading it later: the
        // batch read ahead may hold an older state of a row than that shipper shipped.
        let spool = try Spool()
        defer { try? FileManager.default.removeItem(at: spool.folder) }
        try spool.store(1...4)
        let first = try spool.readAhead.take(after: 0, limit: 2, usable: true)
        spool.readAhead.start(after: first.lastSeq, limit: 2)
        _ = spool.readAhead.finished()
        try spool.database.run("UPDATE strings SET text = 'newer' WHERE id = 3", [])
        try spool.database.run("INSERT INTO fleet_changes (tbl, key) VALUES ('strings', 3)", [])
        let next = try spool.readAhead.take(after: first.lastSeq, limit: 2, usable: false)
        #expect(next.rows["strings"]?.first?[3].string == "newer", "read again, as the spool is now")
    }

    @Test func aReadAheadWhoseThreadNeverStartedIsCalledOffAndReadHere() throws {
        // A thread that cannot be made (a task limit) never runs its read: taking must not wait
        // for it, and its read must not run later beside this one.
        let parked = Locked<[@Sendable () -> Void]>([])
        let spool = try Spool(startThread: { _, body in parked.mutate { $0.append(body) } })
        defer { try? FileManager.default.removeItem(at: spool.folder) }
        try spool.store(1...4)
        let first = try spool.readAhead.take(after: 0, limit: 2, usable: true)
        spool.readAhead.start(after: first.lastSeq, limit: 2)
        let next = try spool.readAhead.take(after: first.lastSeq, limit: 2, usable: true)
        #expect(Spool.ids(next) == [3, 4])
        // The thread turns up after all: it finds its read called off and does nothing.
        for body in parked.value { body() }
        #expect(spool.readAhead.finished() == nil, "called off: nothing read")
        spool.readAhead.start(after: next.lastSeq, limit: 2)
    }

    @Test func aReadAheadOnItsOwnThreadIsWaitedForAndTaken() throws {
        let spool = try Spool(startThread: { name, body in
            let thread = Thread(block: body)
            thread.name = name
            thread.start()
        })
        defer { try? FileManager.default.removeItem(at: spool.folder) }
        try spool.store(1...300)
        var after: Int64 = 0
        var shipped: [Int64] = []
        while true {
            let batch = try spool.readAhead.take(after: after, limit: 7, usable: true)
            if batch.entries.isEmpty { break }
            spool.readAhead.start(after: batch.lastSeq, limit: 7)
            shipped += Spool.ids(batch)
            after = batch.lastSeq
        }
        #expect(shipped == Array(1...300))
    }
}
