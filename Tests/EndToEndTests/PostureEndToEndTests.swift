import Foundation
import Testing
import Store
import TestSupport
import Formatting

/// Posture events through the store and the real binary: `query events`, `query posture`, the
/// guest timeline, status XML, and hostile guest names.
@Suite struct PostureEndToEndTests {
    static let a = "aaaaaaaa-0000-0000-0000-000000000001"
    static let b = "bbbbbbbb-0000-0000-0000-000000000002"
    static let c = "cccccccc-0000-0000-0000-000000000003"
    static let d = "dddddddd-0000-0000-0000-000000000004"

    /// Four guests: an ordinary one, one without sVirt, one with a range and a whole disk, one
    /// stopped again.
    static func log(_ shape: PostureLog.Shape) -> PostureLog {
        var log = PostureLog(shape)
        log.start("fine", a, selinux: PostureLog.svirt("s0:c1,c2"), disks: ["/var/lib/libvirt/images/fine.qcow2"], pid: 1000)
        log.start("plain", b, selinux: nil, pid: 2000)
        log.start("wide", c, selinux: ("system_u:system_r:svirt_t:s0-s0:c0.c1023", "system_u:object_r:svirt_image_t:s0:c0.c1023"),
                  disks: ["/dev/sdb", "/dev/mapper/vg0-data"], pid: 3000)
        log.start("gone", d, selinux: PostureLog.svirt("s0:c5"), pid: 4000)
        log.control("stop", "gone", d)
        return log
    }

    static func json(_ text: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
    }

    @Test(arguments: PostureLog.Shape.all)
    func everyShapeStoresTheSameEvents(shape: PostureLog.Shape) throws {
        let folder = try Fixtures.temporaryFolder("posture-shapes")
        let file = folder.appendingPathComponent("audit.log")
        try Self.log(shape).text.write(to: file, atomically: true, encoding: .utf8)
        let probe = try StoreProbe(label: "posture-shapes")
        let summary = try probe.ingest([file.path])
        #expect(summary.parseErrors == 0, "\(shape)")
        let events = try probe.events(kinds: ["unconfined-guest", "weak-label", "whole-disk", "shared-writable"])
        let described = events.map { row -> String in
            var kind = "", vm = ""
            if case .string(let k)? = row["kind"] { kind = k }
            if case .string(let v)? = row["vm"] { vm = v }
            return "\(kind):\(vm)"
        }
        #expect(described == ["unconfined-guest:plain", "whole-disk:wide", "weak-label:wide", "weak-label:gone"], "\(shape)")
        #expect(events.allSatisfy { $0["node"] == (shape.node.map { .string($0) } ?? .null) })
        #expect(try probe.count("SELECT count(*) FROM parse_errors") == 0)
    }

    @Test func queryPostureListsTheLiveGuestsWithTheirVerdicts() throws {
        let folder = try Fixtures.temporaryFolder("posture-cli")
        let file = folder.appendingPathComponent("audit.log")
        let log = Self.log(.init(sender: .virtqemud, enriched: true, node: "hv1"))
        try log.text.write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        #expect(try Binary.run(["ingest", "--db", db, file.path]).status == 0)

        let now = try Binary.run(["query", "posture", "--db", db, "--format", "json"])
        #expect(now.status == 0, "\(now.stderr)")
        let rows = try Self.json(now.stdout)
        #expect(rows.map { $0["vm"] as? String } == ["fine", "plain", "wide"], "gone stopped")
        #expect(rows.map { $0["verdict"] as? [String] ?? [] } == [["ok"], ["unconfined"], ["weak", "whole-disk"]])
        #expect(rows[0]["models"] as? [String] == ["selinux", "dac"])
        #expect(rows[1]["models"] as? [String] == ["dac"])
        #expect(rows[1]["label"] is NSNull)
        #expect(rows[0]["since"] as? String == Timestamp.iso8601(milliseconds: 1_764_000_001_125))
        let wide = rows[2]["detail"] as? [String: Any] ?? [:]
        #expect(wide["dominates_vms"] as? [String] == ["fine"])
        #expect(wide["whole_disks"] as? [String] == ["/dev/sdb"])

        // While the single-category guest still ran, and just after the first label record.
        let before = try Binary.run(["query", "posture", "--db", db, "--format", "json", "--at", "2025-11-24T16:00:15Z"])
        #expect(before.status == 0, "\(before.stderr)")
        let earlier = try Self.json(before.stdout)
        #expect(earlier.map { $0["vm"] as? String } == ["fine", "gone", "plain", "wide"])
        let atStart = try Binary.run(["query", "posture", "--db", db, "--format", "json", "--at", "2025-11-24T16:00:02Z"])
        #expect(try Self.json(atStart.stdout).map { $0["vm"] as? String } == ["fine"])

        let empty = try Binary.run(["query", "posture", "--db", db, "--at", "2025-11-24T15:00:00Z"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no guest is live"))
        let otherNode = try Binary.run(["query", "posture", "--db", db, "--node", "hv9"])
        #expect(otherNode.status == 1)

        let table = try Binary.run(["query", "posture", "--db", db, "--format", "table", "--wide"])
        #expect(table.stdout.contains("unconfined"))
        let help = try Binary.run(["query", "posture", "--help"])
        #expect(help.stdout.contains("/dev/mapper"))
        #expect(help.stdout.contains("NOT flagged"))

        let timeline = try Binary.run(["query", "guest", "wide", "--db", db, "--format", "json"])
        let events = try Self.json(timeline.stdout).compactMap { $0["event"] as? String }
        #expect(events.contains("weak-label") && events.contains("whole-disk"))
    }

    @Test func statusXMLGuestsGetTheirVerdictsWithoutATime() throws {
        let folder = try Fixtures.temporaryFolder("posture-status")
        let state = folder.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let shared = PostureLog.diskXML(type: "file", source: "/var/lib/libvirt/images/cluster.img", shareable: true)
        let files = [
            ("none.xml", PostureLog.status(name: "none", uuid: Self.a, pid: 10, seclabel: "<seclabel type='none' model='selinux'/>")),
            ("one.xml", PostureLog.status(name: "one", uuid: Self.b, pid: 11,
                                          seclabel: PostureLog.seclabel(label: PostureLog.svirt("s0:c1,c2").vm, image: PostureLog.svirt("s0:c1,c2").image),
                                          disks: shared + PostureLog.diskXML(type: "block", source: "/dev/nvme1n1"))),
            ("two.xml", PostureLog.status(name: "two", uuid: Self.c, pid: 12,
                                          seclabel: PostureLog.seclabel(label: PostureLog.svirt("s0:c3,c4").vm, image: PostureLog.svirt("s0:c3,c4").image),
                                          disks: shared)),
        ]
        for (name, text) in files { try text.write(to: state.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let log = folder.appendingPathComponent("audit.log")
        var later = PostureLog()
        later.start("fine", Self.d, selinux: PostureLog.svirt("s0:c9,c10"), pid: 900)
        try later.text.write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try Binary.run(["ingest", "--db", db, "--libvirt-state", state.path, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("3 guests from status XML"), "\(ingest.stderr)")
        let rows = try Self.json(try Binary.run(["query", "posture", "--db", db, "--format", "json"]).stdout)
        #expect(rows.map { $0["vm"] as? String } == ["fine", "none", "one", "two"])
        #expect(rows.map { $0["verdict"] as? [String] ?? [] } == [["ok"], ["unconfined"], ["whole-disk", "shared-writable"], ["shared-writable"]])
        #expect(rows[1]["since"] is NSNull)
        #expect((rows[2]["detail"] as? [String: Any])?["shared_with_vms"] as? [String] == ["two"])
        let events = try Self.json(try Binary.run(["query", "events", "--db", db, "--format", "json", "--kind", "unconfined-guest"]).stdout)
        #expect(events.count == 1)
        #expect((events.first?["detail"] as? [String: Any])?["status_file"] as? String == state.appendingPathComponent("none.xml").path)
    }

    @Test func hostileGuestNamesStayData() throws {
        let folder = try Fixtures.temporaryFolder("posture-hostile")
        var log = PostureLog()
        let names = ["x'; DROP TABLE events; --", "<script>alert(1)</script>", "two\nlines \"q\"", "\u{1B}]0;pwned\u{07}"]
        for (i, name) in names.enumerated() {
            log.start(name, String(format: "00000000-0000-0000-0000-%012d", i + 1), selinux: nil, disks: ["/dev/sd\(["b", "c", "d", "e"][i])"],
                      pid: Int64(100 + i))
        }
        let file = folder.appendingPathComponent("audit.log")
        try log.text.write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        #expect(try Binary.run(["ingest", "--db", db, file.path]).status == 0)
        let json = try Binary.run(["query", "posture", "--db", db, "--format", "json"])
        #expect(Set(try Self.json(json.stdout).compactMap { $0["vm"] as? String }) == Set(names))
        for format in ["table", "csv"] {
            let out = try Binary.run(["query", "posture", "--db", db, "--format", format]).stdout
            #expect(!out.contains("\u{1B}"), "\(format)")
            #expect(out.split(whereSeparator: \.isNewline).count == names.count + 1, "\(format): one line per guest")
        }
        let events = try Binary.run(["query", "events", "--db", db, "--format", "table", "--kind", "whole-disk"]).stdout
        #expect(!events.contains("\u{1B}"))
        let store = try StoreProbe.open(db)
        #expect(try store.count("SELECT count(*) FROM events WHERE kind = 'unconfined-guest'") == 4)
    }
}

/// watch alerts the posture of the guests it reads from status XML at start, and of those the
/// log starts; a restart raises nothing new.
@Suite(.serialized) struct PostureWatchTests {
    @Test func watchAlertsStatusXMLAndLogPostureOnce() throws {
        let folder = try Fixtures.temporaryFolder("posture-watch")
        let state = folder.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try PostureLog.status(name: "none", uuid: PostureEndToEndTests.a, pid: 10, seclabel: "<seclabel type='none' model='selinux'/>")
            .write(to: state.appendingPathComponent("none.xml"), atomically: true, encoding: .utf8)
        var log = PostureLog(.init(sender: .virtqemud, enriched: false, node: nil))
        log.start("raw", PostureEndToEndTests.b, selinux: PostureLog.svirt("s0:c1,c2"), disks: ["/dev/vdb"], pid: 20)
        let file = folder.appendingPathComponent("audit.log")
        try log.text.write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("w.db").path
        func rules(_ watcher: WatchTests.Watcher) -> [String] {
            watcher.alertLines().compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["rule"] as? String
            }.sorted()
        }
        let first = try WatchTests.Watcher(["--db", db, "--follow", file.path, "--libvirt-state", state.path], folder: folder)
        #expect(first.wait(seconds: 30) { rules(first) == ["unconfined-guest", "whole-disk"] }, "\(first.alertLines())")
        #expect(first.terminate() == 0)
        let second = try WatchTests.Watcher(["--db", db, "--follow", file.path, "--libvirt-state", state.path], folder: folder)
        Thread.sleep(forTimeInterval: 2)
        #expect(second.terminate() == 0)
        #expect(rules(second).isEmpty, "\(second.alertLines())")
    }
}
