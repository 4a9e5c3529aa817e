import Foundation
import Testing
@testable import Native
import TestSupport

/// The writer's WAL is copied back mostly by a thread of its own (SQLite's automatic checkpoint,
/// which ran inside the writer's COMMIT, is replaced): the WAL must still start again from its
/// beginning, every row must reach the database file, and closing must leave no -wal behind.
@Suite struct SQLiteBackgroundCheckpointTests {
    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Commits of about 4 pages each (16 KB rows) against a mark of 64 pages: the WAL's length
    /// is its high-water mark, so it stays near the mark only if it restarts again and again.
    private func write(commits: Int, mark: Int32, pauseEvery: Int?) throws -> (largestWAL: Int, counts: (thread: Int, writer: Int, forced: Int), path: String) {
        let path = try Fixtures.temporaryFolder("checkpoint").appendingPathComponent("c.db").path
        var largestWAL = 0
        var counts = (thread: 0, writer: 0, forced: 0)
        do {
            let db = try SQLiteDatabase(path: path, mode: .readWriteCreate)
            try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB NOT NULL)")
            db.checkpointInBackground(framesAbove: mark)
            let checkpoint = try #require(db.backgroundCheckpoint)
            let insert = try db.prepare("INSERT INTO t(id, v) VALUES (?, randomblob(16000))")
            for id in 1...commits {
                try db.execute("BEGIN IMMEDIATE")
                try insert.run([.integer(Int64(id))])
                try db.execute("COMMIT")
                largestWAL = max(largestWAL, fileSize(path + "-wal"))
                if let pauseEvery, id % pauseEvery == 0 {
                    // A pause long enough for the thread to finish what it was asked: a fixed
                    // 20 ms was not, on a loaded 2-core machine (CI, 2026-12-07: two commits
                    // reached the hard limit).
                    let deadline = Date().addingTimeInterval(2)
                    repeat { Thread.sleep(forTimeInterval: 0.005) } while !checkpoint.isIdle && Date() < deadline
                }
            }
            counts = checkpoint.counts
            #expect(try db.rows("SELECT count(*) FROM t").first?.first == .integer(Int64(commits)))
        }
        // Closed: the writer's own close copied the rest and removed the WAL, as without the thread.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let reader = try SQLiteDatabase(path: path, mode: .readOnlyImmutable)
        #expect(try reader.rows("SELECT count(*), sum(length(v)) FROM t").first
                == [.integer(Int64(commits)), .integer(Int64(commits) * 16000)])
        return (largestWAL, counts, path)
    }

    /// A writer that pauses now and then (watch between its commits): the thread copies, and the
    /// WAL restarts without ever reaching the hard limit (2 x the mark).
    @Test func theThreadCopiesAndTheWALRestarts() throws {
        let result = try write(commits: 400, mark: 64, pauseEvery: 10)
        #expect(result.counts.thread > 0)
        #expect(result.counts.forced == 0, "the commits had to checkpoint past the hard limit")
        // 6.4 MB went through it; 128 pages of 4 KB and their frame headers are 528 KB.
        #expect(result.largestWAL < 528_000, "WAL grew to \(result.largestWAL) bytes")
    }

    /// A writer that never pauses (ingest): the WAL still stays bounded, by the hard limit at
    /// worst (128 pages here, and the commit that crossed it).
    @Test func aWriterThatNeverPausesKeepsTheWALBounded() throws {
        let result = try write(commits: 1_500, mark: 64, pauseEvery: nil)
        // 24 MB went through it.
        #expect(result.largestWAL < 600_000, "WAL grew to \(result.largestWAL) bytes")
        #expect(result.counts.thread > 0)
    }
}
