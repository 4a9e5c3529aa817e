import Testing
@testable import Findings
import Guests
import SELinux

@Suite struct ClassifierTests {
    static func lease(_ name: String) -> Lease {
        Lease(id: 1, node: nil, uuid: "u-\(name)", name: name, model: "selinux", label: "", imageLabel: nil, level: nil,
              processType: "svirt_t", isStatic: false, pid: nil, validFrom: nil, validTo: nil, started: true, origin: .audit)
    }

    static func classify(_ s: String, _ t: String, tclass: String = "file", perms: [String] = ["read"],
                         sources: [String] = [], targets: [String] = []) -> (DenialKind, String?) {
        let result = Classifier().classify(.init(source: ContextView(s), target: ContextView(t), tclass: tclass,
                                                 perms: perms, sources: sources.map(lease), targets: targets.map(lease)))
        return (result.kind, result.boolean)
    }

    static let guest = "system_u:system_r:svirt_t:s0:c1,c2"

    @Test(arguments: [
        (guest, "system_u:object_r:svirt_image_t:s0:c3,c4", "file", ["read"], ["a"], ["b"], DenialKind.crossGuest, nil as String?),
        (guest, "system_u:system_r:svirt_t:s0:c3,c4", "process", ["ptrace"], ["a"], ["b"], .crossGuest, nil),
        (guest, "system_u:object_r:svirt_image_t:s0:c3,c4", "file", ["read"], [], ["b"], .unknownSource, nil),
        (guest, "system_u:object_r:svirt_image_t:s0:c3,c4", "file", ["read"], ["a"], [], .unknownTarget, nil),
        // A guest of unknown name reaching for a host object a boolean opens keeps the boolean (helper-76).
        (guest, "system_u:object_r:sysfs_t:s0", "file", ["write"], [], [], .unknownSource, "virt_use_sysfs"),
        (guest, "system_u:object_r:shadow_t:s0", "file", ["read"], [], [], .unknownSource, nil),
        (guest, "system_u:object_r:shadow_t:s0", "file", ["read"], ["a"], [], .guestHost, nil),
        (guest, "system_u:object_r:fixed_disk_t:s0", "blk_file", ["write"], ["a"], [], .guestHost, nil),
        (guest, "system_u:object_r:nfs_t:s0", "file", ["read"], ["a"], [], .needsBoolean, "virt_use_nfs"),
        (guest, "system_u:object_r:cifs_t:s0", "file", ["read"], ["a"], [], .needsBoolean, "virt_use_samba"),
        (guest, "system_u:object_r:usb_device_t:s0", "chr_file", ["read"], ["a"], [], .needsBoolean, "virt_use_usb"),
        (guest, "system_u:system_r:svirt_t:s0:c1,c2", "process", ["execmem"], ["a"], ["a"], .needsBoolean, "virt_use_execmem"),
        (guest, "system_u:system_r:svirt_t:s0:c1,c2", "rawip_socket", ["create"], ["a"], ["a"], .needsBoolean, "virt_use_rawip"),
        (guest, "system_u:object_r:virt_content_t:s0", "file", ["read"], ["a"], [], .staleImage, nil),
        (guest, "system_u:object_r:svirt_content_t:s0", "file", ["write"], ["a"], [], .sharedContentWrite, nil),
        (guest, "system_u:object_r:svirt_image_t:s0:c1,c2", "file", ["execute"], ["a"], ["a"], .guestSelf, nil),
        ("system_u:system_r:openvswitch_t:s0", "system_u:system_r:svirt_t:s0:c1,c2", "unix_stream_socket", ["connectto"], [], ["a"], .hostGuest, nil),
        ("system_u:system_r:httpd_t:s0", "system_u:object_r:user_home_t:s0", "file", ["getattr"], [], [], .hostOther, nil),
    ])
    func kinds(s: String, t: String, tclass: String, perms: [String], sources: [String], targets: [String],
               kind: DenialKind, boolean: String?) {
        let result = Self.classify(s, t, tclass: tclass, perms: perms, sources: sources, targets: targets)
        #expect(result.0 == kind)
        #expect(result.1 == boolean)
    }

    /// explain on such a denial said "this may be a cross-guest denial" and dropped the boolean.
    @Test(arguments: ["unknown-source", "unattributed"])
    func anUnknownGuestsReachForAHostObjectIsExplainedAsSuch(kind: String) {
        let host = Explainer().explain(.init(kind: kind, scontext: Self.guest, tcontext: "system_u:object_r:sysfs_t:s0", tclass: "file",
                                             perms: ["write"], permissive: false, boolean: "virt_use_sysfs", source: nil, target: nil))
        #expect(!host.reason.contains("cross-guest"), "\(host.reason)")
        #expect(host.reason.contains("host object (sysfs_t file { write })"), "\(host.reason)")
        #expect(host.advice.contains { $0.contains("setsebool -P virt_use_sysfs on") }, "\(host.advice)")
        let image = Explainer().explain(.init(kind: kind, scontext: Self.guest, tcontext: "system_u:object_r:svirt_image_t:s0:c3,c4",
                                              tclass: "file", perms: ["read"], permissive: false, boolean: nil, source: nil, target: nil))
        #expect(!image.reason.contains("host object"), "\(image.reason)")
        #expect(!image.advice.contains { $0.contains("setsebool") })
        #expect(image.advice.last?.contains("audit2allow") == true)
        if kind == "unattributed" { #expect(image.reason.contains("may be a cross-guest denial")) }
    }

    @Test func aTargetHeldByTheSourceAndAnotherGuestIsStillCrossGuest() {
        #expect(Self.classify(Self.guest, "system_u:object_r:svirt_image_t:s0:c1,c2", sources: ["a"], targets: ["a", "b"]).0 == .crossGuest)
    }
}
