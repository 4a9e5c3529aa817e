import Foundation
import Testing
@testable import Alerts
import Findings
import Store
import TestSupport

/// The courier between engine, ledger and outputs: nothing announced before its commit, an id
/// raised twice announced once, a full sink queue reported by an alert of its own.
@Suite struct AlertCourierTests {
    final class Lines: @unchecked Sendable {
        var lines: [String] = []
    }

    static func courier(_ db: Database, sinks: [AlertSink] = [], capacity: Int = 10) throws
        -> (AlertCourier, Lines, SinkDispatcher) {
        let printed = Lines()
        let dispatcher = SinkDispatcher(sinks: sinks, capacity: capacity) { _ in }
        let courier = AlertCourier(engine: AlertEngine(), ledger: try AlertLedger(database: db, owner: ""), dispatcher: dispatcher,
                                   printLine: { printed.lines.append($0) }, standardOutputGone: {}, log: { _ in })
        return (courier, printed, dispatcher)
    }

    static func events() throws -> [[Finding]] {
        let types = ["etc_t", "user_home_t", "var_t", "tmp_t", "bin_t"]
        return try AlertWindowTests.findings(AlertEngineTests.log(types.enumerated().map {
            (10 + $0.offset, "system_u:object_r:\($0.element):s0", "file", 0)
        }))
    }

    @Test func alertsWaitForTheCommitAndAnIdRaisedAgainIsNotAnnouncedTwice() throws {
        let db = try Database(path: try Fixtures.temporaryFolder("courier").appendingPathComponent("c.db").path, access: .readWrite)
        let (courier, printed, _) = try Self.courier(db)
        for event in try Self.events() { try courier.handle(event) }
        #expect(printed.lines.isEmpty, "nothing before the commit")
        courier.announce()
        #expect(printed.lines.count == 5)
        // A replay (a new engine, the same events): the same ids, stored already.
        let (again, reprinted, _) = try Self.courier(db)
        for event in try Self.events() { try again.handle(event) }
        again.announce()
        #expect(reprinted.lines.isEmpty, "not announced twice")
        let count = try db.connection.rows("SELECT count(*) FROM alerts").first?.first?.int64
        #expect(count == 5, "one row per id")
    }

    final class StuckSink: AlertSink, @unchecked Sendable {
        let name = "stuck"
        let gate = DispatchSemaphore(value: 0)
        func deliver(_ json: String) throws { gate.wait() }
    }

    @Test func aFullSinkQueueIsReportedByAnAlertWithItsOwnId() throws {
        let db = try Database(path: try Fixtures.temporaryFolder("courier").appendingPathComponent("c.db").path, access: .readWrite)
        let stuck = StuckSink()
        defer { for _ in 0..<10 { stuck.gate.signal() } }
        let (courier, printed, _) = try Self.courier(db, sinks: [stuck], capacity: 2)
        for event in try Self.events() { try courier.handle(event) }
        courier.announce()
        #expect(try courier.tick() > 0)
        courier.announce()
        let report = printed.lines.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(report?["kind"] as? String == "sink-queue-full")
        #expect(report?["count"] as? Int == 3)
        #expect(report?["id"] as? String == "-/1764000012.000:107/guest-host/queue-full/stuck")
        let failed = try db.connection.rows("SELECT count(*) FROM alert_deliveries WHERE sink = 'stuck' AND state = 'failed'")
        #expect(failed.first?.first?.int64 == 3, "the three that did not fit wait as failed deliveries, for the retries")
    }
}
