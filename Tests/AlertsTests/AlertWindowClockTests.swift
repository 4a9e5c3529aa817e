import Testing
@testable import Alerts

/// Dedupe windows and event times that go back (helper-71): a window opened by one event stamped
/// far ahead (a wrong clock, a forged time) must not fold every later alert of the pair into a
/// follow-up that comes only once the log catches up with it.
@Suite struct AlertWindowClockTests {
    static let image = AlertEngineTests.image

    @Test func repeatsFromWellBeforeAWindowAreAlertedOnTheirOwn() throws {
        // One denial an hour ahead, then the same pair at the real time, every 5 minutes.
        let text = AlertEngineTests.log([(3600, Self.image, "file", 0), (10, Self.image, "file", 0),
                                         (310, Self.image, "file", 0), (610, Self.image, "file", 0)])
        var engine = AlertEngine()
        let alerts = try AlertWindowTests.live(text, engine: &engine) + engine.flush()
        #expect(alerts.filter { !$0.id.hasSuffix("/repeats") }.count == 4, "\(alerts.map(\.id))")
        #expect(!alerts.contains { $0.id.hasSuffix("/repeats") }, "\(alerts.map(\.title))")
        #expect(alerts.map(\.time) == [3600, 10, 310, 610].map { (1_764_000_000 + $0) * 1000 })
    }

    @Test func theWindowAnEarlierAlertReplacesSendsItsFollowUpFirst() throws {
        let text = AlertEngineTests.log([(3600, Self.image, "file", 0), (3601, Self.image, "file", 0), (10, Self.image, "file", 0)])
        var engine = AlertEngine()
        let alerts = try AlertWindowTests.live(text, engine: &engine)
        #expect(alerts.count == 3, "\(alerts.map(\.id))")
        #expect(alerts.dropFirst().first?.id.hasSuffix("/repeats") == true, "the ahead window's count is not lost")
        #expect(alerts.dropFirst().first?.count == 1)
        let lastTime: Int64? = alerts.last?.time
        #expect(lastTime == 1_764_000_010_000)
    }

    @Test func recordsALittleOutOfOrderStillFold() throws {
        let text = AlertEngineTests.log([(100, Self.image, "file", 0), (130, Self.image, "file", 0), (95, Self.image, "file", 0)])
        var engine = AlertEngine()
        let alerts = try AlertWindowTests.live(text, engine: &engine) + engine.flush()
        #expect(alerts.count == 2, "\(alerts.map(\.id))")
        #expect(alerts.last?.id.hasSuffix("/repeats") == true)
        #expect(alerts.last?.count == 2)
    }
}
