import Testing
@testable import AuditStream

@Suite struct FallbackTests {
    @Test func aPermissionListOverAuparsesBufferIsKeptAndReported() throws {
        let perms = (0..<30).map { "perm\($0)_longname" }
        let text = """
        type=AVC msg=audit(1764000000.100:1): avc:  denied  { \(perms.joined(separator: " ")) } for  pid=7 comm="qemu-kvm" name="disk" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0
        type=VIRT_CONTROL msg=audit(1764000000.200:2): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='virt=kvm op=stop vm="ab" uuid=00000000-0000-0000-0000-000000000001 vm-pid=-1 exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'

        """
        let reader = try AuditLogReader(sourceName: "long")
        var out: [AuditLogReader.Output] = []
        try reader.consume(Array(text.utf8)) { out.append($0) }
        try reader.finish { out.append($0) }
        let events = out.compactMap { if case .event(let e) = $0 { return e } else { return nil } }
        let issues = out.compactMap { if case .issue(let i) = $0 { return i } else { return nil } }
        #expect(events.count == 2)
        #expect(issues.count == 1)
        #expect(issues.first?.line == 1)
        #expect(issues.first?.reason.contains("256-byte") == true)
        let avc = try #require(events.flatMap(\.records).first { $0.type == "AVC" })
        #expect(avc.raw("seperms")?.split(separator: ",").map(String.init) == perms)
        #expect(avc.raw("seresult") == "denied")
        #expect(avc.string("comm") == "qemu-kvm")
        #expect(avc.raw("tcontext") == "system_u:object_r:svirt_image_t:s0:c3,c4")
        #expect(events.flatMap(\.records).first { $0.type == "VIRT_CONTROL" }?.string("vm") == "ab")
    }

    @Test func anEventAtTimeZeroKeepsItsFields() throws {
        // libauparse reads a record stamped 0.000 (a host without a clock, early in boot) but
        // gives its fields without names: the denial lost every field and was stored as a
        // parse error "AVC record has no scontext field". Each stamp once, and a neighbour.
        for stamp in ["0.000", "0.001", "1.000"] {
            let text = """
            type=AVC msg=audit(\(stamp):77): avc:  denied  { read } for  pid=7 comm="qemu-kvm" name="disk" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0
            type=VIRT_MACHINE_ID msg=audit(\(stamp):78): pid=1 uid=0 msg='virt=kvm vm="ab" uuid=00000000-0000-0000-0000-000000000001 vm-ctx=system_u:system_r:svirt_t:s0:c1,c2 img-ctx=system_u:object_r:svirt_image_t:s0:c1,c2 model=selinux exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'

            """
            let reader = try AuditLogReader(sourceName: "zero")
            var out: [AuditLogReader.Output] = []
            try reader.consume(Array(text.utf8)) { out.append($0) }
            try reader.finish { out.append($0) }
            let records = out.compactMap { if case .event(let e) = $0 { return e } else { return nil } }.flatMap(\.records)
            let avc = try #require(records.first { $0.type == "AVC" }, "\(stamp)")
            #expect(avc.raw("scontext") == "system_u:system_r:svirt_t:s0:c1,c2", "\(stamp)")
            #expect(avc.raw("tclass") == "file" && avc.string("comm") == "qemu-kvm", "\(stamp)")
            #expect(records.first { $0.type == "VIRT_MACHINE_ID" }?.string("vm") == "ab", "\(stamp)")
        }
    }

    @Test func theFallbackFlattensUserSpaceMessagesLikeAuparse() {
        let line = Array("type=VIRT_MACHINE_ID msg=audit(1.2:3): pid=1 uid=0 msg='virt=kvm vm=\"x\" uuid=u vm-ctx=a:b:c:s0 model=selinux res=success'\u{1D}UID=\"root\"".utf8)
        guard case .success(let header) = RecordHeader.parse(line, 0..<line.count) else {
            Issue.record("header did not parse")
            return
        }
        let body = header.bodyStart
        let fields = FallbackFields.split(line: line, bodyStart: body, type: "VIRT_MACHINE_ID")
        #expect(fields.map(\.name) == ["type", "pid", "uid", "virt", "vm", "uuid", "vm-ctx", "model", "res"])
        #expect(fields.first { $0.name == "vm" }?.value == "\"x\"")
    }
}
