import Foundation
import Testing
import TestSupport

/// Follow-ups and rate-limit reports while watch runs, read from its standard output before
/// it is stopped: windows close on event time as events arrive, and on a quiet log.
@Suite(.serialized) struct WatchWindowTests {
    typealias Watcher = WatchTests.Watcher

    static func alerts(_ watcher: Watcher) -> [[String: Any]] {
        watcher.alertLines().compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// A rules file: the shipped rules with the cross-guest rule's dedupe and rate changed.
    static func rules(in folder: URL, dedupe: Int, rate: Int = 30) throws -> String {
        let path = folder.appendingPathComponent("rules.yaml").path
        let text = try Fixtures.read("rules/alerts.yaml").replacingOccurrences(
            of: "    title: \"{source} → {target}: {access} (cross-guest)\"\n",
            with: "    title: \"{source} → {target}: {access} (cross-guest)\"\n    dedupe_seconds: \(dedupe)\n    rate_per_minute: \(rate)\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        return path
    }

    func start(_ folder: URL, _ extra: [String] = []) throws -> (Watcher, URL, WatchAlertLog) {
        let log = folder.appendingPathComponent("audit.log")
        var builder = WatchAlertLog()
        try builder.setup().write(to: log, atomically: true, encoding: .utf8)
        let watcher = try Watcher(["--db", folder.appendingPathComponent("w.db").path, "--follow", log.path] + extra, folder: folder)
        return (watcher, log, builder)
    }

    @Test func aLaterEventEndsTheWindowAndItsFollowUpArrivesWhileWatchRuns() throws {
        let folder = try Fixtures.temporaryFolder("window")
        let (watcher, log, initial) = try start(folder)
        var builder = initial
        defer { if watcher.process.isRunning { _ = watcher.terminate() } }
        try WatchTests.append((0..<5).map { builder.crossGuest(second: 10 + $0) }.joined(), to: log)
        #expect(watcher.wait { Self.alerts(watcher).count == 1 }, "one alert for five repeats")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(Self.alerts(watcher).count == 1, "no follow-up before the window ends")
        // 90 s later in event time, another pair: the window [10 s, 70 s) has ended.
        try WatchTests.append(builder.crossGuest(second: 100, reverse: true), to: log)
        #expect(watcher.wait { Self.alerts(watcher).count == 3 }, "\(watcher.alertLines())")
        let followUp = Self.alerts(watcher).first { ($0["id"] as? String)?.hasSuffix("/repeats") == true }
        #expect(followUp?["count"] as? Int == 4)
        #expect(followUp?["title"] as? String == "web01 → db02: read on file (cross-guest) (4 more since 2025-11-24T16:00:10.000Z)")
        #expect(watcher.process.isRunning, "read before SIGTERM")
        #expect(watcher.terminate() == 0)
    }

    @Test func aQuietLogEndsTheWindowOnTheWallClockAndTheFollowUpArrivesWhileWatchRuns() throws {
        let folder = try Fixtures.temporaryFolder("window")
        let (watcher, log, initial) = try start(folder, ["--rules", try Self.rules(in: folder, dedupe: 3)])
        var builder = initial
        defer { if watcher.process.isRunning { _ = watcher.terminate() } }
        try WatchTests.append((0..<5).map { builder.crossGuest(second: 10, millisecond: $0 * 100) }.joined(), to: log)
        let appended = Date()
        #expect(watcher.wait { Self.alerts(watcher).count == 1 })
        // A 3 s window from 10.000 s, the last repeat at 10.400 s: 2.6 s of quiet end it.
        #expect(watcher.wait(seconds: 15) { Self.alerts(watcher).count == 2 }, "the follow-up came without a later event")
        let waited = Date().timeIntervalSince(appended)
        #expect(waited >= 2.5, "not before the window's length had passed: \(waited) s")
        let followUp = Self.alerts(watcher).last
        #expect(followUp?["count"] as? Int == 4)
        #expect((followUp?["id"] as? String)?.hasSuffix("/repeats") == true)
        #expect(watcher.process.isRunning)
        #expect(watcher.terminate() == 0)
        #expect(Self.alerts(watcher).count == 2, "nothing left for shutdown")
    }

    @Test func aRateLimitReportArrivesWhileWatchRuns() throws {
        let folder = try Fixtures.temporaryFolder("window")
        let (watcher, log, initial) = try start(folder, ["--rules", try Self.rules(in: folder, dedupe: 0, rate: 2)])
        var builder = initial
        defer { if watcher.process.isRunning { _ = watcher.terminate() } }
        try WatchTests.append((0..<6).map { builder.crossGuest(second: 10 + $0) }.joined(), to: log)
        #expect(watcher.wait { Self.alerts(watcher).count == 2 }, "two alerts a minute")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(Self.alerts(watcher).count == 2)
        try WatchTests.append(builder.crossGuest(second: 200, reverse: true), to: log)
        #expect(watcher.wait { Self.alerts(watcher).count == 4 }, "\(watcher.alertLines())")
        let report = Self.alerts(watcher).first { ($0["id"] as? String)?.hasSuffix("/rate-limited") == true }
        #expect(report?["count"] as? Int == 4)
        #expect((report?["title"] as? String)?.contains("between 2025-11-24T16:00:12.000Z and 2025-11-24T16:00:15.000Z") == true)
        #expect(watcher.terminate() == 0)
    }
}

/// A log of three guests and their denials, for watch's alert tests: web01 (c1,c2, pid 1000),
/// db02 (c3,c4, pid 2000), app03 (c5,c6, pid 3000). Times are seconds after 1764000000.
/// `watch --format`: a line a person reads, or the JSON a program reads (the default in a pipe).
@Suite struct WatchFormatTests {
    static func watch(_ extra: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = try Fixtures.temporaryFolder("watch-format")
        defer { try? FileManager.default.removeItem(at: folder) }
        var builder = WatchAlertLog()
        // A trailing event past the record-grouping window completes the denial's event.
        let log = builder.setup() + builder.crossGuest(second: 10) + builder.guestHost(second: 20, type: 1)
        let r = try runProcess(WatchTests.binary, ["watch", "--db", folder.appendingPathComponent("w.db").path, "--stdin",
                                                   "--journal-socket", folder.appendingPathComponent("none").path] + extra,
                               stdin: Data(log.utf8), environment: ["TZ": "UTC", "PATH": "/usr/bin:/bin"])
        return (r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self))
    }

    @Test func textIsOneReadableLinePerAlertWithTimeSeverityTitleNodeAndID() throws {
        let r = try Self.watch(["--format", "text"])
        #expect(r.status == 0, "\(r.stderr)")
        let first = try #require(r.stdout.split(separator: "\n").first.map(String.init))
        // Local time with its offset, in a pipe too (journalctl's habit); TZ=UTC here.
        #expect(first.hasPrefix("2025-11-24 16:00:10.000 +00:00 CRITICAL web01 → db02: read on file (cross-guest)"), "\(first)")
        #expect(first.hasSuffix("id -/1764000010.000:107/cross-guest"), "\(first)")
        #expect(!r.stdout.contains("\u{1B}"), "no colour off a terminal")
        let utc = try Self.watch(["--format", "text", "--utc"])
        #expect(utc.stdout.hasPrefix("2025-11-24T16:00:10.000Z CRITICAL web01 → db02: read on file (cross-guest)"), "\(utc.stdout)")
    }

    @Test func jsonLinesStayTheDefaultInAPipe() throws {
        let r = try Self.watch([])
        #expect(r.status == 0, "\(r.stderr)")
        let first = try #require(r.stdout.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "web01 → db02: read on file (cross-guest)")
        #expect(object?["source_vm"] as? String == "web01" && object?["target_vm"] as? String == "db02")
    }

    /// A guest's name is data: one named like a title placeholder is printed as it is, never
    /// filled in (it would put another guest's name where its own belongs).
    @Test func aGuestNamedLikeAPlaceholderIsNotExpanded() throws {
        let folder = try Fixtures.temporaryFolder("watch-title")
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []
        var serial = 100
        func stamp(_ second: Int) -> String { serial += 1; return "\(1_764_000_000 + second).000:\(serial)" }
        for (name, uuid, level, pid) in [("{target}{access}", "dddddddd-0000-0000-0000-000000000004", "c7,c8", 4000),
                                         ("web01", "aaaaaaaa-0000-0000-0000-000000000001", "c1,c2", 1000)] {
            lines.append("type=VIRT_MACHINE_ID msg=audit(\(stamp(0))): pid=1 uid=0 msg='virt=kvm vm=\"\(name)\" uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:s0:\(level) img-ctx=system_u:object_r:svirt_image_t:s0:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" res=success'")
            lines.append("type=VIRT_CONTROL msg=audit(\(stamp(0))): pid=1 uid=0 msg='virt=kvm op=start reason=booted vm=\"\(name)\" uuid=\(uuid) vm-pid=\(pid) exe=\"/usr/sbin/libvirtd\" res=success'")
        }
        let s = stamp(10)
        lines.append("type=AVC msg=audit(\(s)): avc:  denied  { read } for  pid=4000 comm=\"qemu-kvm\" scontext=system_u:system_r:svirt_t:s0:c7,c8 tcontext=system_u:object_r:svirt_image_t:s0:c1,c2 tclass=file permissive=0")
        lines.append("type=PROCTITLE msg=audit(\(s)): proctitle=71656D75")
        let r = try runProcess(WatchTests.binary, ["watch", "--db", folder.appendingPathComponent("w.db").path, "--stdin",
                                                   "--journal-socket", folder.appendingPathComponent("none").path],
                               stdin: Data((lines.joined(separator: "\n") + "\n").utf8), environment: ["TZ": "UTC", "PATH": "/usr/bin:/bin"])
        let first = try #require(String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "{target}{access} → web01: read on file (cross-guest)", "\(object ?? [:])")
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let r = try Self.watch(["--format", "yaml"])
        #expect(r.status == 64 || r.status == 2, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains("--format takes text or json"))
    }
}

struct WatchAlertLog {
    static let base = 1_764_000_000
    static let guests = [("web01", "aaaaaaaa-0000-0000-0000-000000000001", "c1,c2", 1000),
                         ("db02", "bbbbbbbb-0000-0000-0000-000000000002", "c3,c4", 2000),
                         ("app03", "cccccccc-0000-0000-0000-000000000003", "c5,c6", 3000)]
    var serial = 100

    mutating func stamp(_ second: Int, _ millisecond: Int = 0) -> String {
        serial += 1
        return "\(Self.base + second).\(String(format: "%03d", millisecond)):\(serial)"
    }

    /// The guests' start records, at second 0.
    mutating func setup() -> String {
        var lines: [String] = []
        for (name, uuid, level, pid) in Self.guests {
            lines.append("type=VIRT_MACHINE_ID msg=audit(\(stamp(0))): pid=1 uid=0 msg='virt=kvm vm=\"\(name)\" uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:s0:\(level) img-ctx=system_u:object_r:svirt_image_t:s0:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" res=success'")
            lines.append("type=VIRT_CONTROL msg=audit(\(stamp(0))): pid=1 uid=0 msg='virt=kvm op=start reason=booted vm=\"\(name)\" uuid=\(uuid) vm-pid=\(pid) exe=\"/usr/sbin/libvirtd\" res=success'")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func denial(second: Int, millisecond: Int = 0, from source: Int, tcontext: String) -> String {
        let (_, _, level, pid) = Self.guests[source]
        let s = stamp(second, millisecond)
        return "type=AVC msg=audit(\(s)): avc:  denied  { read } for  pid=\(pid) comm=\"qemu-kvm\" scontext=system_u:system_r:svirt_t:s0:\(level) tcontext=\(tcontext) tclass=file permissive=0\n"
            + "type=PROCTITLE msg=audit(\(s)): proctitle=71656D75\n"
    }

    /// web01 reads db02's image (reverse: db02 reads web01's).
    mutating func crossGuest(second: Int, millisecond: Int = 0, reverse: Bool = false) -> String {
        denial(second: second, millisecond: millisecond, from: reverse ? 1 : 0,
               tcontext: "system_u:object_r:svirt_image_t:s0:\(Self.guests[reverse ? 0 : 1].2)")
    }

    /// app03 reads a host file of its own type: a new pair every time.
    mutating func guestHost(second: Int, type: Int) -> String {
        denial(second: second, from: 2, tcontext: "system_u:object_r:t\(type)_t:s0")
    }
}
