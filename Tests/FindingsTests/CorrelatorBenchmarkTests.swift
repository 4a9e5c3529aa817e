import AuditStream
import Foundation
import Findings
import Guests
import Testing

/// Times `Correlator.process` alone on a real log, for comparing builds. Runs only when
/// SVIRT_BENCH_LOG names a log (and SVIRT_BENCH_STATE, optionally, its libvirt state folder);
/// it prints figures and asserts nothing about time, which depends on the machine.
///
/// Two ways: `chunked` reads 1 MiB and correlates that chunk's events at once, as ingest does,
/// so the events are still in the cache; `cold` reads the whole log first, so every event is.
@Suite struct CorrelatorBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["SVIRT_BENCH_LOG"] != nil))
    func correlationCostPerEvent() throws {
        let path = try #require(Self.environment["SVIRT_BENCH_LOG"])
        let data = try #require(FileManager.default.contents(atPath: path))
        let entries = try Self.environment["SVIRT_BENCH_STATE"].map {
            try StateFolder.load(path: $0, defaultNode: nil).entries
        } ?? []
        let rounds = Int(Self.environment["SVIRT_BENCH_ROUNDS"] ?? "") ?? 5
        let chunkSize = 1 << 20

        var chunked: [Double] = []
        var cold: [Double] = []
        var eventCount = 0
        var findingCounts: Set<Int> = []
        for _ in 0..<rounds {
            // Chunked.
            var correlator = Correlator()
            _ = correlator.bootstrap(entries)
            let reader = try AuditLogReader(sourceName: path, configuration: .init(keepField: FieldsRead.isRead))
            var events: [AuditEvent] = []
            let keep: (AuditLogReader.Output) -> Void = { if case .event(let event) = $0 { events.append(event) } }
            var seconds = 0.0
            var findings = 0
            eventCount = 0
            var offset = 0
            while offset <= data.count {
                if offset < data.count {
                    try reader.consume(data[offset..<min(offset + chunkSize, data.count)], emit: keep)
                } else {
                    try reader.finish(emit: keep)
                }
                offset += chunkSize
                let start = ContinuousClock.now
                for event in events { findings += correlator.process(event).count }
                seconds += Self.seconds(ContinuousClock.now - start)
                eventCount += events.count
                events.removeAll(keepingCapacity: true)
            }
            chunked.append(seconds)
            findingCounts.insert(findings)
        }
        // Cold: every event parsed first.
        let reader = try AuditLogReader(sourceName: path, configuration: .init(keepField: FieldsRead.isRead))
        var all: [AuditEvent] = []
        let keep: (AuditLogReader.Output) -> Void = { if case .event(let event) = $0 { all.append(event) } }
        try reader.consume(data, emit: keep)
        try reader.finish(emit: keep)
        for _ in 0..<rounds {
            var correlator = Correlator()
            _ = correlator.bootstrap(entries)
            var findings = 0
            let start = ContinuousClock.now
            for event in all { findings += correlator.process(event).count }
            cold.append(Self.seconds(ContinuousClock.now - start))
            findingCounts.insert(findings)
        }
        for (name, timings) in [("chunked", chunked.sorted()), ("cold", cold.sorted())] {
            let perEvent = { (seconds: Double) in String(format: "%.2f µs", seconds / Double(eventCount) * 1e6) }
            print("correlation \(name) of \(eventCount) events (\(findingCounts.sorted()) findings):"
                  + String(format: " fastest %.3f s", timings[0]) + " (\(perEvent(timings[0]))/event),"
                  + String(format: " median %.3f s", timings[timings.count / 2])
                  + " (\(perEvent(timings[timings.count / 2]))/event)")
        }
        #expect(findingCounts.count == 1)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
