import Foundation
import Testing
@testable import Alerts
import AuditStream
import Findings
import TestSupport

@Suite struct AlertEngineTests {
    static let a = "aaaaaaaa-0000-0000-0000-000000000001"
    static let b = "bbbbbbbb-0000-0000-0000-000000000002"

    /// A small log: two guests, then denials at the given second offsets.
    static func log(_ denials: [(Int, String, String, Int)]) -> String {
        var lines: [String] = []
        var serial = 100
        func stamp(_ second: Int) -> String { serial += 1; return "\(1_764_000_000 + second).000:\(serial)" }
        for (name, uuid, level, pid) in [("web01", a, "s0:c1,c2", 1000), ("db02", b, "s0:c3,c4", 2000)] {
            lines.append("type=VIRT_MACHINE_ID msg=audit(\(stamp(0))): pid=1 uid=0 msg='virt=kvm vm=\"\(name)\" uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" res=success'")
            lines.append("type=VIRT_CONTROL msg=audit(\(stamp(0))): pid=1 uid=0 msg='virt=kvm op=start reason=booted vm=\"\(name)\" uuid=\(uuid) vm-pid=\(pid) exe=\"/usr/sbin/libvirtd\" res=success'")
        }
        for (second, tcontext, tclass, permissive) in denials {
            let s = stamp(second)
            lines.append("type=AVC msg=audit(\(s)): avc:  denied  { read } for  pid=1000 comm=\"qemu-kvm\" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=\(tcontext) tclass=\(tclass) permissive=\(permissive)")
            lines.append("type=PROCTITLE msg=audit(\(s)): proctitle=71656D75")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func run(_ text: String, engine: inout AlertEngine, node: String? = nil) throws -> [Alert] {
        let reader = try AuditLogReader(sourceName: "alerts", configuration: .init(defaultNode: node))
        var correlator = Correlator()
        var alerts: [Alert] = []
        let handle: (AuditLogReader.Output) -> Void = { output in
            if case .event(let event) = output { alerts += engine.process(correlator.process(event)) }
        }
        try reader.consume(Array(text.utf8), emit: handle)
        try reader.finish(emit: handle)
        return alerts + engine.flush()
    }

    static let image = "system_u:object_r:svirt_image_t:s0:c3,c4"

    @Test func crossGuestIsCriticalAndRepeatsFoldIntoAFollowUp() throws {
        var engine = AlertEngine()
        let alerts = try Self.run(Self.log([(10, Self.image, "file", 0), (20, Self.image, "file", 0), (30, Self.image, "file", 0),
                                            (200, Self.image, "file", 0)]), engine: &engine)
        #expect(alerts.map(\.severity) == [.critical, .critical, .critical])
        #expect(alerts.map(\.count) == [1, 2, 1], "first alert, follow-up for the two repeats, then a new window")
        #expect(alerts[0].sourceVM == "web01")
        #expect(alerts[0].targetVM == "db02")
        #expect(alerts[0].hint?.contains("never write an allow rule") == true)
        #expect(!(alerts[0].hint ?? "").contains("audit2allow -"))
        let json = try JSONSerialization.jsonObject(with: Data(alerts[0].json.utf8)) as! [String: Any]
        #expect(Set(json.keys) == Set(Alert.keys))
        #expect(json["evidence"] as? String == alerts[0].evidence)
    }

    @Test func permissiveRaisesTheLevelAndSaysAllowed() throws {
        var engine = AlertEngine()
        let alerts = try Self.run(Self.log([(10, "system_u:object_r:etc_t:s0", "file", 1),
                                            (11, "system_u:object_r:fixed_disk_t:s0", "blk_file", 0),
                                            (12, "system_u:object_r:nfs_t:s0", "file", 0),
                                            (13, "system_u:object_r:user_home_t:s0", "file", 0)]), engine: &engine)
        #expect(alerts.map(\.rule) == ["guest-host", "guest-host-whole-disk", "needs-boolean", "guest-host"])
        #expect(alerts[0].severity == .critical)
        #expect(alerts[0].title.hasPrefix("ALLOWED: "))
        #expect(alerts[1].severity == .critical)
        #expect(alerts[2].hint == "setsebool -P virt_use_nfs on")
    }

    @Test func policyEventsAndReplayDeterminism() throws {
        var text = Self.log([(10, Self.image, "file", 0)])
        text += "type=MAC_STATUS msg=audit(1764000100.000:900): enforcing=0 old_enforcing=1 auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1\n"
        text += "type=MAC_STATUS msg=audit(1764000101.000:901): enforcing=1 old_enforcing=0 auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1\n"
        text += "type=MAC_CONFIG_CHANGE msg=audit(1764000102.000:902): bool=virt_use_nfs val=1 old_val=0 auid=1000 ses=3\n"
        text += "type=MAC_CONFIG_CHANGE msg=audit(1764000103.000:903): bool=httpd_can_network_connect val=1 old_val=0 auid=1000 ses=3\n"
        var first = AlertEngine()
        var second = AlertEngine()
        let a = try Self.run(text, engine: &first)
        let b = try Self.run(text, engine: &second)
        #expect(a == b, "time comes from the events: a replay alerts the same")
        #expect(a.map(\.rule) == ["cross-guest", "enforcing-off", "virt-boolean-change"])
        #expect(a[1].severity == .critical)
    }
}

@Suite struct AlertLimitsTests {
    static let image = "system_u:object_r:svirt_image_t:s0:c3,c4"

    @Test func aSourceIsRateLimitedAndTheDropsAreReported() throws {
        // Distinct targets (host types) so the dedupe window does not fold them first.
        let types = ["etc_t", "user_home_t", "var_t", "tmp_t", "bin_t", "lib_t"]
        let denials = types.enumerated().map { (10 + $0.offset, "system_u:object_r:\($0.element):s0", "file", 0) }
        var rules = AlertRule.defaults
        for i in rules.indices { rules[i].ratePerMinute = 2 }
        var engine = AlertEngine(rules: rules)
        let alerts = try AlertEngineTests.run(AlertEngineTests.log(denials), engine: &engine)
        #expect(alerts.filter { $0.count == 1 && !$0.id.hasSuffix("/rate-limited") }.count == 2)
        let report = alerts.first { $0.id.hasSuffix("/rate-limited") }
        #expect(report?.count == 4)
        #expect(report?.title.contains("Rate limit") == true)
    }

    @Test func svirtTracesOwnDenialsAreNotAlerted() throws {
        var engine = AlertEngine(ownProcessID: 1000)
        let alerts = try AlertEngineTests.run(AlertEngineTests.log([(10, Self.image, "file", 0)]), engine: &engine)
        #expect(alerts.isEmpty, "pid 1000 is the watcher itself in this test")
    }

    /// With --node, this host's lines are filed under that node: its own pid is still its own
    /// there, and only there (pid 1000 on another host is someone else).
    @Test func ownDenialsAreRecognisedUnderTheNodeThisHostFilesItsLinesUnder() throws {
        let log = AlertEngineTests.log([(10, Self.image, "file", 0)])
        var local = AlertEngine(ownProcessID: 1000, ownNode: "hv1")
        #expect(try AlertEngineTests.run(log, engine: &local, node: "hv1").isEmpty)
        var other = AlertEngine(ownProcessID: 1000, ownNode: "hv1")
        #expect(!(try AlertEngineTests.run(log, engine: &other, node: "hv2")).isEmpty)
    }
}

@Suite struct AlertRulesFileTests {
    @Test func theEmbeddedRulesMatchTheShippedFile() throws {
        let shipped = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules/alerts.yaml"), encoding: .utf8)
        #expect(EmbeddedRules.alertsYAML == shipped, "the embedded copy differs from rules/alerts.yaml")
        #expect(AlertRule.defaults.map(\.name).first == "cross-guest")
        #expect(AlertRule.defaults.count == 17, "11 rules, the four posture kinds, unattributed and untrusted-virt-record")
    }

    @Test(arguments: [
        ("rules: [", "not valid YAML"),
        ("other: 1", "top-level `rules:`"),
        ("rules:\n  - {name: a, match: {kind: [cross-guest]}, severity: loud, title: t}", "severity"),
        ("rules:\n  - {name: a, match: {kind: [nonsense]}, severity: high, title: t}", "unknown kind `nonsense`"),
        ("rules:\n  - {name: a, match: {kind: [cross-guest], colour: red}, severity: high, title: t}", "unknown match key `colour`"),
        ("rules:\n  - {name: a, match: {kind: [cross-guest]}, severity: high, title: t, extra: 1}", "unknown key `extra`"),
        // Every unknown key, sorted: the mapping's order changes from one run to the next.
        ("rules:\n  - {name: a, match: {kind: [cross-guest]}, severity: high, title: t, urgency: 1, colour: 2, priority: 3}",
         "unknown keys `colour`, `priority`, `urgency` (one of"),
        ("rules:\n  - {name: a, match: {kind: [cross-guest], target: x, class: y, colour: z}, severity: high, title: t}",
         "unknown match keys `class`, `colour`, `target` (one of"),
        ("rules:\n  - {name: a, match: {kind: [cross-guest]}, severity: high, title: t}\n  - {name: a, match: {kind: [guest-host]}, severity: high, title: t}", "used twice"),
        ("rules:\n  - {name: a, match: {kind: [guest-host]}, severity: high, title: t, hint: run audit2allow -M fix}", "audit2allow"),
        ("rules:\n  - {name: a, match: {kind: [enforcing-change], enforcing: 5}, severity: high, title: t}", "0 or 1"),
        ("rules:\n  - {name: a, match: {kind: [cross-guest]}, severity: high, title: t, dedupe_seconds: -1}", "dedupe_seconds"),
    ])
    func badFilesSayWhatIsWrong(text: String, expected: String) {
        do {
            _ = try AlertRules.parse(text, file: "x.yaml")
            Issue.record("accepted: \(text)")
        } catch let failure as AlertRules.Failure {
            #expect(failure.description.contains(expected), "\(failure)")
            #expect(failure.description.hasPrefix("x.yaml: "))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func globsAndModesNarrowARule() throws {
        let rules = try AlertRules.parse("""
            rules:
              - name: web-attacked
                match: {kind: [cross-guest], target_vm: "db*", permissive: false, perms: [write]}
                severity: high
                title: a database guest was attacked
            """, file: "t.yaml")
        var engine = AlertEngine(rules: rules)
        let alerts = try AlertEngineTests.run(AlertEngineTests.log([
            (10, AlertLimitsTests.image, "file", 0),
        ]).replacingOccurrences(of: "{ read }", with: "{ write }"), engine: &engine)
        #expect(alerts.map(\.rule) == ["web-attacked"])
        var other = AlertEngine(rules: rules)
        let none = try AlertEngineTests.run(AlertEngineTests.log([(10, AlertLimitsTests.image, "file", 0)]), engine: &other)
        #expect(none.isEmpty, "read is not write")
    }

    @Test func aWorldWritableRulesFileIsRefused() throws {
        let path = try Fixtures.temporaryFolder("rules").appendingPathComponent("rules.yaml").path
        try EmbeddedRules.alertsYAML.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
        #expect(throws: AlertRules.Failure.self) { try AlertRules.load(path: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(try AlertRules.load(path: path).count == AlertRule.defaults.count)
    }
}
