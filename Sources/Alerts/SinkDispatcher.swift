import Foundation
import Native
import Synchronization

/// Hands each alert to every sink on that sink's own serial queue, and collects the outcomes for
/// the watch loop to record (the database has one writer: the loop). Each sink's queue holds at
/// most `capacity` alerts: one more is not queued but recorded as a failed delivery ("queue
/// full", retried with the other failed deliveries) and counted in `takeDrops`.
public final class SinkDispatcher: Sendable {
    public struct Outcome: Sendable {
        public var alert: Int64
        public var sink: String
        public var delivered: Bool
        public var error: String?
    }

    /// Alerts that did not fit in one sink's queue since the last `takeDrops`.
    public struct Drops: Sendable, Equatable {
        public var sink: String
        public var count: Int
        /// The first of them: the report's id and time derive from it.
        public var firstAlertID: String
        public var firstAlertTime: Int64
    }

    public static let defaultCapacity = 10_000

    private let sinks: [(AlertSink, DispatchQueue)]
    private let outcomes = Mutex<[Outcome]>([])
    private let queued = Mutex<[String: Int]>([:])
    private let drops = Mutex<[String: Drops]>([:])
    private let report: @Sendable (String) -> Void
    public let capacity: Int

    public init(sinks: [AlertSink], capacity: Int = SinkDispatcher.defaultCapacity,
                report: @escaping @Sendable (String) -> Void) {
        self.sinks = sinks.map { ($0, DispatchQueue(label: "svirt-trace.sink.\($0.name)")) }
        self.capacity = max(1, capacity)
        self.report = report
    }

    public var sinkNames: [String] { sinks.map(\.0.name) }

    /// Room left in one sink's queue.
    public func room(for sink: String) -> Int {
        capacity - queued.withLock { $0[sink] ?? 0 }
    }

    /// Queues one alert for one sink (a retry) or, with `sink` nil, for all. An alert that does not
    /// fit is counted in `takeDrops` unless `countDrop` is false (the drop reports themselves:
    /// a report about a report would never end while two sinks are full).
    public func send(alert: Int64, id: String, time: Int64, json: String, sink only: String? = nil, countDrop: Bool = true) {
        for (sink, queue) in sinks where only == nil || sink.name == only {
            let admitted = queued.withLock { counts in
                guard counts[sink.name, default: 0] < capacity else { return false }
                counts[sink.name, default: 0] += 1
                return true
            }
            guard admitted else {
                if countDrop { drops.withLock { all in
                    if all[sink.name] == nil {
                        all[sink.name] = Drops(sink: sink.name, count: 0, firstAlertID: id, firstAlertTime: time)
                    }
                    all[sink.name]?.count += 1
                } }
                outcomes.withLock {
                    $0.append(Outcome(alert: alert, sink: sink.name, delivered: false,
                                      error: "queue full (\(capacity) alerts waiting)"))
                }
                continue
            }
            queue.async { [self] in
                var outcome = Outcome(alert: alert, sink: sink.name, delivered: true, error: nil)
                do { try sink.deliver(json) } catch {
                    outcome.delivered = false
                    outcome.error = "\(error)"
                    self.report("\(error)")
                }
                self.queued.withLock { $0[sink.name, default: 1] -= 1 }
                self.outcomes.withLock { $0.append(outcome) }
            }
        }
    }

    /// The outcomes since the last call.
    public func takeOutcomes() -> [Outcome] {
        outcomes.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }

    /// Per sink for which `due` holds, the alerts that did not fit since its last report.
    public func takeDrops(due: (String) -> Bool = { _ in true }) -> [Drops] {
        drops.withLock { all in
            let taken = all.values.filter { due($0.sink) }.sorted { $0.sink < $1.sink }
            for entry in taken { all[entry.sink] = nil }
            return taken
        }
    }

    /// Waits (bounded) for queued deliveries, at shutdown.
    public func drain(timeout: TimeInterval) {
        let group = DispatchGroup()
        for (_, queue) in sinks {
            group.enter()
            queue.async { group.leave() }
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            // What still runs (an --exec command past its wait) must not outlive watch, and
            // queued deliveries must not start new commands while it exits.
            ChildProcess.shutDown()
        }
    }
}
