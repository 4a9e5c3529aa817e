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

    /// After one event stamped far ahead, a flood of the pair at the real time was an alert per
    /// denial (helper-72): every window ended at its first event, the rate limit's too. The
    /// node's clock stepped back: event time starts again there, and the flood folds.
    @Test func aFloodAfterAnEventStampedFarAheadStillFolds() throws {
        let flood = (1...200).map { ($0, Self.image, "file", 0) }
        let text = AlertEngineTests.log([(0, Self.image, "file", 0), (1_000_000, Self.image, "file", 0)] + flood)
        var engine = AlertEngine()
        let alerts = try AlertWindowTests.live(text, engine: &engine) + engine.flush()
        #expect(alerts.count < 15, "\(alerts.count) alerts: \(alerts.prefix(8).map(\.title))")
        // Every denial is in an alert or a follow-up's count.
        let counted = alerts.filter { !$0.id.hasSuffix("/rate-limited") }.map { $0.id.hasSuffix("/repeats") ? $0.count : 1 }.reduce(0, +)
        #expect(counted == 202, "\(alerts.map { ($0.id, $0.count) })")
    }

    /// Another node far behind is a node whose clock differs, not a step back: the first node's
    /// window stays open.
    @Test func anotherNodeBehindLeavesTheWindowsOpen() throws {
        let log = AlertEngineTests.log([(7200, Self.image, "file", 0), (7201, Self.image, "file", 0), (7202, Self.image, "file", 0)])
        let lines: [String] = log.split(separator: "\n").map { "node=hv-a " + $0 }
        let other = "node=hv-b type=AVC msg=audit(1764000010.000:900): avc:  denied  { read } for  pid=1000 comm=\"qemu-kvm\" "
            + "scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=\(Self.image) tclass=file permissive=0"
        let text = (lines.dropLast(2) + [other] + lines.suffix(2)).joined(separator: "\n") + "\n"
        var engine = AlertEngine()
        let alerts = try AlertWindowTests.live(text, engine: &engine)
        let ofA = alerts.filter { $0.id.hasPrefix("hv-a/") }
        #expect(ofA.count == 1, "hv-a's third denial folds into its open window: \(alerts.map(\.id))")
    }

    /// One event only minutes ahead (chrony's makestep, a VM resumed), then a flood at the real
    /// time: each denial was an alert or a rate-limit report of one (helper-73).
    @Test func aFloodAfterAnEventMinutesAheadFolds() throws {
        let flood = (10...70).map { ($0, Self.image, "file", 0) }
        let text = AlertEngineTests.log([(310, "system_u:object_r:etc_t:s0", "file", 0)] + flood)
        var engine = AlertEngine()
        let alerts = try AlertWindowTests.live(text, engine: &engine) + engine.flush()
        let crossGuest = alerts.filter { $0.id.contains("cross-guest") }
        #expect(crossGuest.count <= 3, "\(crossGuest.map { ($0.id, $0.count) })")
        #expect(!alerts.contains { $0.id.hasSuffix("/rate-limited") }, "\(alerts.map(\.id))")
        #expect(crossGuest.map { $0.id.hasSuffix("/repeats") ? $0.count : 1 }.reduce(0, +) == 61)
    }

    /// One node of a central log stamped far ahead (a forged record, a wrong clock) turned off
    /// dedupe for every other node (helper-73).
    @Test func anotherNodeFarAheadLeavesThisNodesFloodFolded() throws {
        let log = AlertEngineTests.log((10...70).map { ($0, Self.image, "file", 0) })
        var lines: [String] = log.split(separator: "\n").map { "node=hv-a " + $0 }
        let ahead = "node=hv-z type=AVC msg=audit(1764036000.000:900): avc:  denied  { read } for  pid=1000 comm=\"qemu-kvm\" "
            + "scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=\(Self.image) tclass=file permissive=0"
        lines.insert(ahead, at: 4)  // after the lifecycle records
        var engine = AlertEngine()
        let alerts = try AlertWindowTests.live(lines.joined(separator: "\n") + "\n", engine: &engine) + engine.flush()
        let ofA = alerts.filter { $0.id.hasPrefix("hv-a/") }
        #expect(ofA.count <= 3, "\(ofA.map { ($0.id, $0.count) })")
        #expect(ofA.map { $0.id.hasSuffix("/repeats") ? $0.count : 1 }.reduce(0, +) == 61)
    }
}
