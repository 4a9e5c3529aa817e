import Foundation
import AuditStream
import Findings

/// Writes small audit logs in auditd's format for scenario tests, with serials and times that
/// advance by themselves.
struct LogBuilder {
    var lines: [String] = []
    var seconds: Int64 = 1_764_000_000
    var serial: Int64 = 100

    mutating func stamp(after: Int64 = 1) -> String {
        seconds += after
        serial += 1
        return "\(seconds).000:\(serial)"
    }

    static func hex(_ s: String) -> String { s.utf8.map { String(format: "%02X", $0) }.joined() }

    mutating func machineID(_ name: String, _ uuid: String, level: String, model: String = "selinux",
                            res: String = "success", hexName: Bool = false) {
        let vm = hexName ? "vm=\(Self.hex(name))" : "vm=\"\(name)\""
        let ctx = model == "selinux" ? "system_u:system_r:svirt_t:\(level)" : "+107:+107"
        let img = model == "selinux" ? "system_u:object_r:svirt_image_t:\(level)" : "+107:+107"
        lines.append("type=VIRT_MACHINE_ID msg=audit(\(stamp())): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm \(vm) uuid=\(uuid) vm-ctx=\(ctx) img-ctx=\(img) model=\(model) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=\(res)'")
    }

    mutating func control(_ op: String, _ name: String, _ uuid: String, pid: Int64 = -1, res: String = "success") {
        lines.append("type=VIRT_CONTROL msg=audit(\(stamp())): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm op=\(op) reason=booted vm=\"\(name)\" uuid=\(uuid) vm-pid=\(pid) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=\(res)'")
    }

    mutating func start(_ name: String, _ uuid: String, level: String, pid: Int64) {
        machineID(name, uuid, level: level)
        machineID(name, uuid, level: level, model: "dac")
        control("start", name, uuid, pid: pid)
    }

    mutating func avc(perms: String = "read", pid: Int64, scontext: String, tcontext: String, tclass: String = "file",
                      path: String? = "/var/lib/libvirt/images/x.qcow2", permissive: Int = 0) {
        let s = stamp()
        lines.append("type=AVC msg=audit(\(s)): avc:  denied  { \(perms) } for  pid=\(pid) comm=\"qemu-kvm\" name=\"x.qcow2\" dev=\"dm-0\" ino=42 scontext=\(scontext) tcontext=\(tcontext) tclass=\(tclass) permissive=\(permissive)")
        lines.append("type=SYSCALL msg=audit(\(s)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=1 a2=80002 a3=0 items=1 ppid=1 pid=\(pid) auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=\(scontext) key=(null)")
        lines.append("type=CWD msg=audit(\(s)): cwd=\"/\"")
        if let path {
            lines.append("type=PATH msg=audit(\(s)): item=0 name=\"\(path)\" inode=42 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=\(tcontext) nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0")
        }
        lines.append("type=PROCTITLE msg=audit(\(s)): proctitle=2F7573722F6C6962657865632F71656D752D6B766D")
    }

    mutating func raw(_ line: String) { lines.append(line) }

    /// systemd-update-utmp's record at boot: lease data is complete after it.
    mutating func boot(node: String? = nil) {
        let prefix = node.map { "node=\($0) " } ?? ""
        lines.append("\(prefix)type=SYSTEM_BOOT msg=audit(\(stamp())): pid=612 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'")
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Runs the log through the reader and a correlator; returns every finding in order.
    func correlate(_ correlator: inout Correlator) throws -> [Finding] {
        let reader = try AuditLogReader(sourceName: "scenario")
        var findings: [Finding] = []
        let handle: (AuditLogReader.Output) -> Void = { output in
            if case .event(let event) = output { findings += correlator.process(event) }
        }
        try reader.consume(Array(text.utf8), emit: handle)
        try reader.finish(emit: handle)
        return findings
    }

    func correlate() throws -> [Finding] {
        var correlator = Correlator()
        return try correlate(&correlator)
    }
}

extension Array where Element == Finding {
    var denials: [Denial] { compactMap { if case .denial(let d) = $0 { return d } else { return nil } } }
    var events: [RecordedEvent] { compactMap { if case .event(let e) = $0 { return e } else { return nil } } }
    var issues: [ParseIssue] { compactMap { if case .issue(let i) = $0 { return i } else { return nil } } }
}
