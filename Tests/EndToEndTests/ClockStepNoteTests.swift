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
        #expect(try running("2025-11-24T16:00:55Z") == (false, "2025-11-24T15:59:50.000Z"))
        let only = try Binary.run(["query", "guests", "--running", "--at", "2025-11-24T16:00:30Z", "--config", "/dev/null", "--db", db,
                                   "--format", "jsonl"])
        #expect(only.stdout.contains("\"vm\":\"app\""), "\(only.stdout)\(only.stderr)")
    }
}
