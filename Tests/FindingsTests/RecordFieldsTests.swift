import AuditStream
@testable import Findings
import Testing

/// The correlator's one-pass field readers must mean exactly what `AuditRecord`'s readers mean.
@Suite struct RecordFieldsTests {
    static let names = ["scontext", "comm", "exe", "name", "proctitle", "dev", "cwd", "new-disk", "old-net", "tclass"]
    static let values = [
        "", "?", "(null)", "(none)", "\"\"", "\"", "'x'", "\"x'", "\"qemu-kvm\"", "\"/usr/libexec/qemu-kvm\"",
        "system_u:system_r:svirt_t:s0:c1,c2", "2F7573722F62696E2F71656D75002D6E616D65", "2F75737", "ABCDEF",
        "abcdef", "abcdeg", "file", "dm-0", "\"(null)\"", "(NULL)", "\"caf\u{E9}\"", "00", "0G",
    ]
    static let numbers = [
        "", "0", "42", "-13", "-0", "007", "+5", "\"12\"", "4294967295", "4294967296", "-1", "999999999999999999",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "12a", "-", "--1", "1-", "EACCES",
    ]

    @Test func textDecodesAsFieldValueDoes() {
        for name in Self.names {
            for value in Self.values {
                #expect(RecordFields.decode(name: name, value: value) == FieldValue.decode(name: name, value: value),
                        "\(name)=\(value)")
            }
        }
    }

    @Test func numbersReadAsTheRecordReadsThem() {
        for text in Self.numbers {
            let record = AuditRecord(type: "SYSCALL", raw: "", line: 1, fields: [("exit", text)])
            #expect(RecordFields.int(text) == record.int("exit"), "\(text)")
            for range in [NumericField.pidRange, NumericField.uidRange, NumericField.exitRange] {
                #expect(RecordFields.number(text, in: range) == record.number("exit", in: range), "\(text)")
            }
        }
    }

    @Test func firstTakesTheFirstFieldOfAName() {
        let record = AuditRecord(type: "PATH", raw: "", line: 1, fields: [("item", "0"), ("name", "a"), ("name", "b")])
        #expect(RecordFields.first("name", in: record) == "a")
        #expect(RecordFields.first("cwd", in: record) == nil)
    }

    @Test func enrichedFieldsMatchTheRecordsOwnReader() {
        let raws = [
            "type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=257 auid=0",
            "type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=257 auid=0\u{1D}ARCH=x86_64 SYSCALL=openat AUID=\"root\"",
            "type=SYSCALL msg=audit(1.000:1): x=1\u{1D}AUID=\"a\" AUID=\"b\"  SYSCALL=read \u{1D}SYSCALL=x",
            "\u{1D}",
            "type=SYSCALL msg=audit(1.000:1): x=1\u{1D}SYSCALL AUID=",
            String(repeating: "a=b ", count: 200) + "\u{1D}SYSCALL=write",
        ]
        for raw in raws {
            let record = AuditRecord(type: "SYSCALL", raw: raw, line: 1, fields: [])
            let enriched = EnrichedFields(raw, names: ["SYSCALL", "AUID"])
            #expect(enriched[0] == record.enriched("SYSCALL"), "\(raw)")
            #expect(enriched[1] == record.enriched("AUID"), "\(raw)")
        }
    }

    @Test func theSeparatorIsFoundAnywhereInALongLine() {
        for length in [0, 1, 15, 16, 17, 31, 32, 33, 64, 100, 1000] {
            let plain = String(repeating: "x", count: length)
            #expect(EnrichedFields.separatorOffset(plain) == nil)
            for at in Set([0, length / 2, length]) {
                var bytes = Array(plain.utf8)
                bytes.insert(0x1D, at: at)
                #expect(EnrichedFields.separatorOffset(String(decoding: bytes, as: UTF8.self)) == at)
            }
        }
    }
}
