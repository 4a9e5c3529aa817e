import Foundation

/// Hand-built libvirt audit logs for the isolation-posture cases, in every shape a host writes
/// them: the monolithic libvirtd or the modular virtqemud, auditd's RAW or ENRICHED format (a
/// 0x1d byte, then the interpreted names), with or without a `node=` prefix.
public struct PostureLog {
    public enum Sender: String, CaseIterable, Sendable {
        case libvirtd, virtqemud

        var exe: String { self == .libvirtd ? "/usr/sbin/libvirtd" : "/usr/sbin/virtqemud" }
        var domain: String { self == .libvirtd ? "virtd_t" : "virtqemud_t" }
    }

    public struct Shape: Sendable, CustomStringConvertible {
        public var sender: Sender
        public var enriched: Bool
        public var node: String?

        public init(sender: Sender, enriched: Bool, node: String?) {
            self.sender = sender
            self.enriched = enriched
            self.node = node
        }

        /// Every combination of sender, format and node prefix.
        public static let all: [Shape] = Sender.allCases.flatMap { sender in
            [false, true].flatMap { enriched in [nil, "hv1"].map { Shape(sender: sender, enriched: enriched, node: $0) } }
        }

        public var description: String {
            "\(sender.rawValue)/\(enriched ? "enriched" : "raw")/\(node.map { "node=" + $0 } ?? "no-node")"
        }
    }

    public var shape: Shape
    public var lines: [String] = []
    public var seconds: Int64 = 1_764_000_000
    public var serial: Int64 = 700

    public init(_ shape: Shape = Shape(sender: .libvirtd, enriched: false, node: nil)) {
        self.shape = shape
    }

    public mutating func stamp() -> String {
        seconds += 1
        serial += 1
        return "\(seconds).125:\(serial)"
    }

    /// The stamp of the newest line: `TIME:SERIAL`.
    public var lastSerial: Int64 { serial }

    public static func hex(_ s: String) -> String { s.utf8.map { String(format: "%02X", $0) }.joined() }

    /// One libvirt record; names go hex-encoded when they need it, as libvirt writes them.
    public mutating func virt(_ type: String, _ body: String, res: String = "success") {
        let prefix = shape.node.map { "node=\($0) " } ?? ""
        var line = "\(prefix)type=\(type) msg=audit(\(stamp())): pid=1200 uid=0 auid=4294967295 ses=4294967295 "
            + "subj=system_u:system_r:\(shape.sender.domain):s0-s0:c0.c1023 msg='virt=kvm \(body) "
            + "exe=\"\(shape.sender.exe)\" hostname=? addr=? terminal=? res=\(res)'"
        if shape.enriched { line += "\u{1D}UID=\"root\" AUID=\"unset\"" }
        lines.append(line)
    }

    static func vm(_ name: String) -> String {
        name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } ? "vm=\"\(name)\"" : "vm=\(hex(name))"
    }

    public mutating func machineID(_ name: String, _ uuid: String, model: String, vmContext: String, imageContext: String) {
        virt("VIRT_MACHINE_ID", "\(Self.vm(name)) uuid=\(uuid) vm-ctx=\(vmContext) img-ctx=\(imageContext) model=\(model)")
    }

    public mutating func disk(_ name: String, _ uuid: String, _ path: String, reason: String = "start") {
        virt("VIRT_RESOURCE", "resrc=disk reason=\(reason) \(Self.vm(name)) uuid=\(uuid) old-disk=\"?\" new-disk=\"\(path)\"")
    }

    public mutating func control(_ op: String, _ name: String, _ uuid: String, pid: Int64 = -1) {
        virt("VIRT_CONTROL", "op=\(op) reason=booted \(Self.vm(name)) uuid=\(uuid) vm-pid=\(pid)")
    }

    /// A guest start the usual way: selinux record (unless `selinux` is nil), dac record, disks,
    /// then the start.
    public mutating func start(_ name: String, _ uuid: String, selinux: (vm: String, image: String)?, disks: [String] = [],
                               pid: Int64) {
        if let selinux { machineID(name, uuid, model: "selinux", vmContext: selinux.vm, imageContext: selinux.image) }
        machineID(name, uuid, model: "dac", vmContext: "+107:+107", imageContext: "+107:+107")
        for path in disks { disk(name, uuid, path) }
        control("start", name, uuid, pid: pid)
    }

    /// A dynamic sVirt pair at `level`.
    public static func svirt(_ level: String, type: String = "svirt_t") -> (vm: String, image: String) {
        ("system_u:system_r:\(type):\(level)", "system_u:object_r:svirt_image_t:\(level)")
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }

    // MARK: status XML

    /// A `<domstatus>` document; `seclabel` is the selinux element's XML (nil for none at all).
    public static func status(name: String, uuid: String, pid: Int64, seclabel: String?, disks: String = "") -> String {
        let esc = { (s: String) in
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&apos;")
        }
        return """
            <domstatus state='running' reason='booted' pid='\(pid)'>
              <domain type='kvm' id='1'>
                <name>\(esc(name))</name>
                <uuid>\(uuid)</uuid>
                <devices>
                  <emulator>/usr/bin/qemu-system-x86_64</emulator>
            \(disks)
                </devices>
            \(seclabel ?? "")
                <seclabel type='dynamic' model='dac' relabel='yes'>
                  <label>+107:+107</label>
                  <imagelabel>+107:+107</imagelabel>
                </seclabel>
              </domain>
            </domstatus>

            """
    }

    public static func seclabel(type: String = "dynamic", label: String, image: String?) -> String {
        """
            <seclabel type='\(type)' model='selinux' relabel='yes'>
              <label>\(label)</label>
        \(image.map { "      <imagelabel>\($0)</imagelabel>" } ?? "")
            </seclabel>
        """
    }

    public static func diskXML(type: String, source: String, shareable: Bool = false, readonly: Bool = false) -> String {
        let attribute = type == "block" ? "dev" : "file"
        return """
                  <disk type='\(type)' device='disk'>
                    <source \(attribute)='\(source)'/>
                    <target dev='vdb' bus='virtio'/>
                    \(shareable ? "<shareable/>" : "")\(readonly ? "<readonly/>" : "")
                  </disk>
            """
    }
}
