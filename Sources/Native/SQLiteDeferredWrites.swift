import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Inserts whose outcome the caller does not need at once (an audit event's row, whose id the
/// caller chose itself), run on a thread of their own while the caller goes on correlating. A
/// flood's events cost about as much to insert as to correlate, and a hypervisor has more than one
/// core.
///
/// The connection is still used by one thread at a time: every other use of it waits until the
/// queue is empty and the worker idle (`settle`). So every statement sees every write handed over
/// before it, in order, as if they had run at once.
///
/// A write that fails makes every later call on the connection throw that failure, until a
/// ROLLBACK: the transaction it belonged to can never commit without it.
final class SQLiteDeferredWrites: @unchecked Sendable {
    // `queue`, `working`, `failure` and `stopping` are guarded by `condition`; `handedOver` is the
    // caller's thread's alone.
    private struct Job {
        let statement: SQLiteStatement
        let values: [SQLValue]
    }

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var working = false
    private var failure: SQLiteError?
    private var stopping = false
    private var handedOver = false
    private let finished = DispatchSemaphore(value: 0)
    /// Set by the worker before it takes its first job.
    private var worker: pthread_t?

    /// The worker wakes for this many jobs at once: a wake-up per insert would cost more than
    /// the insert.
    private let batch: Int
    /// At most this many jobs wait: the caller waits for room beyond it, so memory stays bounded.
    private let capacity: Int

    init(batch: Int = 256, capacity: Int = 2_048) {
        self.batch = max(1, batch)
        self.capacity = max(self.batch, capacity)
        let thread = Thread { [self] in work() }
        thread.name = "svirt-trace sqlite"
        thread.start()
    }

    /// Ends the worker once it is idle. On the worker itself (the connection's last reference
    /// went with a job it ran) it only asks: waiting there would wait for itself.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        if !isWorkerThread { finished.wait() }
    }

    /// True on the worker thread, which is then the connection's only user (it runs a batch).
    var isWorkerThread: Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let worker else { return false }
        return pthread_equal(worker, pthread_self()) != 0
    }

    /// Hands one write over; waits while the queue is full.
    func enqueue(_ statement: SQLiteStatement, _ values: [SQLValue]) {
        condition.lock()
        while queue.count >= capacity { condition.wait() }
        queue.append(Job(statement: statement, values: values))
        if queue.count >= batch, !working { condition.broadcast() }
        condition.unlock()
        handedOver = true
    }

    /// Returns once every write handed over has run: what the worker has not taken runs here.
    /// Throws the failure of any of them (again at every call, until `discardFailure`).
    func settle() throws {
        if let failure = waitAndRunRest() { throw failure }
    }

    /// Like `settle`, for calls that cannot throw (a column's value): the failure stays for the
    /// next call that can.
    func settleQuietly() {
        _ = waitAndRunRest()
    }

    /// Before a ROLLBACK: what a failed write left undone goes with the transaction.
    func discardFailure() {
        _ = waitAndRunRest()
        condition.lock()
        failure = nil
        condition.unlock()
    }

    private func waitAndRunRest() -> SQLiteError? {
        guard handedOver else {
            condition.lock()
            defer { condition.unlock() }
            return failure
        }
        condition.lock()
        while working { condition.wait() }
        let rest = queue
        queue.removeAll(keepingCapacity: true)
        var failure = self.failure
        condition.unlock()
        if failure == nil, let error = Self.run(rest) {
            failure = error
            condition.lock()
            self.failure = error
            condition.unlock()
        }
        handedOver = false
        return failure
    }

    private func work() {
        condition.lock()
        worker = pthread_self()
        condition.unlock()
        while true {
            condition.lock()
            while !stopping && queue.count < batch { condition.wait() }
            if stopping {
                condition.unlock()
                finished.signal()
                return
            }
            var jobs = queue
            queue.removeAll(keepingCapacity: true)
            working = true
            let failed = failure != nil
            condition.broadcast()
            condition.unlock()
            // After a failure the rest is not run: the transaction is going to be rolled back.
            let error = failed ? nil : Self.run(jobs)
            // Released while this thread still owns the connection: a statement whose last
            // reference was a job is finalized here, not beside the caller's next call.
            jobs.removeAll()
            condition.lock()
            working = false
            if let error, failure == nil { failure = error }
            condition.broadcast()
            condition.unlock()
        }
    }

    private static func run(_ jobs: [Job]) -> SQLiteError? {
        for job in jobs {
            do {
                try job.statement.runNow(job.values)
            } catch let error as SQLiteError {
                return error
            } catch {
                return SQLiteError(code: 1, message: "\(error)", sql: job.statement.sql)
            }
        }
        return nil
    }
}
