import Foundation
import Native
import Store

/// Ships a spool to the fleet store on a thread of its own while a writer stores into the
/// spool, so the writer never waits on PostgreSQL: when the fleet store is away, rows wait in
/// the spool (on disk, not in memory) and go when it is back.
public final class FleetShippingLoop: @unchecked Sendable {
    public typealias Connect = @Sendable () throws -> FleetShipper
    public typealias Report = @Sendable (_ message: String, _ isProblem: Bool) -> Void

    private let connect: Connect
    private let report: Report
    private let idleSeconds: Double
    private let niceness: Int32
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    private var thread: Thread?
    private var problem: String?
    private var shippedRows = 0
    /// Fleet store sessions given up in the middle of a batch, ended by the next connection.
    private var abandoned: [PostgresConnection.ServerSession] = []
    private var toldUnidentified = false

    /// - Parameters:
    ///   - connect: opens the fleet store and the spool (again after any failure: a lost
    ///     connection is not reused).
    ///   - report: hears of a failure (once until it changes) and of the recovery.
    ///   - idleSeconds: how long to wait when nothing was waiting to be shipped.
    ///   - niceness: how far below the writer's threads the shipping thread runs. watch keeps it
    ///     behind (shipping may lag, alerting must not); a batch ingest, whose only measure is
    ///     when everything is in the fleet store, ships beside the writer at the same priority
    ///     (a niced shipper got no CPU until the spool was complete, then shipped it all while
    ///     the writer's core stood idle).
    public init(connect: @escaping Connect, report: @escaping Report, idleSeconds: Double = 0.2, niceness: Int32 = 10) {
        self.connect = connect
        self.report = report
        self.idleSeconds = idleSeconds
        self.niceness = niceness
    }

    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "fleet shipping"
        self.thread = thread
        thread.start()
    }

    /// Sessions given up and not ended yet (for a connection made after the loop stopped).
    public var sessionsLeftBehind: [PostgresConnection.ServerSession] { condition.withLock { abandoned } }

    /// Rows shipped so far.
    public var shipped: Int { condition.withLock { shippedRows } }

    /// Stops the loop and waits for it: after the batch under way, or, with `drainSeconds`,
    /// once nothing waits to be shipped (what the caller's own shutdown changed included), the
    /// fleet store fails, or that time has passed.
    ///
    /// Returns false when it gave up waiting, leaving the thread behind: `graceSeconds` after the
    /// drain's end, or once one batch (or connection) has been under way for `stallSeconds`. A
    /// server that stops answering in the middle of a batch (frozen, or its disk hung) is waited
    /// for as long as the connection's answer timeout ($SVIRT_TRACE_FLEET_TIMEOUT; without end
    /// when it is 0), and what that batch ships waits in the spool.
    @discardableResult
    public func stop(drainSeconds: Double = 0, graceSeconds: Double = 10, stallSeconds: Double = 60) -> Bool {
        condition.withLock {
            stopping = true
            drainUntil = Date().addingTimeInterval(drainSeconds)
            condition.broadcast()
        }
        return condition.withLock {
            let latest = drainUntil.addingTimeInterval(graceSeconds)
            while thread != nil, !finished {
                let now = Date()
                var until = latest
                if let started = batchStarted { until = min(until, started.addingTimeInterval(stallSeconds)) }
                if now >= until { return false }
                _ = condition.wait(until: min(until, now.addingTimeInterval(1)))
            }
            return true
        }
    }

    /// When the batch (or connection) under way began; nil between batches.
    private var batchStarted: Date?

    private var drainUntil = Date.distantFuture
    /// A retention cutoff whose empty months are to be dropped once the spool's deletions are
    /// shipped (`watch --retain`).
    private var dropMonthsBefore: Int64?

    /// Asks for the fleet store's empty months before `cutoff` to be dropped once everything
    /// waiting is shipped (the pruned rows' deletions first).
    public func dropEmptyMonths(before cutoff: Int64) {
        condition.withLock { dropMonthsBefore = max(dropMonthsBefore ?? cutoff, cutoff) }
    }

    private func run() {
        if niceness > 0 { ThreadPriority.lowerCurrent(niceness: niceness) }
        var shipper: FleetShipper?
        var backoff = 1.0
        while true {
            let (stop, until) = condition.withLock { (stopping, drainUntil) }
            if stop, Date() >= until { break }
            do {
                condition.withLock { batchStarted = Date() }
                defer { condition.withLock { batchStarted = nil } }
                if shipper == nil { shipper = try connected() }
                let count = try shipper!.shipBatch()
                condition.withLock { shippedRows += count }
                if let was = condition.withLock({ problem }) {
                    report("shipping to the fleet store resumed (it had failed: \(was))", false)
                    condition.withLock { problem = nil }
                }
                backoff = 1
                if count == 0, let cutoff = condition.withLock({ dropMonthsBefore }) {
                    let dropped = try shipper!.dropEmptyMonths(before: cutoff)
                    condition.withLock { if dropMonthsBefore == cutoff { dropMonthsBefore = nil } }
                    if dropped > 0 {
                        report("dropped \(dropped) emptied month\(dropped == 1 ? "" : "s") of the fleet store's partitions", false)
                    }
                }
                if count == 0 {
                    if stop { break }
                    pause(idleSeconds)
                }
            } catch {
                if let left = shipper?.abandonedSession { condition.withLock { abandoned.append(left) } }
                shipper = nil
                let message = "\(error)"
                let changed = condition.withLock { () -> Bool in
                    defer { problem = message }
                    return problem != message
                }
                if changed {
                    // "While this process runs": an ingest tries once more at its end and then
                    // exits, leaving the rows to the spool's next writer.
                    report("cannot ship to the fleet store (rows wait in the spool; retried while this process runs, "
                           + "after \(Int(backoff)) s, then less often, at most 30 s apart): \(message)", true)
                }
                if stop { break }
                pause(backoff)
                backoff = min(30, backoff * 2)
            }
        }
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// A new connection, which first ends the fleet store's sessions given up before it.
    private func connected() throws -> FleetShipper {
        let made = try connect()
        if !made.identifiesSession, !toldUnidentified {
            toldUnidentified = true
            report("the fleet store does not show this writer its own session (pg_stat_activity hidden, a login role "
                   + "that sets another role, or a pooler between): a batch given up over a network gone silent keeps "
                   + "the spool's row until the server's keepalive drops it", true)
        }
        let left = condition.withLock { abandoned }
        guard !left.isEmpty else { return made }
        let (ended, unasked) = made.end(left)
        condition.withLock { abandoned = unasked }
        if ended > 0 {
            report("ended \(ended) session\(ended == 1 ? "" : "s") of the fleet store this process had given up on "
                   + "(held the spool's row until the server noticed)", false)
        }
        return made
    }

    private func pause(_ seconds: Double) {
        condition.withLock {
            if !stopping { _ = condition.wait(until: Date().addingTimeInterval(seconds)) }
        }
    }
}
