import Foundation
import Testing
@testable import Alerts
import AuditStream
import Findings
import TestSupport

/// Posture events alert under the shipped rules, with ids derived from the event alone.
@Suite struct PostureAlertTests {
    static let a = "aaaaaaaa-0000-0000-0000-000000000001"
    static let b = "bbbbbbbb-0000-0000-0000-000000000002"
    static let c = "cccccccc-0000-0000-0000-000000000003"

    static func log(node: String?) -> PostureLog {
        var log = PostureLog(.init(sender: .virtqemud, enriched: false, node: node))
        log.start("plain", a, selinux: nil, pid: 1000)
        log.start("wide", b, selinux: ("system_u:system_r:svirt_t:s0-s0:c0.c1023", "system_u:object_r:svirt_image_t:s0"),
                  disks: ["/dev/sdb", "/dev/sdc"], pid: 2000)
        return log
    }

    static func alerts(_ log: PostureLog) throws -> [Alert] {
        var engine = AlertEngine()
        return try AlertEngineTests.run(log.text, engine: &engine)
    }

    @Test func eachPostureKindAlertsAtItsSeverity() throws {
        let alerts = try Self.alerts(Self.log(node: "hv1"))
        #expect(alerts.map(\.rule) == ["unconfined-guest", "whole-disk", "whole-disk", "weak-label", "shared-writable"])
        #expect(alerts.map(\.severity) == [.critical, .high, .high, .high, .info])
        #expect(alerts.map(\.path) == [nil, "/dev/sdb", "/dev/sdc", nil, nil])
        #expect(alerts[0].sourceVM == "plain" && alerts[0].sourceUUID == Self.a)
        #expect(alerts[3].hint?.contains("never a range") == true)
        // One alert per event and rule: the id names the event's stamp.
        #expect(Set(alerts.map(\.id)).count == alerts.count)
        #expect(alerts.allSatisfy { $0.id.hasPrefix("hv1/") })
    }

    @Test func idsAreTheSameOnAReplay() throws {
        let first = try Self.alerts(Self.log(node: nil)).map(\.id)
        let second = try Self.alerts(Self.log(node: nil)).map(\.id)
        #expect(first == second)
        #expect(first.first == "-/1764000002.125:702/unconfined-guest", "the dac record, then the start")
    }

    @Test func statusXMLPostureEventsAreIdentifiedByTheGuestsUUID() throws {
        let event = RecordedEvent(id: nil, timeMilliseconds: nil, node: "hv1", kind: .unconfinedGuest, vm: "x", uuid: Self.c,
                                  label: nil, detail: [])
        var engine = AlertEngine()
        let alerts = engine.process([.event(event)])
        #expect(alerts.map(\.id) == ["hv1/status:\(Self.c)/unconfined-guest"])
    }
}
