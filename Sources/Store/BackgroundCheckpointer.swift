import Foundation
import Native

/// Copies the write-ahead log into the database on a thread of its own, so that watch never
/// waits for a checkpoint (and its fsync) between two batches of a flood: with SQLite's automatic
/// checkpoint, every few megabytes of writing stalls the writer for as long as the disk takes.
/// Passive checkpoints take no lock a writer needs; the writer's own automatic checkpoint is off
/// while this runs and back on when it stops.
public final class BackgroundCheckpointer: @unchecked Sendable {
    private let writer: Database
    private let connection: SQLiteDatabase
    private let interval: TimeInterval
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    /// Checkpoints that SQLite refused (busy, an I/O error); the writer's next stop checkpoints again.
    public private(set) var failures = 0

    public init(database: Database, intervalMilliseconds: Int = 200) throws {
        writer = database
        connection = try SQLiteDatabase(path: database.path, mode: .readWrite, busyTimeoutMilliseconds: 50)
        interval = Double(intervalMilliseconds) / 1000
    }

    public func start() throws {
        try writer.connection.execute("PRAGMA wal_autocheckpoint = 0")
        let thread = Thread { [self] in run() }
        thread.name = "svirt-trace checkpoint"
        thread.start()
    }

    /// Ends the thread and gives the writer its automatic checkpoint back.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        try? writer.connection.execute("PRAGMA wal_autocheckpoint = 1000")
    }

    private func run() {
        condition.lock()
        while !stopping {
            _ = condition.wait(until: Date().addingTimeInterval(interval))
            if stopping { break }
            condition.unlock()
            do {
                _ = try connection.rows("PRAGMA wal_checkpoint(PASSIVE)")
            } catch {
                failures += 1
            }
            condition.lock()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
