import Ingest

/// A generated hypervisor audit log for benchmarks that need millions of denials: guests start,
/// stop and reuse labels on several nodes over a year, and their denials (cross-guest, guest-host,
/// needs-boolean, stale-image and host noise) arrive as AVC, SYSCALL, PATH and PROCTITLE records.
/// It is read through the same reader, correlator and writer as a real log; only the bytes come
/// from here instead of a file, so a 5-million-denial store takes minutes, not a 7 GB log.
final class SyntheticHypervisorLog: ByteSource {
    let path = "(synthetic)"
    let isSeekable = false
    let size: Int64? = nil

    private struct Guest {
        var name: String
        var uuid: String
        var level: String
        var pid: Int
    }

    private struct Node {
        var name: String
        var serial = 1000
        var live: [Guest] = []
        var freed: [String] = []
    }

    private var rng: SplitMix
    private var nodes: [Node]
    private let denials: Int
    private let lifetimes: Int
    private let start: Int64
    private let stepMilliseconds: Int64
    private var emitted = 0
    private var started = 0
    private var nextPid = 3000
    private var pending: [UInt8] = []
    private var began = false
    /// Guests running on each node at any time.
    private let concurrent: Int

    init(denials: Int, nodes: Int = 3, lifetimes: Int = 2000, seed: UInt64 = 1,
                start: Int64 = 1_733_011_200_000, spanDays: Int = 365) {
        self.denials = denials
        self.lifetimes = lifetimes
        self.start = start
        self.stepMilliseconds = max(1, Int64(spanDays) * 86_400_000 / Int64(max(1, denials)))
        rng = SplitMix(seed: seed)
        self.nodes = (1...max(1, nodes)).map { Node(name: "hv\($0 < 10 ? "0" : "")\($0)") }
        concurrent = max(2, min(40, lifetimes / max(1, nodes) / 2))
    }

    func seek(to offset: Int64) throws {}

    func read(into buffer: inout [UInt8]) throws -> Int {
        while pending.count < buffer.count, emitted < denials {
            produce()
        }
        let n = min(buffer.count, pending.count)
        buffer.replaceSubrange(0..<n, with: pending[0..<n])
        pending.removeSubrange(0..<n)
        return n
    }

    private var now: Int64 { start + Int64(emitted) * stepMilliseconds }

    private func stamp(_ node: inout Node, at time: Int64) -> String {
        node.serial += 1
        let ms = time % 1000
        return "\(time / 1000).\(ms < 10 ? "00" : ms < 100 ? "0" : "")\(ms):\(node.serial)"
    }

    private func line(_ text: String) {
        pending.append(contentsOf: text.utf8)
        pending.append(0x0A)
    }

    private func produce() {
        if !began {
            began = true
            for n in nodes.indices { for _ in 0..<concurrent { startGuest(n) } }
        }
        let n = emitted % nodes.count
        // Lifetimes turn over evenly across the run.
        let perTurnover = max(1, denials / max(1, lifetimes - concurrent * nodes.count))
        if emitted % perTurnover == 0, started < lifetimes, !nodes[n].live.isEmpty {
            stopGuest(n, index: Int(rng.next() % UInt64(nodes[n].live.count)))
            startGuest(n)
        }
        denial(n)
        emitted += 1
    }

    private func startGuest(_ n: Int) {
        started += 1
        nextPid += 7
        let level: String
        if let reused = nodes[n].freed.popLast(), rng.next() % 3 != 0 {
            level = reused
        } else {
            let a = Int(rng.next() % 1023), b = a + 1 + Int(rng.next() % UInt64(1023 - a))
            level = "s0:c\(a),c\(b)"
        }
        let guest = Guest(name: "vm\(started)", uuid: uuid(started), level: level, pid: nextPid)
        let time = now
        var node = nodes[n]
        let prefix = "node=\(node.name) "
        let tail = "exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'"
        let head = "pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm"
        line(prefix + "type=VIRT_MACHINE_ID msg=audit(\(stamp(&node, at: time))): \(head) vm=\"\(guest.name)\" uuid=\(guest.uuid) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux \(tail)")
        line(prefix + "type=VIRT_MACHINE_ID msg=audit(\(stamp(&node, at: time))): \(head) vm=\"\(guest.name)\" uuid=\(guest.uuid) vm-ctx=+107:+107 img-ctx=+107:+107 model=dac \(tail)")
        line(prefix + "type=VIRT_RESOURCE msg=audit(\(stamp(&node, at: time))): \(head) resrc=disk reason=start vm=\"\(guest.name)\" uuid=\(guest.uuid) old-disk=\"?\" new-disk=\"/var/lib/libvirt/images/\(guest.name).qcow2\" \(tail)")
        line(prefix + "type=VIRT_CONTROL msg=audit(\(stamp(&node, at: time))): \(head) op=start reason=booted vm=\"\(guest.name)\" uuid=\(guest.uuid) vm-pid=\(guest.pid) \(tail)")
        node.live.append(guest)
        nodes[n] = node
    }

    private func stopGuest(_ n: Int, index: Int) {
        var node = nodes[n]
        let guest = node.live.remove(at: index)
        node.freed.append(guest.level)
        line("node=\(node.name) type=VIRT_CONTROL msg=audit(\(stamp(&node, at: now))): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm op=stop reason=shutdown vm=\"\(guest.name)\" uuid=\(guest.uuid) vm-pid=-1 exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
        nodes[n] = node
    }

    private func denial(_ n: Int) {
        var node = nodes[n]
        let live = node.live
        let source = live[Int(rng.next() % UInt64(live.count))]
        let scontext = "system_u:system_r:svirt_t:\(source.level)"
        let roll = rng.next() % 100
        let tcontext: String, tclass: String, path: String, perm: String
        var pid = source.pid, comm = "qemu-kvm", exe = "/usr/libexec/qemu-kvm", subj = scontext
        switch roll {
        case 0..<12:
            let target = live[Int(rng.next() % UInt64(live.count))]
            tcontext = "system_u:object_r:svirt_image_t:\(target.level)"
            (tclass, path, perm) = ("file", "/var/lib/libvirt/images/\(target.name).qcow2", "read")
        case 12..<22:
            (tcontext, tclass, path, perm) = ("system_u:object_r:shadow_t:s0", "file", "/etc/shadow", "read")
        case 22..<32:
            (tcontext, tclass, path, perm) = ("system_u:object_r:nfs_t:s0", "file", "/mnt/nfs/images/shared.iso", "read")
        case 32..<37:
            (tcontext, tclass, path, perm) = ("system_u:object_r:virt_content_t:s0", "file", "/var/lib/libvirt/images/retired.qcow2", "read")
        default:
            pid = 900 + Int(rng.next() % 100)
            (comm, exe, subj) = ("httpd", "/usr/sbin/httpd", "system_u:system_r:httpd_t:s0")
            (tcontext, tclass, path, perm) = ("system_u:object_r:user_home_t:s0", "file", "/home/www/index.html", "getattr")
        }
        let s = stamp(&node, at: now)
        let p = "node=\(node.name) "
        let avcSource = subj
        line(p + "type=AVC msg=audit(\(s)): avc:  denied  { \(perm) } for  pid=\(pid) comm=\"\(comm)\" name=\"\(path.split(separator: "/").last ?? "")\" dev=\"dm-0\" ino=\(rng.next() % 900_000 + 1000) scontext=\(avcSource) tcontext=\(tcontext) tclass=\(tclass) permissive=0")
        line(p + "type=SYSCALL msg=audit(\(s)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7f a2=80002 a3=0 items=1 ppid=1 pid=\(pid) auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"\(comm)\" exe=\"\(exe)\" subj=\(subj) key=(null)")
        line(p + "type=PATH msg=audit(\(s)): item=0 name=\"\(path)\" inode=4242 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=\(tcontext) nametype=NORMAL")
        line(p + "type=PROCTITLE msg=audit(\(s)): proctitle=71656D752D6B766D")
        nodes[n] = node
    }

    private func uuid(_ i: Int) -> String {
        let hex = String(i, radix: 16)
        return "5a5a5a5a-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }
}

/// SplitMix64, for reproducible synthetic logs.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
