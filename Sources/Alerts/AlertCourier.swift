import Findings
import Foundation
import Store

/// Between the alert engine and where alerts go. Each alert is recorded in the ledger inside the
/// transaction that stored its event, with a pending delivery for standard output and every
/// sink, and announced only after that transaction committed (`announce`): an alert whose
/// transaction rolled back is raised again by the replay, under the same id, and printed then.
/// Standard output's deliveries are confirmed in the next transaction, so a crash between the
/// commit and the print, or a reader that went away, prints the alert again at the next start.
///
/// The caller's loop calls `handle` with each stored event's findings and `tick` every turn
/// (both inside the open transaction), `announce` after each commit, and `finish` at the end.
public final class AlertCourier {
    /// The ledger's name for standard output.
    public static let standardOutput = "stdout"
    /// At most one queue-full report per sink in this many seconds.
    static let dropReportSeconds = 60.0

    public struct Options: Sendable {
        public var retrySeconds: Double = 60
        public var maximumAttempts = 10

        public init() {}
    }

    public private(set) var engine: AlertEngine
    private let ledger: AlertLedger
    private let dispatcher: SinkDispatcher
    private let options: Options
    private let printLine: (String) throws -> Void
    private let log: (String) -> Void
    private let standardOutputGone: () -> Void

    private struct Recorded {
        var row: Int64
        var id: String
        var time: Int64
        var json: String
        var isDropReport: Bool
    }

    /// Recorded in the open transaction: announced after it commits.
    private var recorded: [Recorded] = []
    /// Printed: confirmed in the next transaction.
    private var printed: [Int64] = []
    /// Once standard output's reader went away, nothing more is printed (it stays pending).
    public private(set) var isStandardOutputGone = false
    private var lastFinding = AlertCourier.now()
    private var lastRetry = AlertCourier.now()
    private var lastDropReport: [String: Double] = [:]

    /// - Parameters:
    ///   - printLine: writes one line to standard output; throws its error.
    ///   - standardOutputGone: called once when standard output's reader went away (EPIPE).
    ///   - log: told of deliveries that did not happen and alerts raised twice.
    public init(engine: AlertEngine, ledger: AlertLedger, dispatcher: SinkDispatcher, options: Options = Options(),
                printLine: @escaping (String) throws -> Void, standardOutputGone: @escaping () -> Void,
                log: @escaping (String) -> Void) {
        self.engine = engine
        self.ledger = ledger
        self.dispatcher = dispatcher
        self.options = options
        self.printLine = printLine
        self.standardOutputGone = standardOutputGone
        self.log = log
    }

    /// New rules (SIGHUP); the open windows stay.
    public func replaceRules(_ rules: [AlertRule]) {
        engine.rules = rules
    }

    /// At start, in a transaction of its own: takes up the windows an earlier run left open, prints
    /// what it committed but never printed, and queues what it did not deliver.
    public func start() throws -> Int {
        switch try ledger.adoptUnowned() {
        case .nothingWaiting: break
        case .took(let rows):
            log("alert engine: took up \(rows) window(s) and deliveries stored before watches had owners (schema 7)")
        case .left(let rows, let nodes):
            log("alert engine: left \(rows) window(s) and deliveries stored before watches had owners (schema 7) for the watch that wrote them: "
                + "they name node(s) \(nodes.map { $0.isEmpty ? "(none)" : $0 }.joined(separator: ", ")); a watch of one of those nodes, or one without a node, takes them up")
        }
        let skipped = engine.restore(try ledger.engineState())
        if skipped > 0 { log("alert engine: \(skipped) stored window(s) could not be read and were dropped") }
        var after: Int64 = 0
        printing: while true {
            let page = try ledger.unprinted(sink: Self.standardOutput, after: after, limit: 1_000)
            for entry in page {
                guard print(entry.json) else { break printing }
                printed.append(entry.alert)
                after = entry.alert
            }
            if page.count < 1_000 { break }
        }
        for sink in dispatcher.sinkNames {
            for entry in try ledger.unsettled(sink: sink, limit: dispatcher.capacity) {
                dispatcher.send(alert: entry.alert, id: entry.alertID, time: entry.time, json: entry.json, sink: sink)
            }
        }
        return try settle()
    }

    /// One stored event's findings, inside its transaction.
    public func handle(_ findings: [Finding]) throws {
        if findings.contains(where: {
            switch $0 {
            case .denial, .event: return true
            default: return false
            }
        }) { lastFinding = Self.now() }
        try record(engine.process(findings))
    }

    /// Every turn of the loop, inside the open transaction: confirms deliveries, retries failed
    /// ones every `retrySeconds`, closes windows while the log is quiet and reports full sink
    /// queues. Returns the rows written.
    public func tick() throws -> Int {
        var rows = try settle() + retryFailed()
        let quiet = Int64((Self.now() - lastFinding) * 1000)
        rows += try record(engine.closeQuiet(quietMilliseconds: quiet))
        let now = Self.now()
        let due = dispatcher.takeDrops { sink in now - (self.lastDropReport[sink] ?? -.infinity) >= Self.dropReportSeconds }
        for drops in due {
            lastDropReport[drops.sink] = now
            rows += try record([Alert.queueFull(drops, capacity: dispatcher.capacity)], dropReport: true)
        }
        return rows
    }

    /// Stores the engine's changed windows; called just before each transaction commits, so the
    /// windows are durable with the events that changed them (and encoded once per transaction,
    /// not after every batch of a flood).
    public func saveState() throws {
        _ = try ledger.saveEngineState(engine.takeChanges())
    }

    /// Alerts recorded in the open transaction wait for its commit: watch commits at once.
    public var hasUnannounced: Bool { !recorded.isEmpty }

    /// After each commit: prints and queues what the committed transaction recorded.
    public func announce() {
        let batch = recorded
        recorded.removeAll()
        for entry in batch {
            if print(entry.json) { printed.append(entry.row) }
            dispatcher.send(alert: entry.row, id: entry.id, time: entry.time, json: entry.json, countDrop: !entry.isDropReport)
        }
    }

    /// At shutdown, inside a transaction: the follow-ups and reports of every open window.
    public func finish() throws -> Int {
        try record(engine.flush()) + ledger.saveEngineState(engine.takeChanges()) + settle()
    }

    /// Confirms the printed alerts and records the sinks' outcomes.
    public func settle() throws -> Int {
        for row in printed {
            try ledger.settle(alert: row, sink: Self.standardOutput, delivered: true, attempts: 1, error: nil)
        }
        var rows = printed.count
        printed.removeAll()
        for outcome in dispatcher.takeOutcomes() {
            try ledger.settle(alert: outcome.alert, sink: outcome.sink, delivered: outcome.delivered, attempts: 1,
                              error: outcome.error)
            rows += 1
        }
        return rows
    }

    /// Failed deliveries go out again every `retrySeconds`, as far as each sink's queue has room.
    private func retryFailed() throws -> Int {
        guard Self.now() - lastRetry >= options.retrySeconds else { return 0 }
        lastRetry = Self.now()
        var rows = 0
        for sink in dispatcher.sinkNames {
            let due = try ledger.takeFailed(sink: sink, maximumAttempts: options.maximumAttempts,
                                            limit: dispatcher.room(for: sink))
            for entry in due {
                dispatcher.send(alert: entry.alert, id: entry.alertID, time: entry.time, json: entry.json, sink: sink)
            }
            rows += due.count
        }
        return rows
    }

    @discardableResult
    private func record(_ alerts: [Alert], dropReport: Bool = false) throws -> Int {
        var rows = 0
        for alert in alerts {
            let json = alert.json
            guard let row = try ledger.record(alertID: alert.id, time: alert.time, severity: alert.severity.rawValue,
                                              rule: alert.rule, kind: alert.kind, node: alert.node, json: json,
                                              sinks: [Self.standardOutput] + dispatcher.sinkNames) else {
                log("alert \(alert.id) was raised before: kept as first recorded, not announced again")
                continue
            }
            recorded.append(Recorded(row: row, id: alert.id, time: alert.time, json: json, isDropReport: dropReport))
            rows += 1
        }
        return rows
    }

    /// One line to standard output; false when it could not be written (it stays pending).
    private func print(_ json: String) -> Bool {
        guard !isStandardOutputGone else { return false }
        do {
            try printLine(json + "\n")
            return true
        } catch {
            if OutputError.isBrokenPipe(error) {
                isStandardOutputGone = true
                standardOutputGone()
            } else {
                log("standard output: \(OutputError.reason(error))")
            }
            return false
        }
    }

    /// Seconds on the monotonic clock: for quietness and retry timing only, never for alert logic.
    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
