import Foundation
import Testing
@testable import AuditStream
import TestSupport

/// Every way of cutting the same bytes into chunks must give the same events and issues.
@Suite struct ChunkingTests {
    static func input() throws -> [UInt8] {
        var options = Workload.Options(events: 800, seed: 21, nodes: 3, enriched: true)
        options.interleave = 0.05
        options.malformedPerMillion = 20000
        let workload = try Workload.generate(options)
        var bytes = Array(try Data(contentsOf: workload.log))
        // Hostile lines the generator does not write: invalid UTF-8, an over-long line, CRLF, no
        // newline at the end.
        bytes += Array("node=hv01 type=AVC msg=audit(1764000000.001:1): avc:  denied  { read } for  pid=9 comm=".utf8)
        bytes += [0xFF, 0xFE, 0x22] + Array(" scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=file\n".utf8)
        bytes += Array("type=AVC msg=audit(1.2:3): ".utf8) + Array(repeating: 0x41, count: 5000) + [0x0A]
        bytes += Array("node=hv02 type=VIRT_CONTROL msg=audit(1764000000.002:2): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='virt=kvm op=stop vm=\"x\" uuid=00000000-0000-0000-0000-000000000001 vm-pid=-1 exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'\r\n".utf8)
        bytes += Array("type=MAC_POLICY_LOAD msg=audit(1764000000.003:3): auid=0 ses=1 lsm=selinux res=1".utf8)
        return bytes
    }

    static func run(_ bytes: [UInt8], chunks: [Range<Int>], cache: Bool = true) throws -> [AuditLogReader.Output] {
        var config = AuditLogReader.Configuration()
        config.maximumLineLength = 4096
        config.decodesRepeatsFromCache = cache
        let reader = try AuditLogReader(sourceName: "chunks", configuration: config)
        var out: [AuditLogReader.Output] = []
        for range in chunks { try reader.consume(bytes[range]) { out.append($0) } }
        try reader.finish { out.append($0) }
        return out
    }

    @Test func wholeLineByLineByteByByteAndRandomSplitsAgree() throws {
        let bytes = try Self.input()
        let whole = try Self.run(bytes, chunks: [0..<bytes.count])
        let events = whole.filter { if case .event = $0 { return true } else { return false } }
        let issues = whole.filter { if case .issue = $0 { return true } else { return false } }
        #expect(events.count > 50)
        #expect(issues.count >= 3)
        // The events auparse would decode are what the repeat cache gives back.
        #expect(try Self.run(bytes, chunks: [0..<bytes.count], cache: false) == whole)

        var lineChunks: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lineChunks.append(start..<(i + 1))
            start = i + 1
        }
        lineChunks.append(start..<bytes.count)
        #expect(try Self.run(bytes, chunks: lineChunks) == whole)

        #expect(try Self.run(bytes, chunks: bytes.indices.map { $0..<($0 + 1) }) == whole)
        #expect(try Self.run(bytes, chunks: lineChunks, cache: false) == whole)

        let seed = UInt64.random(in: 1...1_000_000)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<5 {
            var cuts: [Range<Int>] = []
            var at = 0
            while at < bytes.count {
                let size = Int(rng.next() % 9000) + 1
                cuts.append(at..<min(bytes.count, at + size))
                at += size
            }
            #expect(try Self.run(bytes, chunks: cuts) == whole, "random split seed \(seed)")
            #expect(try Self.run(bytes, chunks: cuts, cache: false) == whole, "random split seed \(seed), no cache")
        }
    }

    @Test func malformedLinesAreReportedWithTheirLineNumbersAndNeighboursSurvive() throws {
        let text = """
        type=MAC_POLICY_LOAD msg=audit(1764000000.001:10): auid=0 ses=1 lsm=selinux res=1
        garbage {}=: '
        
        type=AVC msg=audit(1764000000.002:11): avc:  denied  { read } for  pid=1 comm="qemu-kvm" scontext=system_u:sys
        type=MAC_POLICY_LOAD msg=audit(1764000000.003:12): auid=0 ses=1 lsm=selinux res=1
        type=AVC msg=audit(17640x0000.004:13): avc: denied { read }
        type=MAC_POLICY_LOAD msg=audit(1764000000.005:14): auid=0 ses=1 lsm=selinux res=1

        """
        let out = try Self.run(Array(text.utf8), chunks: [0..<text.utf8.count])
        let serials = out.compactMap { if case .event(let e) = $0 { return e.id.serial } else { return nil } }
        #expect(serials == [10, 11, 12, 14])
        let issues = out.compactMap { if case .issue(let i) = $0 { return i } else { return nil } }
        #expect(issues.map(\.line) == [2, 3, 6])
        #expect(issues[0].reason.contains("no type="))
        #expect(issues[1].reason == "empty line")
        #expect(issues[2].reason.contains("time stamp"))
        #expect(issues[0].byteOffset == Int64(text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)[0].count + 1))
    }

    @Test func checkpointStopsBeforeAPartialLastLine() throws {
        // USER_AVC is a whole event in one record, so nothing stays open after it.
        let complete = "type=USER_AVC msg=audit(1764000000.001:10): pid=1 uid=0 msg='avc:  denied  { send_msg } for scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=dbus'\n"
        let partial = "type=USER_AVC msg=audit(1764000000.002:11): pid=1"
        let reader = try AuditLogReader(sourceName: "p")
        var out: [AuditLogReader.Output] = []
        try reader.consume(Array((complete + partial).utf8)) { out.append($0) }
        #expect(reader.checkpoint.offset == Int64(complete.utf8.count))
        #expect(reader.checkpoint.line == 1)
        try reader.finish { out.append($0) }
        #expect(reader.checkpoint.offset == Int64(complete.utf8.count), "an unterminated line is re-read next time")
        #expect(out.count == 2)
    }

    @Test func anOpenEventHoldsTheCheckpointAtItsFirstLine() throws {
        let first = "type=USER_AVC msg=audit(1764000000.001:10): pid=1 uid=0 msg='avc:  denied  { x } for scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=dbus'\n"
        let open = "type=AVC msg=audit(1764000000.002:11): avc:  denied  { read } for  pid=1 scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=file\n"
        let reader = try AuditLogReader(sourceName: "p")
        try reader.consume(Array((first + open).utf8)) { _ in }
        #expect(reader.checkpoint.offset == Int64(first.utf8.count))
        #expect(reader.checkpoint.line == 1)
    }

    @Test func interleavedEventsAreAssembledWhole() throws {
        let text = """
        type=AVC msg=audit(1764000000.001:10): avc:  denied  { read } for  pid=1 comm="a" scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=file
        type=AVC msg=audit(1764000000.002:11): avc:  denied  { write } for  pid=2 comm="b" scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=file
        type=SYSCALL msg=audit(1764000000.001:10): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=1 auid=0 uid=0 comm="a" exe="/a"
        type=SYSCALL msg=audit(1764000000.002:11): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=2 auid=0 uid=0 comm="b" exe="/b"
        type=PROCTITLE msg=audit(1764000000.002:11): proctitle="b"
        type=PROCTITLE msg=audit(1764000000.001:10): proctitle="a"

        """
        let out = try Self.run(Array(text.utf8), chunks: [0..<text.utf8.count])
        let events = out.compactMap { if case .event(let e) = $0 { return e } else { return nil } }
        #expect(events.map(\.id.serial) == [11, 10])
        #expect(events.map { $0.records.map(\.type) } == [["AVC", "SYSCALL", "PROCTITLE"], ["AVC", "SYSCALL", "PROCTITLE"]])
        #expect(events.map { $0.records.map(\.line) } == [[2, 4, 5], [1, 3, 6]])
    }
}

@Suite struct IdleCompletionTests {
    @Test func aQuietLogCompletesItsOpenEventsButKeepsAPartialLine() throws {
        let lone = "type=AVC msg=audit(1764000000.001:10): avc:  denied  { read } for  pid=1 scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=file\n"
        let partial = "type=USER_AVC msg=audit(1764000000.002:11): pid=1"
        let reader = try AuditLogReader(sourceName: "live")
        var out: [AuditLogReader.Output] = []
        try reader.consume(Array((lone + partial).utf8)) { out.append($0) }
        #expect(out.isEmpty, "the AVC waits for its SYSCALL and PROCTITLE")
        #expect(reader.checkpoint.offset == 0)
        try reader.completeOpenEvents { out.append($0) }
        #expect(out.count == 1)
        // Completed without its closing record, the AVC is provisional: a restart reads it again,
        // and so the partial line after it too.
        #expect(reader.checkpoint.offset == 0, "the partial line is not past the checkpoint")
        try reader.consume(Array(" uid=0 msg='avc:  denied  { x } for scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=dbus'\n".utf8)) { out.append($0) }
        #expect(out.count == 2)
    }
}
