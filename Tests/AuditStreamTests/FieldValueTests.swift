import Foundation
import Testing
@testable import AuditStream

@Suite struct FieldValueTests {
    @Test(arguments: [
        ("vm", "74656E616E742061", "tenant a"),
        ("vm", "\"web001\"", "web001"),
        ("comm", "\"qemu-kvm\"", "qemu-kvm"),
        ("proctitle", "2F7573722F62696E2F71656D75002D6E616D65", "/usr/bin/qemu -name"),
        ("new-disk", "2F7661722F6C69622F6F27627269656E", "/var/lib/o'brien"),
        ("ino", "1234", "1234"),
        ("uuid", "5501263b-181d-47ed-ab03-a6066f3d26bf", "5501263b-181d-47ed-ab03-a6066f3d26bf"),
    ])
    func decodes(name: String, value: String, expected: String) {
        #expect(FieldValue.decode(name: name, value: value) == expected)
    }

    @Test(arguments: ["?", "(null)", "(none)"])
    func absentValues(value: String) {
        #expect(FieldValue.decode(name: "exe", value: value) == nil)
    }

    @Test func decodedNamesKeepHostileBytesAsData() {
        let name = "x'; DROP TABLE denials; --\u{1B}]0;pwned\u{07}"
        let hex = name.utf8.map { String(format: "%02X", $0) }.joined()
        #expect(FieldValue.decode(name: "vm", value: hex) == name)
    }

    @Test func enrichedFieldsComeFromAfterTheSeparator() {
        let record = AuditRecord(type: "SYSCALL", raw: "type=SYSCALL msg=audit(1.2:3): auid=1000 uid=0\u{1D}AUID=\"alice\" UID=\"root\"",
                                 line: 1, fields: [("auid", "1000")])
        #expect(record.enriched("AUID") == "alice")
        #expect(record.enriched("UID") == "root")
        #expect(record.enriched("GID") == nil)
    }
}

@Suite struct AVCPermissionTextTests {
    @Test(arguments: [
        ("type=AVC msg=audit(1.2:3): avc:  denied  { read write } for  pid=1", "denied", ["read", "write"]),
        ("msg='avc:  granted  { setenforce } for  pid=1'", "granted", ["setenforce"]),
        ("type=AVC msg=audit(1.2:3) : avc:\u{A0}denied\u{A0}{ write }\u{A0}for", "denied", ["write"]),
        ("avc: denied {\tsend_msg\tacquire_svc } for", "denied", ["send_msg", "acquire_svc"]),
    ])
    func readsTheResultAndPermissions(raw: String, result: String, perms: [String]) throws {
        let parsed = try #require(AVCPermissionText.parse(raw))
        #expect(parsed.result == result)
        #expect(parsed.perms == perms)
    }

    @Test(arguments: ["msg='avc:  received policyload notice (seqno=2)'", "avc: denied read", "no avc here", ""])
    func rejectsTextWithoutAPermissionList(raw: String) {
        #expect(AVCPermissionText.parse(raw) == nil)
    }
}
