import Foundation
import Testing
import TestSupport

/// A container on the hypervisor (CAP_AUDIT_WRITE is Docker's and Podman's default) forges
/// libvirt's stop of the guest that is about to attack: judged by it, the attack went to an unknown
/// label. Through the binary: the attack keeps its attacker, and the forgery is kept as an
/// `untrusted-virt-record` event, alerted on by watch and listed by the digest.
@Suite struct ForgedLifecycleTests {
    static func line(_ type: String, _ serial: Int, _ subj: String, _ body: String) -> String {
        "type=\(type) msg=audit(17640000\(serial - 90).000:\(serial)): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=\(subj) msg='virt=kvm \(body) exe=\"/usr/sbin/virtqemud\" hostname=? addr=? terminal=? res=success'"
    }

    static func log(stopSentFrom subj: String) -> String {
        let libvirt = "system_u:system_r:virtqemud_t:s0-s0:c0.c1023"
        let victim = "vm=\"victim\" uuid=cccccccc-0000-0000-0000-000000000003"
        let alpha = "vm=\"alpha\" uuid=aaaaaaaa-0000-0000-0000-000000000001"
        return [
            "type=SYSTEM_BOOT msg=audit(1764000001.000:101): pid=612 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'",
            line("VIRT_MACHINE_ID", 102, libvirt, "\(victim) vm-ctx=system_u:system_r:svirt_t:s0:c7,c8 img-ctx=system_u:object_r:svirt_image_t:s0:c7,c8 model=selinux"),
            line("VIRT_CONTROL", 103, libvirt, "op=start reason=booted \(victim) vm-pid=3000"),
            line("VIRT_MACHINE_ID", 104, libvirt, "\(alpha) vm-ctx=system_u:system_r:svirt_t:s0:c1,c2 img-ctx=system_u:object_r:svirt_image_t:s0:c1,c2 model=selinux"),
            line("VIRT_CONTROL", 105, libvirt, "op=start reason=booted \(alpha) vm-pid=1000"),
            line("VIRT_CONTROL", 106, subj, "op=stop reason=shutdown \(alpha) vm-pid=-1"),
            "type=AVC msg=audit(1764000017.000:107): avc:  denied  { read } for  pid=1000 comm=\"qemu-kvm\" name=\"victim.qcow2\" dev=\"dm-0\" ino=42 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c7,c8 tclass=file permissive=0",
        ].joined(separator: "\n") + "\n"
    }

    static func denial(_ db: String) throws -> [String: Any] {
        let r = try Binary.run(["query", "denials", "--config", "/dev/null", "--db", db, "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        return try #require(rows?.first, "\(r.stderr)")
    }

    @Test func aStopForgedByAContainerLeavesTheAttackToItsAttacker() throws {
        let folder = try Fixtures.temporaryFolder("forged-stop")
        let log = folder.appendingPathComponent("audit.log")
        try Self.log(stopSentFrom: "system_u:system_r:container_t:s0:c12,c34").write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let r = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("7 events stored, 1 denial (cross-guest=1), 0 parse errors"), "\(r.stderr)")
        let denial = try Self.denial(db)
        #expect(denial["kind"] as? String == "cross-guest")
        #expect(denial["source_vm"] as? String == "alpha" && denial["target_vm"] as? String == "victim")
        let untrusted = try Binary.run(["query", "events", "--config", "/dev/null", "--db", db, "--kind", "untrusted-virt-record",
                                        "--format", "jsonl"])
        let event = try JSONSerialization.jsonObject(with: Data(untrusted.stdout.utf8)) as? [String: Any]
        #expect(event?["vm"] as? String == "alpha" && event?["serial"] as? Int == 106, "\(untrusted.stdout)")
        let detail = event?["detail"] as? [String: Any]
        #expect(detail?["sender"] as? String == "system_u:system_r:container_t:s0:c12,c34", "\(untrusted.stdout)")
        #expect(detail?["why"] as? String == "sent from container_t, not a libvirt daemon", "\(untrusted.stdout)")
        let digest = try Binary.run(["digest", "--config", "/dev/null", "--db", db, "--period", "2025-11-24T00:00:00Z..2025-11-25T00:00:00Z"])
        let prose = digest.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(prose.contains("untrusted-virt-record: VIRT_CONTROL op=stop for alpha ignored: sent from container_t, not a libvirt "
                               + "daemon (pid 1200, system_u:system_r:container_t:s0:c12,c34)"), "\(digest.stdout)")
        let events = try Binary.run(["query", "events", "--config", "/dev/null", "--db", db, "--kind", "domain-stop", "--format", "jsonl"])
        #expect(events.stdout.isEmpty, "\(events.stdout)")

        // watch alerts on the forgery (and on the attack, still alpha's).
        let watched = try Binary.run(["watch", "--config", "/dev/null", "--db", folder.appendingPathComponent("w.db").path, "--stdin"],
                                     stdin: Data(Self.log(stopSentFrom: "system_u:system_r:container_t:s0:c12,c34").utf8))
        let alerts = (watched.stdout + watched.stderr).split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(alerts.contains { $0.contains("\"rule\":\"untrusted-virt-record\"") && $0.contains("\"severity\":\"high\"")
            && $0.contains("\"pid\":1200") && $0.contains("\"scontext\":\"system_u:system_r:container_t:s0:c12,c34\"")
            && $0.contains("VIRT_CONTROL for alpha sent by system_u:system_r:container_t:s0:c12,c34, not by libvirt: ignored") },
                "\(watched.stdout)\(watched.stderr)")
        #expect(alerts.contains { $0.contains("\"rule\":\"cross-guest\"") && $0.contains("\"source_vm\":\"alpha\"") }, "\(alerts)")

        // libvirt's own stop ends the lease: the same attack is then an unknown label's.
        let real = folder.appendingPathComponent("real.db").path
        let own = folder.appendingPathComponent("own.log")
        try Self.log(stopSentFrom: "system_u:system_r:virtqemud_t:s0-s0:c0.c1023").write(to: own, atomically: true, encoding: .utf8)
        let second = try Binary.run(["ingest", "--config", "/dev/null", "--db", real, own.path])
        #expect(second.stderr.contains("0 parse errors"), "\(second.stderr)")
        #expect(try Self.denial(real)["kind"] as? String == "unknown-source")
    }

    /// A forger chooses the uuids it writes: alerts fold by the sender the kernel names, and the
    /// digest lists the real policy changes before the forged records (helper-99: 56,024 forged
    /// stops raised 54,888 alerts, and pushed setenforce 0 out of the digest).
    @Test func aFloodOfForgedRecordsFoldsByItsSenderAndBuriesNoPolicyChange() throws {
        let folder = try Fixtures.temporaryFolder("forged-flood")
        var lines: [String] = []
        for k in 0..<200 {
            lines.append("type=VIRT_CONTROL msg=audit(1764000100.\(String(format: "%03d", k % 1000)):\(1000 + k)): pid=4711 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:container_t:s0:c12,c34 msg='virt=kvm op=stop reason=shutdown vm=\"g\(k)\" uuid=aaaaaaaa-0000-0000-0000-\(String(format: "%012d", k)) vm-pid=-1 exe=\"/usr/sbin/virtqemud\" hostname=? addr=? terminal=? res=success'")
        }
        lines.append("type=MAC_STATUS msg=audit(1764000101.000:1300): enforcing=0 old_enforcing=1 auid=1000 ses=2 enabled=1 old-enabled=1 lsm=selinux res=1")
        let text = lines.joined(separator: "\n") + "\n"
        let db = folder.appendingPathComponent("w.db").path
        let watched = try Binary.run(["watch", "--config", "/dev/null", "--db", db, "--stdin"], stdin: Data(text.utf8))
        #expect(watched.status == 0, "\(watched.stderr)")
        let alerts = (watched.stdout + watched.stderr).split(separator: "\n").filter { $0.hasPrefix("{") }
        let forged = alerts.filter { $0.contains("\"rule\":\"untrusted-virt-record\"") }
        #expect(!forged.isEmpty && forged.count <= 2, "one alert and at most one follow-up: \(forged.count)")
        #expect(alerts.contains { $0.contains("\"rule\":\"enforcing-off\"") }, "\(alerts.count)")
        let digest = try Binary.run(["digest", "--config", "/dev/null", "--db", db, "--period", "2025-11-24T00:00:00Z..2025-11-25T00:00:00Z"])
        #expect(digest.stdout.contains("enforcing 1 -> 0"), "\(digest.stdout)")
    }

    /// A libvirt confined otherwise whose sender is not named in the config file: every lifecycle
    /// record is refused and every guest's denial is an unknown label's. ingest and watch say so,
    /// name what `libvirt_senders` would take, and no longer claim the log holds no VIRT_* record.
    @Test func refusedLibvirtRecordsAreSaidWithTheSenderToName() throws {
        let folder = try Fixtures.temporaryFolder("forged-refused")
        let launcher = "system_u:system_r:virt_launcher_t:s0:c12,c34"
        let text = Self.log(stopSentFrom: launcher).replacingOccurrences(of: "system_u:system_r:virtqemud_t:s0-s0:c0.c1023", with: launcher)
        let log = folder.appendingPathComponent("audit.log")
        try text.write(to: log, atomically: true, encoding: .utf8)
        let r = try Binary.run(["ingest", "--config", "/dev/null", "--db", folder.appendingPathComponent("s.db").path, log.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: 5 libvirt records naming a guest were refused, sent by virt_launcher_t (5): "), "\(r.stderr)")
        #expect(r.stderr.contains("If virt_launcher_t is this host's libvirt"), "\(r.stderr)")
        #expect(r.stderr.contains("name it in libvirt_senders in the config file"), "\(r.stderr)")
        #expect(!r.stderr.contains("not one VIRT_* record"), "\(r.stderr)")
        let watched = try Binary.run(["watch", "--config", "/dev/null", "--db", folder.appendingPathComponent("w.db").path, "--stdin"],
                                     stdin: Data(text.utf8))
        #expect(watched.stderr.contains("libvirt records naming a guest were refused, sent by virt_launcher_t (5): "), "\(watched.stderr)")

        // Named in the config file: believed, and nothing said.
        let conf = folder.appendingPathComponent("svirt-trace.conf")
        try "libvirt_senders: [virt_launcher_t]\n".write(to: conf, atomically: true, encoding: .utf8)
        let named = try Binary.run(["ingest", "--config", conf.path, "--db", folder.appendingPathComponent("n.db").path, log.path])
        #expect(named.status == 0 && !named.stderr.contains("refused"), "\(named.stderr)")

        // A sender's name comes from the log: it reaches the terminal escaped.
        let hostile = folder.appendingPathComponent("hostile.log")
        try Self.log(stopSentFrom: "system_u:system_r:evil\u{1B}[31m_t:s0").write(to: hostile, atomically: true, encoding: .utf8)
        let h = try Binary.run(["ingest", "--config", "/dev/null", "--db", folder.appendingPathComponent("h.db").path, hostile.path])
        #expect(h.stderr.contains("1 libvirt record naming a guest was refused, sent by evil"), "\(h.stderr)")
        #expect(!h.stderr.contains("\u{1B}"), "\(h.stderr)")

        // A sender that is not root is no libvirt, whatever its context.
        let forged = Self.log(stopSentFrom: "system_u:system_r:container_t:s0").replacingOccurrences(
            of: "uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:container_t", with: "uid=1000 auid=4294967295 ses=4294967295 subj=system_u:system_r:container_t")
        let other = folder.appendingPathComponent("forged.log")
        try forged.write(to: other, atomically: true, encoding: .utf8)
        let f = try Binary.run(["ingest", "--config", "/dev/null", "--db", folder.appendingPathComponent("f.db").path, other.path])
        #expect(f.stderr.contains("warning: 1 libvirt record naming a guest was refused, sent by senders that were not root (1: uid 1000): "),
                "\(f.stderr)")
        #expect(f.stderr.contains("libvirt runs as root, so they were forged: svirt-trace query events --kind untrusted-virt-record --db "),
                "\(f.stderr)")

        // Forgers that were not root, however many, never hide the root sender to name (helper-100:
        // eight throwaway uids first left virt_launcher_t unnamed).
        let uids = (1...9).map { k in
            "type=VIRT_CONTROL msg=audit(1764000000.\(k)00:\(50 + k)): pid=4711 uid=\(1000 + k) auid=4294967295 ses=4294967295 "
                + "subj=system_u:system_r:container_t:s0 msg='virt=kvm op=stop reason=shutdown vm=\"g\(k)\" "
                + "uuid=aaaaaaaa-0000-0000-0000-00000000000\(k) vm-pid=-1 exe=\"/usr/sbin/virtqemud\" hostname=? addr=? terminal=? res=success'"
        }.joined(separator: "\n") + "\n"
        let crowded = folder.appendingPathComponent("crowded.log")
        try (uids + text.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n").write(to: crowded, atomically: true, encoding: .utf8)
        let c = try Binary.run(["ingest", "--config", "/dev/null", "--db", folder.appendingPathComponent("c.db").path, crowded.path])
        #expect(c.stderr.contains("14 libvirt records naming a guest were refused, sent by virt_launcher_t (5), senders that were not root "
                                  + "(9: uid 1001, uid 1002, uid 1003, …): "), "\(c.stderr)")
        #expect(c.stderr.contains("If virt_launcher_t is this host's libvirt"), "\(c.stderr)")

        // With libvirt's own records believed, a root sender of another type is most likely a forger.
        let mixed = folder.appendingPathComponent("mixed.log")
        try Self.log(stopSentFrom: "system_u:system_r:container_t:s0:c12,c34").write(to: mixed, atomically: true, encoding: .utf8)
        let m = try Binary.run(["ingest", "--config", "/dev/null", "--db", folder.appendingPathComponent("m.db").path, mixed.path])
        #expect(m.stderr.contains("libvirt's own records were believed in the same input (4), so these were most likely forged; only if "
                                  + "container_t is also a libvirt of this host"), "\(m.stderr)")

        // A forgery alone in a log without libvirt's records: both are said.
        let lone = folder.appendingPathComponent("lone.log")
        try (forged.split(separator: "\n").filter { !$0.contains("virtqemud_t") }.joined(separator: "\n") + "\n")
            .write(to: lone, atomically: true, encoding: .utf8)
        let l = try Binary.run(["ingest", "--config", "/dev/null", "--db", folder.appendingPathComponent("l.db").path, lone.path])
        #expect(l.stderr.contains("sent by senders that were not root (1: uid 1000)") && l.stderr.contains("but not one VIRT_* record"),
                "\(l.stderr)")
    }

    /// A libvirt confined otherwise (KubeVirt's, a driver of its own) is named in the config file:
    /// its records are believed; a context there is refused by `config check`.
    @Test func aSenderNamedInTheConfigFileIsBelieved() throws {
        let folder = try Fixtures.temporaryFolder("forged-config")
        let log = folder.appendingPathComponent("audit.log")
        try Self.log(stopSentFrom: "system_u:system_r:virt_launcher_t:s0:c12,c34").write(to: log, atomically: true, encoding: .utf8)
        let conf = folder.appendingPathComponent("svirt-trace.conf")
        try "libvirt_senders: [virt_launcher_t]\n".write(to: conf, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let r = try Binary.run(["ingest", "--config", conf.path, "--db", db, log.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.denial(db)["kind"] as? String == "unknown-source")
        let events = try Binary.run(["query", "events", "--config", "/dev/null", "--db", db, "--kind", "untrusted-virt-record", "--format", "jsonl"])
        #expect(events.stdout.isEmpty, "\(events.stdout)")
        // Without it, the same record is refused.
        let other = folder.appendingPathComponent("o.db").path
        _ = try Binary.run(["ingest", "--config", "/dev/null", "--db", other, log.path])
        #expect(try Self.denial(other)["kind"] as? String == "cross-guest")
        let check = try Binary.run(["config", "check", conf.path])
        #expect(check.stdout.contains("libvirt_senders: virt_launcher_t (besides the built-in)"), "\(check.stdout)")
        #expect(!check.stderr.contains("warning"), "\(check.stderr)")
        // A container's type is taken, with a warning: it trusts every container (helper-100).
        try "libvirt_senders: [virt_launcher_t, container_t, unconfined]\n".write(to: conf, atomically: true, encoding: .utf8)
        let risky = try Binary.run(["config", "check", conf.path])
        #expect(risky.status == 0, "\(risky.stderr)")
        for sender in ["container_t", "unconfined"] {
            #expect(risky.stderr.contains("warning: libvirt_senders: \(sender) is what containers run as: every container on this host"),
                    "\(risky.stderr)")
        }
        #expect(!risky.stderr.contains("virt_launcher_t is what"), "\(risky.stderr)")
        // ingest and watch take it too, and say so where the operator reads them.
        let ingested = try Binary.run(["ingest", "--config", conf.path, "--db", folder.appendingPathComponent("r.db").path, log.path])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        #expect(ingested.stderr.contains("svirt-trace: warning: libvirt_senders: container_t is what containers run as"),
                "\(ingested.stderr)")
        let watched = try Binary.run(["watch", "--config", conf.path, "--db", folder.appendingPathComponent("w.db").path, "--stdin"],
                                     stdin: try Data(contentsOf: log))
        #expect(watched.status == 0, "\(watched.stderr)")
        #expect(watched.stderr.contains("libvirt_senders: unconfined is what containers run as"), "\(watched.stderr)")
        #expect(!r.stderr.contains("what containers run as"), "\(r.stderr)")
        try "libvirt_senders: system_u:system_r:virt_launcher_t:s0\n".write(to: conf, atomically: true, encoding: .utf8)
        let bad = try Binary.run(["config", "check", conf.path])
        #expect(bad.status == 2 && bad.stderr.contains("`libvirt_senders` lists SELinux types"), "\(bad.stderr)")
    }
}
