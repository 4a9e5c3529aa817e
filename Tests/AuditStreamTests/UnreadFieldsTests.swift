import Testing
@testable import AuditStream
import Native

/// The reader feeds auparse context records without the fields nothing reads (UnreadFields).
/// What comes out must be what auparse makes of the whole line, filtered the same way.
@Suite struct UnreadFieldsTests {
    /// A few names as Findings reads them; `key` is not among them, `(weird` and `msg` tokens are
    /// kept whole by the stripper.
    static let kept: @Sendable (String) -> Bool = { ["arch", "syscall", "exit", "pid", "comm", "exe", "name", "cwd",
                                                     "proctitle", "dev", "uid", "weird", "x"].contains($0) }

    static let lines = [
        "type=AVC msg=audit(1764000000.100:7): avc:  denied  { read } for  pid=42 comm=\"qemu-kvm\" name=\"disk\" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0",
        // Doubled spaces, a token without '=', an empty name, a `key` that auparse splits into
        // several fields, a name in parentheses, a msg= token, trailing punctuation, ENRICHED.
        "type=SYSCALL msg=audit(1764000000.100:7): arch=c000003e syscall=257  success=no exit=-13 a0=ffffff9c lonely =v items=0 ppid=1 pid=42 (weird=1) msg='x=2 uid=107, comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" key=6F6E650174776F\u{1D}ARCH=x86_64 SYSCALL=openat UID=\"qemu\"",
        "type=CWD msg=audit(1764000000.100:7): cwd=\"/\"",
        "type=PATH msg=audit(1764000000.100:7): item=0 name=\"/var/lib/libvirt/images/a.qcow2\" inode=53962 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0",
        "type=PROCTITLE msg=audit(1764000000.100:7): proctitle=2F7573722F6C6962657865632F71656D752D6B766D",
    ]

    @Test func strippedContextRecordsDecodeAsTheWholeLinesDo() throws {
        let reader = try AuditLogReader(sourceName: "t", configuration: .init(keepField: Self.kept))
        var out: [AuditLogReader.Output] = []
        try reader.consume(Array((Self.lines.joined(separator: "\n") + "\n").utf8)) { out.append($0) }
        try reader.finish { out.append($0) }
        let events = out.compactMap { if case .event(let e) = $0 { return e } else { return nil } }
        #expect(out.count == 1)
        let records = try #require(events.first?.records)
        #expect(records.map(\.raw) == Self.lines)

        let decoder = try AuparseDecoder(keepField: Self.kept)
        let whole = Self.lines.joined(separator: "\n") + "\ntype=EOE msg=audit(1764000000.100:7): \n"
        let expected = (try decoder.decode(Array(whole.utf8)) + decoder.flush()).flatMap(\.records)
            .filter { $0.typeName != "EOE" }
        #expect(expected.count == records.count)
        for (record, native) in zip(records, expected) {
            #expect(record.fields.map(\.name) == native.fields.map(\.name), "\(record.type)")
            #expect(record.fields.map(\.value) == native.fields.map(\.value), "\(record.type)")
        }
        let syscall = try #require(records.first { $0.type == "SYSCALL" })
        #expect(syscall.fields.map(\.name) == ["arch", "syscall", "exit", "pid", "weird", "x", "uid", "comm", "exe"])
    }

    @Test func onlyContextRecordsWithUnreadFieldsAreRewritten() throws {
        let filter = FieldNameFilter(keep: Self.kept)
        let cwd = Array(Self.lines[2].utf8)
        guard case .success(let header) = RecordHeader.parse(cwd, 0..<cwd.count) else {
            Issue.record("header did not parse")
            return
        }
        #expect(UnreadFields.strip(cwd, 0..<cwd.count, bodyStart: header.bodyStart, filter: filter) == nil)
        let path = Array(Self.lines[3].utf8)
        guard case .success(let pathHeader) = RecordHeader.parse(path, 0..<path.count) else {
            Issue.record("header did not parse")
            return
        }
        let stripped = UnreadFields.strip(path, 0..<path.count, bodyStart: pathHeader.bodyStart, filter: filter)
        #expect(stripped.map { String(decoding: $0, as: UTF8.self) }
            == "type=PATH msg=audit(1764000000.100:7): name=\"/var/lib/libvirt/images/a.qcow2\" dev=fd:00")
    }

    @Test func theFilterRemembersEachNamesAnswer() {
        final class Count: @unchecked Sendable { var asked: [String] = [] }
        let count = Count()
        let filter = FieldNameFilter(keep: { count.asked.append($0); return $0 == "scontext" || $0.hasPrefix("a-very-long-field-name") })
        let text = Array("scontext tclass a-very-long-field-name-over-sixteen-bytes a-very-long-field-name-over-sixteen-bytez".utf8)
        let ranges = [0..<8, 9..<15, 16..<57, 58..<99]
        for _ in 0..<3 {
            let answers = ranges.map { range -> Bool in
                let (h0, h1) = FieldNameFilter.heads(text.span, range)
                return filter.keeps(text.span, range, head0: h0, head1: h1)
            }
            #expect(answers == [true, false, true, true])
        }
        #expect(count.asked == ["scontext", "tclass", "a-very-long-field-name-over-sixteen-bytes",
                                "a-very-long-field-name-over-sixteen-bytez"])
    }
}
