import Foundation

/// Reads a spool's next batch on a thread of its own while the shipper waits on PostgreSQL for
/// the one before: without it the shipper read a batch (about 40 ms for 20,000 changed rows),
/// then waited while the server stored it, then read the next, and a backlog shipped with one
/// core idle at every step.
///
/// A batch read ahead is the spool's state when it was read, as one read later would be an
/// older or the same state: changes made after it have outbox entries after its last, and ship
/// in a later batch. It is used only if the batch before it committed (it starts where the
/// fleet store's shipped_seq then is) and holds entries (an empty one is read again, so that a
/// watch's rows stored meanwhile are not left for the next idle pause).
final class FleetBatchReadAhead: @unchecked Sendable {
    private let reader: FleetSpoolReader
    private let condition = NSCondition()
    private var running = false
    private var ready: (limit: Int, batch: Result<FleetSpoolReader.Batch, Error>)?

    init(reader: FleetSpoolReader) {
        self.reader = reader
    }

    /// Starts reading the batch after `after`. The thread is made by the caller's, so it runs
    /// at its priority (watch lowers the shipping thread's, which must not take the alerting
    /// thread's CPU).
    func start(after: Int64, limit: Int) {
        condition.withLock {
            precondition(!running, "one batch is read ahead at a time")
            running = true
            ready = nil
        }
        let thread = Thread { [self] in
            let result = Result { try reader.read(after: after, limit: limit) }
            condition.withLock {
                ready = (limit, result)
                running = false
                condition.broadcast()
            }
        }
        thread.name = "fleet read-ahead"
        thread.start()
    }

    /// The batch after `after`: the one read ahead when it starts there and holds entries, else
    /// one read now (the read ahead is waited for first: the two share a connection).
    func take(after: Int64, limit: Int) throws -> FleetSpoolReader.Batch {
        let early = finished()
        condition.withLock { ready = nil }
        if let early, early.limit == limit, case .success(let batch) = early.batch, batch.after == after, !batch.entries.isEmpty {
            return batch
        }
        return try reader.read(after: after, limit: limit)
    }

    /// Waits for the read under way, if any; returns the last one's limit and outcome (nil once
    /// taken).
    func finished() -> (limit: Int, batch: Result<FleetSpoolReader.Batch, Error>)? {
        condition.withLock {
            while running { condition.wait() }
            return ready
        }
    }
}
