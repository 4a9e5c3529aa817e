import Foundation
import Synchronization

/// Hands each alert to every sink on that sink's own serial queue, and collects the outcomes for
/// the watch loop to record (the database has one writer: the loop).
public final class SinkDispatcher: Sendable {
    public struct Outcome: Sendable {
        public var alert: Int64
        public var sink: String
        public var delivered: Bool
        public var error: String?
    }

    private let sinks: [(AlertSink, DispatchQueue)]
    private let outcomes = Mutex<[Outcome]>([])
    private let report: @Sendable (String) -> Void

    public init(sinks: [AlertSink], report: @escaping @Sendable (String) -> Void) {
        self.sinks = sinks.map { ($0, DispatchQueue(label: "svirt-trace.sink.\($0.name)")) }
        self.report = report
    }

    public var sinkNames: [String] { sinks.map(\.0.name) }

    /// Queues one alert for one sink (a retry after restart) or, with `sink` nil, for all.
    public func send(alert: Int64, json: String, sink only: String? = nil) {
        for (sink, queue) in sinks where only == nil || sink.name == only {
            queue.async { [self] in
                var outcome = Outcome(alert: alert, sink: sink.name, delivered: true, error: nil)
                do { try sink.deliver(json) } catch {
                    outcome.delivered = false
                    outcome.error = "\(error)"
                    self.report("\(error)")
                }
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

    /// Waits (bounded) for queued deliveries, at shutdown.
    public func drain(timeout: TimeInterval) {
        let group = DispatchGroup()
        for (_, queue) in sinks {
            group.enter()
            queue.async { group.leave() }
        }
        _ = group.wait(timeout: .now() + timeout)
    }
}
