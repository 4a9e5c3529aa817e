import Foundation
import Testing
import TestSupport

/// A report whose time window, or `--at` instant, reaches into the stretch of stamps that a step
/// of a clock back made repeat says so on stderr: its rows there may come from either side.
@Suite struct ClockStepNoteTests {
    static let stretch = "events stamped from 2025-11-24T15:59:55.100Z to 2025-11-24T16:01:30.000Z were logged both before and after that step"

    @Test func aWindowOrInstantInTheRepeatedStretchIsSaid() throws {
        let folder = try Fixtures.temporaryFolder("clock-step-note")
        let log = folder.appendingPathComponent("stepped.log")
        try WatchTests.steppedLog(webSerials: (311, 312)).write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        func query(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try Binary.run(["query"] + arguments + ["--config", "/dev/null", "--db", db, "--format", "jsonl"])
        }
        // Both db's lease and web's hold c1,c2 at this stamp: one logged before the step, one after.
        let at = try query(["label", "s0:c1,c2", "--at", "2025-11-24T16:00:00.800Z"])
        #expect(at.status == 0, "\(at.stderr)")
        #expect(at.stderr.contains("note: the host's clock went back 94.900 s: \(Self.stretch), and 2025-11-24T16:00:00.800Z "
                                   + "lies in that stretch: it names a moment on each side of the step"), "\(at.stderr)")
        let window = "this window reaches into that stretch: the events it selects there by stamp may be of either side"
        for arguments in [["denials", "--since", "2025-11-24T16:00:30Z", "--until", "2025-11-24T16:01:00Z"],
                          ["denials", "--since", "2025-11-24T16:00:00Z"],
                          ["cross-guest", "--until", "2025-11-24T16:00:00Z"],
                          ["who-touched", "web", "--since", "2025-11-24T16:00:00Z"],
                          ["events", "--since", "2025-11-24T16:01:00Z"],
                          ["guests", "--at", "2025-11-24T16:01:00Z"]] {
            let r = try query(arguments)
            #expect(r.stderr.contains("note: the host's clock went back 94.900 s: \(Self.stretch), and "), "\(arguments): \(r.stderr)")
            #expect(arguments.contains("--at") || r.stderr.contains(window), "\(arguments): \(r.stderr)")
            // Standard output stays rows alone.
            for line in r.stdout.split(separator: "\n") {
                #expect(throws: Never.self, "\(arguments): \(line)") { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
            }
        }
        // Not said outside the stretch, without a window, or for another node.
        for arguments in [["label", "s0:c1,c2", "--at", "2025-11-24T16:01:31Z"], ["label", "s0:c1,c2"],
                          ["denials", "--since", "2025-11-24T16:01:31Z"], ["denials", "--until", "2025-11-24T15:59:55Z"],
                          ["denials"], ["denials", "--since", "2025-11-24T16:00:00Z", "--node", "hv9"]] {
            let r = try query(arguments)
            #expect(!r.stderr.contains("clock went back"), "\(arguments): \(r.stderr)")
        }
    }
}

/// A lease whose start was logged before a step of the clock back and its stop after it held its
/// label on both sides of the step; read as one interval of stamps, its stop before its start,
/// `query label --at` named no holder at all (session 53).
@Suite struct LeaseAcrossAClockStepTests {
    static let libvirtd = "pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023"

    static func log() -> String {
        let vm = "virt=kvm vm=\"app\" uuid=5b0cbd7a-0000-4000-8000-000000000003"
        return """
            type=VIRT_MACHINE_ID msg=audit(1764000000.000:297): \(libvirtd) msg='\(vm) vm-ctx=system_u:system_r:svirt_t:s0:c7,c8 img-ctx=system_u:object_r:svirt_image_t:s0:c7,c8 model=selinux exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'
            type=VIRT_CONTROL msg=audit(1764000000.001:298): \(libvirtd) msg='virt=kvm op=start reason=booted \(vm) vm-pid=4243 exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'
            type=AVC msg=audit(1764000050.000:305): avc:  denied  { read } for  pid=4243 comm="qemu-kvm" name="x" dev="dm-0" ino=1 scontext=system_u:system_r:svirt_t:s0:c7,c8 tcontext=system_u:object_r:etc_t:s0 tclass=file permissive=0
            type=AVC msg=audit(1763999980.000:315): avc:  denied  { read } for  pid=4243 comm="qemu-kvm" name="x" dev="dm-0" ino=1 scontext=system_u:system_r:svirt_t:s0:c7,c8 tcontext=system_u:object_r:etc_t:s0 tclass=file permissive=0
            type=VIRT_CONTROL msg=audit(1763999990.000:320): \(libvirtd) msg='virt=kvm op=stop reason=shutdown \(vm) vm-pid=-1 exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'

            """
    }

    static func start(_ stamp: String, _ serial: Int, _ name: String, _ n: Int, _ level: String, pid: Int) -> String {
        let vm = "virt=kvm vm=\"\(name)\" uuid=5b0cbd7a-0000-4000-8000-00000000000\(n)"
        return "type=VIRT_MACHINE_ID msg=audit(\(stamp):\(serial)): \(libvirtd) msg='\(vm) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'\n"
            + "type=VIRT_CONTROL msg=audit(\(stamp):\(serial + 1)): \(libvirtd) msg='virt=kvm op=start reason=booted \(vm) vm-pid=\(pid) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'\n"
    }

    static func stop(_ stamp: String, _ serial: Int, _ name: String, _ n: Int) -> String {
        "type=VIRT_CONTROL msg=audit(\(stamp):\(serial)): \(libvirtd) msg='virt=kvm op=stop reason=shutdown vm=\"\(name)\" uuid=5b0cbd7a-0000-4000-8000-00000000000\(n) vm-pid=-1 exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'\n"
    }

    static func filler(_ stamp: String, _ serial: Int) -> String {
        "type=AVC msg=audit(\(stamp):\(serial)): avc:  denied  { read } for  pid=99 comm=\"qemu-kvm\" name=\"x\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c900,c901 tcontext=system_u:object_r:etc_t:s0 tclass=file permissive=0\n"
    }

    static func holders(_ db: String, _ level: String, at: String) throws -> [String] {
        let r = try Binary.run(["query", "label", level, "--at", at, "--config", "/dev/null", "--db", db, "--format", "jsonl"])
        return try r.stdout.split(separator: "\n").compactMap { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["vm"] as? String
        }
    }

    static func ingest(_ log: String, _ label: String) throws -> String {
        let folder = try Fixtures.temporaryFolder(label)
        let file = folder.appendingPathComponent("audit.log")
        try log.write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let r = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    /// A guest still running after the step holds its label from the step's first stamp on.
    @Test func aLeaseStillOpenHoldsItFromTheStepOn() throws {
        let db = try Self.ingest(Self.start("1764000100.000", 100, "app", 1, "s0:c1,c2", pid: 1111) + Self.filler("1764000200.000", 110)
                                 + Self.filler("1764000050.000", 120) + Self.filler("1764000300.000", 150), "open-lease-step")
        #expect(try Self.holders(db, "s0:c1,c2", at: "2025-11-24T16:01:10Z") == ["app"])
        #expect(try Self.holders(db, "s0:c1,c2", at: "2025-11-24T16:00:40Z").isEmpty)
    }

    /// A step of an earlier boot, whose serials the next boot's lease spans, is not this lease's
    /// (helper-108: the later guest was named at times it never ran).
    @Test func aStepOfAnEarlierBootIsNotThisLeases() throws {
        let boot = "type=DAEMON_START msg=audit(1764000300.000:1): op=start ver=3.1 format=enriched kernel=6.1 auid=4294967295 pid=500 uid=0 ses=4294967295 subj=system_u:system_r:auditd_t:s0 res=success\n"
            + "type=SYSTEM_BOOT msg=audit(1764000300.010:2): pid=600 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'\n"
        let log = Self.filler("1764003600.000", 4000) + Self.filler("1764000100.000", 5000)
            + Self.start("1764000120.000", 5005, "old", 1, "s0:c7,c8", pid: 1111) + Self.stop("1764000180.000", 5008, "old", 1)
            + Self.filler("1764000200.000", 5010) + boot
            + Self.start("1764000400.000", 100, "web", 2, "s0:c7,c8", pid: 2222) + Self.stop("1764001000.000", 6000, "web", 2)
        let db = try Self.ingest(log, "earlier-boot-step")
        #expect(try Self.holders(db, "s0:c7,c8", at: "2025-11-24T16:02:30Z") == ["old"])
        #expect(try Self.holders(db, "s0:c7,c8", at: "2025-11-24T16:08:20Z") == ["web"])
        for at in ["2025-11-24T16:04:10Z", "2025-11-24T16:33:20Z", "2025-11-24T17:00:00Z"] {
            #expect(try Self.holders(db, "s0:c7,c8", at: at).isEmpty, "\(at)")
        }
    }

    @Test func itHoldsItsLabelOnBothSidesOfTheStep() throws {
        let folder = try Fixtures.temporaryFolder("lease-across-step")
        let file = folder.appendingPathComponent("stepped.log")
        try Self.log().write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, file.path])
        #expect(ingest.status == 0 && ingest.stderr.contains("clock went back"), "\(ingest.stderr)")
        func holders(_ at: String, _ report: [String] = ["label", "s0:c7,c8"]) throws -> [String] {
            let r = try Binary.run(["query"] + report + ["--at", at, "--config", "/dev/null", "--db", db, "--format", "jsonl"])
            return try r.stdout.split(separator: "\n").compactMap { line in
                (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["vm"] as? String
            }
        }
        // Before the step, from its start to the newest stamp before the step; after it, from the
        // step's first stamp to its stop.
        #expect(try holders("2025-11-24T16:00:30Z") == ["app"])
        #expect(try holders("2025-11-24T16:00:50Z") == ["app"])
        #expect(try holders("2025-11-24T15:59:45Z") == ["app"])
        #expect(try holders("2025-11-24T16:00:30Z", ["posture"]) == ["app"])
        // Not before its start, nor after its stop on the far side, nor past the stretch.
        for at in ["2025-11-24T15:59:35Z", "2025-11-24T15:59:55Z", "2025-11-24T16:00:51Z"] {
            #expect(try holders(at).isEmpty, "\(at)")
        }
        // query guests says it ran then, and that it had stopped past the stretch.
        func running(_ at: String) throws -> (running: Bool?, until: String?) {
            let r = try Binary.run(["query", "guests", "--at", at, "--config", "/dev/null", "--db", db, "--format", "jsonl"])
            let row = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stdout)\(r.stderr)")
            return (row["running"] as? Bool, row["until"] as? String)
        }
        #expect(try running("2025-11-24T16:00:30Z") == (true, nil))
        // Stamped before its start, on the far side of the step: listed all the same (helper-109).
        #expect(try running("2025-11-24T15:59:45Z") == (true, nil))
        #expect(try running("2025-11-24T16:00:55Z") == (false, "2025-11-24T15:59:50.000Z"))
        let only = try Binary.run(["query", "guests", "--running", "--at", "2025-11-24T16:00:30Z", "--config", "/dev/null", "--db", db,
                                   "--format", "jsonl"])
        #expect(only.stdout.contains("\"vm\":\"app\""), "\(only.stdout)\(only.stderr)")
        // Stopped after the step, its stop stamped before its start: not live after it (posture
        // replays starts and stops; by stamp the start came last, helper-109).
        for arguments in [["posture"], ["posture", "--at", "2025-11-24T17:00:00Z"], ["guests", "--running"]] {
            let r = try Binary.run(["query"] + arguments + ["--config", "/dev/null", "--db", db, "--format", "jsonl"])
            #expect(!r.stdout.contains("\"vm\":\"app\""), "\(arguments): \(r.stdout)")
        }
    }
}
