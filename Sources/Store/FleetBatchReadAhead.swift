import Foundation

/// Reads a spool's next batch on a thread of its own while the shipper waits on PostgreSQL for
/// the one before: without it the shipper read a batch (about 40 ms for 20,000 changed rows),
/// then waited while the server stored it, then read the next, and a backlog shipped with one
/// core idle at every step.
///
/// A batch read ahead is the spool's state when it was read, as one read later would be an
/// older or the same state: changes made after it have outbox entries after its last, and ship
/// in a later batch. The shipper uses it only after committing the batch before it itself (a
/// batch another shipper of the spool committed was read later, and may hold newer states than
/// this read), and only when it holds entries (an empty one is read again, so that a watch's
/// rows stored meanwhile are not left for the next idle pause).
final class FleetBatchReadAhead: @unchecked Sendable {
    private enum State {
        case idle
        /// Asked for; its thread has not begun (it may never: a thread that cannot be made
        /// fails without a word), so `take` may call it off and read itself.
        case requested(after: Int64, limit: Int)
        case reading
    }

    private let reader: FleetSpoolReader
    private let condition = NSCondition()
    private var state = State.idle
    private var ready: (limit: Int, batch: Result<FleetSpoolReader.Batch, Error>)?

    /// Runs a read on a new thread; it may fail to (Foundation's Thread says nothing when
    /// pthread_create fails, under a task limit say), which `take` survives.
    typealias ThreadStarter = (_ name: String, _ body: @escaping @Sendable () -> Void) -> Void
    private let startThread: ThreadStarter

    init(reader: FleetSpoolReader, startThread: @escaping ThreadStarter = { name, body in
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }) {
        self.reader = reader
        self.startThread = startThread
    }

    /// Starts reading the batch after `after`. The thread is made by the caller's, so it runs
    /// at its priority (watch lowers the shipping thread's, which must not take the alerting
    /// thread's CPU).
    func start(after: Int64, limit: Int) {
        condition.withLock {
            if case .idle = state {} else { preconditionFailure("one batch is read ahead at a time") }
            state = .requested(after: after, limit: limit)
            ready = nil
        }
        startThread("fleet read-ahead") { [self] in
            let asked = condition.withLock { () -> (after: Int64, limit: Int)? in
                guard case .requested(let after, let limit) = state else { return nil }
                state = .reading
                return (after, limit)
            }
            guard let asked else { return }
            let result = Result { try reader.read(after: asked.after, limit: asked.limit) }
            condition.withLock {
                ready = (asked.limit, result)
                state = .idle
                condition.broadcast()
            }
        }
    }

    /// The batch after `after`: the one read ahead when `usable` (the shipper committed the
    /// batch before it), it starts there, was read with this limit and holds entries; else one
    /// read now. A read ahead under way is waited for (the two share a connection); one whose
    /// thread has not begun is called off.
    func take(after: Int64, limit: Int, usable: Bool) throws -> FleetSpoolReader.Batch {
        let early = finished()
        condition.withLock { ready = nil }
        if usable, let early, early.limit == limit, case .success(let batch) = early.batch, batch.after == after,
           !batch.entries.isEmpty {
            return batch
        }
        return try reader.read(after: after, limit: limit)
    }

    /// Waits for the read under way, if any, and calls off one not begun; returns the last
    /// read's limit and outcome (nil once taken, or when it was called off).
    func finished() -> (limit: Int, batch: Result<FleetSpoolReader.Batch, Error>)? {
        condition.withLock {
            while true {
                switch state {
                case .idle: return ready
                case .requested:
                    state = .idle
                    return nil
                case .reading: condition.wait()
                }
            }
        }
    }
}
