import Foundation
import Testing
@testable import AuditStream
import TestSupport

/// Crafted and pasted input: numbers out of range, oversized events, half-written events,
/// indented records, `ausearch -i` output, NUL bytes. None traps; each is a clear parse issue or
/// is read.
@Suite struct ReaderHardeningUnitTests {
    static func run(_ text: String, configuration: AuditLogReader.Configuration = .init(),
                    chunks: [Range<Int>]? = nil) throws -> (outputs: [AuditLogReader.Output], checkpoint: (Int64, Int)) {
        try run(Array(text.utf8), configuration: configuration, chunks: chunks)
    }

    static func run(_ bytes: [UInt8], configuration: AuditLogReader.Configuration = .init(),
                    chunks: [Range<Int>]? = nil) throws -> (outputs: [AuditLogReader.Output], checkpoint: (Int64, Int)) {
        let reader = try AuditLogReader(sourceName: "hardening", configuration: configuration)
        var out: [AuditLogReader.Output] = []
        for range in chunks ?? [0..<bytes.count] { try reader.consume(bytes[range]) { out.append($0) } }
        try reader.finish { out.append($0) }
        return (out, reader.checkpoint)
    }

    static func events(_ outputs: [AuditLogReader.Output]) -> [AuditEvent] {
        outputs.compactMap { if case .event(let e) = $0 { return e } else { return nil } }
    }

    static func issues(_ outputs: [AuditLogReader.Output]) -> [ParseIssue] {
        outputs.compactMap { if case .issue(let i) = $0 { return i } else { return nil } }
    }

    static let userAVC = "type=USER_AVC msg=audit(1764000000.001:10): pid=1 uid=0 msg='avc:  denied  { x } for scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=dbus'"

    static func avc(_ stamp: String) -> String {
        "type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=7 comm=\"qemu-kvm\" name=\"disk\" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0"
    }

    static func syscall(_ stamp: String) -> String {
        "type=SYSCALL msg=audit(\(stamp)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=1 a2=0 a3=0 items=1 ppid=1 pid=7 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" key=(null)"
    }

    static func rest(_ stamp: String) -> [String] {
        ["type=CWD msg=audit(\(stamp)): cwd=\"/\"",
         "type=PATH msg=audit(\(stamp)): item=0 name=\"/var/lib/libvirt/images/disk.qcow2\" inode=42 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 nametype=NORMAL",
         "type=PROCTITLE msg=audit(\(stamp)): proctitle=2F7573722F6C6962657865632F71656D752D6B766D"]
    }

    // MARK: item 1: numbers out of range

    @Test(arguments: [
        ("type=AVC msg=audit(18446744073709551.615:8): avc:  denied", "time stamp out of range"),
        ("type=AVC msg=audit(253402300800.000:8): avc:  denied", "time stamp out of range"),
        ("type=AVC msg=audit(99999999999999999999999999.000:8): avc:  denied", "time stamp out of range"),
        ("type=AVC msg=audit(1764000000.000:4294967296): avc:  denied", "serial number out of range"),
        ("type=AVC msg=audit(1764000000.000:99999999999999999999999): avc:  denied", "serial number out of range"),
        ("type=AVC msg=audit(11/25/2025 03:47:25.261:99999999999999999999) : avc:  denied", "serial number out of range"),
        ("type=AVC msg=audit(1764000000.1000:8): avc:  denied", "malformed"),
    ])
    func outOfRangeStampsAreParseIssuesNotTraps(line: String, reason: String) throws {
        let text = Self.userAVC + "\n" + line + "\n" + Self.userAVC.replacingOccurrences(of: ":10)", with: ":11)") + "\n"
        let (out, _) = try Self.run(text)
        #expect(Self.events(out).map(\.id.serial) == [10, 11], "the good records around it are kept")
        let issues = Self.issues(out)
        #expect(issues.count == 1)
        #expect(issues.first?.line == 2)
        #expect(issues.first?.reason.contains(reason) == true, "\(issues.first?.reason ?? "none")")
    }

    @Test func theLatestAcceptedTimeIsTheLastSecondOfYear9999() throws {
        let line = Array("type=USER_AVC msg=audit(253402300799.999:4294967295): pid=1".utf8)
        guard case .success(let header) = RecordHeader.parse(line, 0..<line.count) else {
            Issue.record("the last second of 9999 must be accepted")
            return
        }
        let id = AuditEventID(node: nil, seconds: header.seconds, milliseconds: header.milliseconds, serial: header.serial)
        #expect(id.timeMilliseconds == 253_402_300_799_999)
    }

    /// Random stamps, digits of any length: the header parser never traps, accepts exactly the
    /// stamps in range, and every accepted one converts to milliseconds exactly.
    @Test func randomNumericStampsNeverTrap() throws {
        let seed = UInt64.random(in: 1...1_000_000)
        var rng = SplitMix64(seed: seed)
        func digits() -> String {
            let count = Int(rng.next() % 24) + 1
            return String((0..<count).map { _ in Character(String(rng.next() % 10)) })
        }
        for _ in 0..<5000 {
            let (s, m, n) = (digits(), String(digits().prefix(Int(rng.next() % 4) + 1)), digits())
            let bytes = Array("type=AVC msg=audit(\(s).\(m):\(n)): avc:  denied".utf8)
            let parsed = RecordHeader.parse(bytes, 0..<bytes.count)
            let inRange = s.count <= 18 && n.count <= 18 && m.count <= 3 && Int64(s)! <= RecordHeader.maximumSeconds
                && Int64(n)! <= RecordHeader.maximumSerial
            switch parsed {
            case .success(let h):
                #expect(inRange, "seed \(seed): \(s).\(m):\(n) accepted")
                #expect(h.seconds == Int64(s) && h.serial == Int64(n) && h.milliseconds == Int(m), "seed \(seed)")
                let id = AuditEventID(node: nil, seconds: h.seconds, milliseconds: h.milliseconds, serial: h.serial)
                #expect(id.timeMilliseconds == h.seconds * 1000 + Int64(h.milliseconds))
            case .failure(let failure):
                #expect(!inRange, "seed \(seed): \(s).\(m):\(n) refused: \(failure)")
            }
        }
    }

    @Test(arguments: [Int64.max, Int64.min, 9_223_372_036_854_775, -9_223_372_036_854_775, 0])
    func millisecondsSaturateInsteadOfTrapping(seconds: Int64) {
        for millis in [Int.max, Int.min, 999, 0, -1] {
            let id = AuditEventID(node: nil, seconds: seconds, milliseconds: millis, serial: 1)
            let (exact, overflow) = seconds.multipliedReportingOverflow(by: 1000)
            let (sum, overflow2) = exact.addingReportingOverflow(Int64(millis))
            if !overflow, !overflow2 { #expect(id.timeMilliseconds == sum) }
            #expect(id < AuditEventID(node: nil, seconds: seconds, milliseconds: millis, serial: 2))
        }
    }

    // MARK: item 4: event size caps, linear pairing

    @Test func anOversizedEventKeepsItsFirstRecordsAndReportsTheRestOnce() throws {
        let stamp = "1764000000.500:77"
        var lines = [Self.avc(stamp), Self.syscall(stamp)]
        for i in 0..<3000 {
            lines.append("type=PATH msg=audit(\(stamp)): item=\(i) name=\"/tmp/f\(i)\" inode=1 dev=fd:00 mode=0100600 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL")
        }
        lines.append(Self.rest(stamp)[2])
        let text = Self.userAVC + "\n" + lines.joined(separator: "\n") + "\n"
            + Self.userAVC.replacingOccurrences(of: "1764000000.001:10", with: "1764000001.001:12") + "\n"
        var configuration = AuditLogReader.Configuration()
        configuration.maximumRecordsPerEvent = 100
        let (out, _) = try Self.run(text, configuration: configuration)
        let events = Self.events(out)
        #expect(events.map(\.id.serial) == [10, 77, 12])
        #expect(events[1].records.count == 100)
        #expect(events[1].records.prefix(2).map(\.type) == ["AVC", "SYSCALL"])
        let issues = Self.issues(out)
        #expect(issues.count == 1, "one issue for the event, not one per record")
        #expect(issues.first?.line == 102)
        #expect(issues.first?.reason.contains("2903 records") == true, "\(issues.first?.reason ?? "")")
    }

    @Test func anEventIsCappedInBytesToo() throws {
        let stamp = "1764000000.500:78"
        let long = String(repeating: "A", count: 2000)
        var lines = [Self.avc(stamp)]
        for i in 0..<50 { lines.append("type=PATH msg=audit(\(stamp)): item=\(i) name=\(long)") }
        var configuration = AuditLogReader.Configuration()
        configuration.maximumEventBytes = 20_000
        let (out, _) = try Self.run(lines.joined(separator: "\n") + "\n", configuration: configuration)
        let kept = Self.events(out).first?.records.count ?? 0
        #expect(kept > 1 && kept < 12)
        #expect(Self.issues(out).count == 1)
        #expect(Self.issues(out).first?.reason.contains("\(51 - kept) records") == true)
    }

    /// Many records with identical text still pair with auparse's records one to one.
    @Test func identicalRecordTextsPairOneToOne() throws {
        let stamp = "1764000000.500:79"
        let path = "type=PATH msg=audit(\(stamp)): item=0 name=\"/same\" inode=1 dev=fd:00 mode=0100600"
        let text = ([Self.avc(stamp), Self.syscall(stamp)] + Array(repeating: path, count: 300) + [Self.rest(stamp)[2]])
            .joined(separator: "\n") + "\n"
        let (out, _) = try Self.run(text)
        let records = try #require(Self.events(out).first).records
        #expect(records.count == 303)
        #expect(records.map(\.line) == Array(1...303))
        #expect(Self.issues(out).isEmpty)
    }

    // MARK: item 9: provisional events

    @Test func anEventEndedByEndOfInputHoldsTheCheckpointAtItsFirstLine() throws {
        let stamp = "1764000000.500:80"
        let first = Self.userAVC + "\n"
        let text = first + Self.avc(stamp) + "\n" + Self.syscall(stamp) + "\n"
        let (out, checkpoint) = try Self.run(text)
        #expect(Self.events(out).count == 2)
        #expect(checkpoint.0 == Int64(first.utf8.count), "a resumed run reads the event again whole")
        #expect(checkpoint.1 == 1)

        // With its PROCTITLE it is closed: the checkpoint moves past it.
        let closed = text + Self.rest(stamp).joined(separator: "\n") + "\n"
        let (_, after) = try Self.run(closed)
        #expect(after.0 == Int64(closed.utf8.count))
    }

    @Test func aQuietLogsEventIsReopenedWhenItsRestArrives() throws {
        let stamp = "1764000000.500:81"
        let reader = try AuditLogReader(sourceName: "live")
        var out: [AuditLogReader.Output] = []
        try reader.consume(Array((Self.avc(stamp) + "\n" + Self.syscall(stamp) + "\n").utf8)) { out.append($0) }
        try reader.completeOpenEvents { out.append($0) }
        #expect(Self.events(out).map { $0.records.map(\.type) } == [["AVC", "SYSCALL"]])
        #expect(reader.checkpoint.offset == 0)
        try reader.consume(Array((Self.rest(stamp).joined(separator: "\n") + "\n").utf8)) { out.append($0) }
        let events = Self.events(out)
        #expect(events.count == 2)
        #expect(events.last?.records.map(\.type) == ["AVC", "SYSCALL", "CWD", "PATH", "PROCTITLE"])
        #expect(events.last?.firstLine == 1, "the same first line: the store replaces the earlier version")
        #expect(reader.checkpoint.line == 5)
    }

    @Test func aProvisionalEventBecomesFinalTwoSecondsOfEventTimeLater() throws {
        let reader = try AuditLogReader(sourceName: "live")
        var out: [AuditLogReader.Output] = []
        let early = Self.avc("1764000000.500:82") + "\n"
        try reader.consume(Array(early.utf8)) { out.append($0) }
        try reader.completeOpenEvents { out.append($0) }
        #expect(reader.checkpoint.offset == 0)
        // Any record, kept or not, moves event time on.
        let later = "type=USER_LOGIN msg=audit(1764000003.000:83): pid=1 uid=0 res=success\n"
        try reader.consume(Array(later.utf8)) { out.append($0) }
        #expect(reader.checkpoint.offset == Int64((early + later).utf8.count))
        // Its records no longer reopen it.
        try reader.consume(Array((Self.syscall("1764000000.500:82") + "\n").utf8)) { out.append($0) }
        try reader.completeOpenEvents { out.append($0) }
        #expect(Self.events(out).count == 1)
    }

    @Test func provisionalEventsAreBoundedInNumber() throws {
        var configuration = AuditLogReader.Configuration()
        configuration.maximumProvisionalEvents = 3
        let reader = try AuditLogReader(sourceName: "live", configuration: configuration)
        var offsets: [Int64] = []
        var all = ""
        for serial in 1...5 {
            offsets.append(Int64(all.utf8.count))
            let line = Self.avc("1764000000.500:\(serial)") + "\n"
            all += line
            try reader.consume(Array(line.utf8)) { _ in }
            try reader.completeOpenEvents { _ in }
        }
        #expect(reader.checkpoint.offset == offsets[2], "the oldest two were made final")
    }

    // MARK: item 18: pasted records

    @Test func indentedAndDoubleSpacedRecordsAreRead() throws {
        let text = """
              type=USER_AVC  msg=audit(1520195408.164:1668): pid=1393 uid=81 auid=4294967295 ses=4294967295 msg='avc:  denied  { send_msg } for scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=dbus'
        \ttype=AVC\tmsg=audit(1764000000.500:90): avc:  denied  { read } for  pid=7 comm="qemu-kvm" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file
          type=SYSCALL msg=audit(1764000000.500:90): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=7 auid=0 uid=0 comm="qemu-kvm" exe="/usr/libexec/qemu-kvm"
        node=hv01   type=USER_AVC msg=audit(1764000001.000:91): pid=1 uid=0 msg='avc:  denied  { x } for scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=dbus'

        """
        let (out, _) = try Self.run(text)
        #expect(Self.issues(out).isEmpty, "\(Self.issues(out).map(\.reason))")
        let events = Dictionary(uniqueKeysWithValues: Self.events(out).map { ($0.id.serial, $0) })
        #expect(events.keys.sorted() == [90, 91, 1668])
        #expect(events[1668]?.records[0].raw.hasPrefix("      type=USER_AVC  msg=") == true, "the raw line is kept as logged")
        #expect(events[1668]?.records[0].string("tclass") == "dbus")
        #expect(events[90]?.records.map(\.type) == ["AVC", "SYSCALL"])
        #expect(events[90]?.first("SYSCALL")?.string("exe") == "/usr/libexec/qemu-kvm")
        #expect(events[91]?.id.node == "hv01")
    }

    // MARK: item 19: ausearch -i output

    @Test func twoDigitYearsReadAsGlibcReadsPercentY() throws {
        func seconds(_ stamp: String) -> Int64? {
            let line = Array("type=AVC msg=audit(\(stamp)) : avc:  denied".utf8)
            if case .success(let h) = RecordHeader.parse(line, 0..<line.count) { return h.seconds }
            return nil
        }
        #expect(seconds("11/25/25 03:47:25.261:834") == seconds("11/25/2025 03:47:25.261:834"))
        #expect(seconds("01/02/68 00:00:00.000:1") == seconds("01/02/2068 00:00:00.000:1"))
        #expect(seconds("01/02/99 00:00:00.000:1") == seconds("01/02/1999 00:00:00.000:1"))
        #expect(seconds("01/02/70 00:00:00.000:1") == seconds("01/02/1970 00:00:00.000:1"))
        #expect(seconds("2025-11-25 03:47:25.261:834") == seconds("11/25/2025 03:47:25.261:834"))
        #expect(seconds("25-11-25 03:47:25.261:834") == nil, "a two-digit year comes last, never first")
        #expect(seconds("11/25/025 03:47:25.261:834") == nil)
        #expect(seconds("13/25/25 03:47:25.261:834") == nil)
    }

    static let ausearchOutput = """
        ----
        time->Tue Nov 25 03:47:25 2025
        type=PROCTITLE msg=audit(11/25/25 03:47:25.113:819) : proctitle=/usr/sbin/chronyd
        type=PATH msg=audit(11/25/25 03:47:25.113:819) : item=0 name=/tmp/drift inode=90204 dev=fd:00 mode=file,644 ouid=root ogid=root rdev=00:00 nametype=NORMAL
        type=CWD msg=audit(11/25/25 03:47:25.113:819) : cwd=/
        type=SYSCALL msg=audit(11/25/25 03:47:25.113:819) : arch=x86_64 syscall=openat success=no exit=EACCES(Permission denied) a0=AT_FDCWD items=1 ppid=1 pid=3382 auid=unset uid=chrony comm=chronyd exe=/usr/sbin/chronyd key=(null)
        type=AVC msg=audit(11/25/25 03:47:25.113:819) : avc:  denied  { write } for  pid=3382 comm=chronyd name=drift dev="dm-0" ino=901938 scontext=system_u:system_r:ntpd_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0
        ----
        type=USER_AVC msg=audit(11/25/25 03:47:26.000:820) : pid=1 uid=root auid=unset ses=unset msg='avc:  denied  { status } for auid=n/a uid=root gid=root cmdline="" scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=system exe=/usr/lib/systemd/systemd sauid=root hostname=? addr=? terminal=?'
        ----
        type=PROCTITLE msg=audit(11/25/25 03:47:27.000:821) : proctitle=/usr/sbin/sshd -D
        type=SYSCALL msg=audit(11/25/25 03:47:27.000:821) : arch=x86_64 syscall=openat success=yes exit=3 items=1 ppid=1 pid=3160 auid=unset uid=root comm=sshd exe=/usr/sbin/sshd key=(null)

        """

    @Test func ausearchOutputIsReadWithSeparatorsAndContextInLoggedOrder() throws {
        let (out, checkpoint) = try Self.run(Self.ausearchOutput)
        #expect(Self.issues(out).isEmpty, "\(Self.issues(out).map(\.reason))")
        let events = Self.events(out)
        #expect(events.map(\.id.serial) == [819, 820])
        #expect(events[0].records.map(\.type) == ["AVC", "SYSCALL", "CWD", "PATH", "PROCTITLE"], "logged order restored")
        #expect(events[0].first("SYSCALL")?.string("exe") == "/usr/sbin/chronyd")
        #expect(events[0].first("AVC")?.raw("seperms") == "write")
        #expect(events[0].id.milliseconds == 113)
        #expect(checkpoint.0 == Int64(Self.ausearchOutput.utf8.count), "context records of no event are not waited for at the end")
    }

    @Test func aDashedLineInProseDoesNotTurnARawLogAround() throws {
        let stamp = "1764000000.500:96"
        let text = "Steps to reproduce:\n----\n" + ([Self.avc(stamp), Self.avc(stamp).replacingOccurrences(of: "{ read }", with: "{ open }"),
                                                   Self.syscall(stamp)] + Self.rest(stamp)).joined(separator: "\n") + "\n"
        let (out, _) = try Self.run(text)
        let event = try #require(Self.events(out).first)
        #expect(event.records.map(\.type) == ["AVC", "AVC", "SYSCALL", "CWD", "PATH", "PROCTITLE"])
        #expect(event.records.first?.raw("seperms") == "read", "logged order kept")
        #expect(Self.issues(out).map(\.line) == [1], "the ---- is a separator, the prose an error")
    }

    // MARK: item 20: NUL bytes

    @Test func aNULByteIsReportedWithItsColumn() throws {
        var bytes = Array((Self.userAVC + "\n").utf8)
        var damaged = Array(Self.avc("1764000000.500:95").utf8)
        damaged[40] = 0
        bytes += damaged + [0x0A]
        bytes += Array((Self.userAVC.replacingOccurrences(of: ":10)", with: ":11)") + "\n").utf8)
        let (out, _) = try Self.run(bytes)
        #expect(Self.events(out).map(\.id.serial) == [10, 11])
        #expect(Self.issues(out).map(\.reason) == ["NUL byte in record at column 41"])
        #expect(Self.issues(out).first?.line == 2)
    }

    // MARK: every chunking agrees on the new cases

    /// Two node names of invalid UTF-8 were decoded to the same text (U+FFFD) and merged into one
    /// node: their guests collided. Such a line is a parse issue now; a valid non-ASCII name and
    /// the lines around it are kept.
    @Test func aNodeNameThatIsNotUTF8IsAParseIssue() throws {
        var bytes: [UInt8] = []
        for (node, serial) in [([0x68, 0xFF], 1), ([0x68, 0xFE], 2), (Array("hôte".utf8), 3)] as [([UInt8], Int)] {
            bytes += Array("node=".utf8) + node + Array(" ".utf8) + Array(Self.avc("1764000000.000:\(serial)").utf8) + [0x0A]
        }
        bytes += Array(Self.avc("1764000000.000:4").utf8) + [0x0A]
        let (out, _) = try Self.run(bytes)
        let issues = Self.issues(out)
        #expect(issues.map(\.reason) == Array(repeating: "node name is not valid UTF-8 (node names are host names)", count: 2))
        #expect(issues.map(\.line) == [1, 2])
        #expect(Self.events(out).map(\.id.node) == ["hôte", nil])
    }

    static func hostileInput() -> [UInt8] {
        var text = Self.userAVC + "\n"
        text += "type=AVC msg=audit(18446744073709551.615:8): avc:  denied  { read } for pid=1\n"
        text += "   type=USER_AVC  msg=audit(1764000000.100:12): pid=1 uid=0 msg='avc:  denied  { x } for scontext=a:b:c:s0 tcontext=a:b:d:s0 tclass=dbus'\n"
        let big = "1764000000.200:13"
        text += Self.avc(big) + "\n" + Self.syscall(big) + "\n"
        for i in 0..<40 { text += "type=PATH msg=audit(\(big)): item=\(i) name=\"/x\(i)\"\n" }
        text += Self.rest(big)[2] + "\n"
        text += Self.ausearchOutput
        var bytes = Array(text.utf8)
        var damaged = Array((Self.avc("1764000000.300:14") + "\n").utf8)
        damaged[10] = 0
        bytes += damaged
        let tail = "1764000000.400:15"
        bytes += Array((Self.avc(tail) + "\n" + Self.syscall(tail)).utf8)  // half-written: no newline, no PROCTITLE
        return bytes
    }

    @Test func wholeLineByLineByteByByteAndRandomSplitsAgreeOnHostileInput() throws {
        let bytes = Self.hostileInput()
        var configuration = AuditLogReader.Configuration()
        configuration.maximumRecordsPerEvent = 16
        let whole = try Self.run(bytes, configuration: configuration)
        #expect(Self.events(whole.outputs).count >= 5)
        #expect(Self.issues(whole.outputs).count >= 3)
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<(i + 1))
            start = i + 1
        }
        lines.append(start..<bytes.count)
        let seed = UInt64.random(in: 1...1_000_000)
        var rng = SplitMix64(seed: seed)
        var splits = [lines, bytes.indices.map { $0..<($0 + 1) }]
        for _ in 0..<5 {
            var cuts: [Range<Int>] = []
            var at = 0
            while at < bytes.count {
                let size = Int(rng.next() % 700) + 1
                cuts.append(at..<min(bytes.count, at + size))
                at += size
            }
            splits.append(cuts)
        }
        for chunks in splits {
            let split = try Self.run(bytes, configuration: configuration, chunks: chunks)
            #expect(split.outputs == whole.outputs, "seed \(seed)")
            #expect(split.checkpoint == whole.checkpoint, "seed \(seed)")
        }
    }

    /// The context records at the top of a file read from its start or resumed (its first 64 records) are
    /// kept as head fragments, at most four: the rest of an event a rotation may have cut, behind
    /// a few records of events written meanwhile. Beyond that (a crafted head of one stamp under
    /// thousands of node names, which made one open event each and every lookup slower), and past
    /// the head, context records without a wanted record are dropped unread, as always.
    @Test func theContextRecordsAtTheTopOfAFileMakeAFewHeadFragments() throws {
        let stamp = "1764000000.500:77"
        var lines = ["node=alpha " + Self.syscall(stamp), "node=alpha type=CWD msg=audit(\(stamp)): cwd=\"/\""]
        for i in 0..<2000 { lines.append("node=n\(i) type=CWD msg=audit(\(stamp)): cwd=\"/\"") }
        lines.append("node=alpha type=PATH msg=audit(\(stamp)): item=0 name=\"/x\" inode=1 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL")
        lines.append(Self.syscall("1764000001.000:78"))
        let events = Self.events(try Self.run(lines.joined(separator: "\n") + "\n").outputs)
        #expect(events.count == AuditLogReader.maximumHeadFragments, "\(events.map(\.id))")
        #expect(events.allSatisfy { $0.isHeadFragment })
        #expect(events.map { $0.id.node ?? "" }.sorted() == ["alpha", "n0", "n1", "n2"])
        // Open, a fragment still takes its own later records, as any open event does.
        #expect(events.first { $0.id.node == "alpha" }?.records.map(\.type) == ["SYSCALL", "CWD", "PATH"])
        // Resumed past the start, the resume point is a head too: it may be the line where the
        // end of an earlier input cut a stored event's closing record (helper-84).
        let resumed = try AuditLogReader(sourceName: "resumed", startLine: 10, startOffset: 999)
        var out: [AuditLogReader.Output] = []
        try resumed.consume(Array((lines.prefix(2).joined(separator: "\n") + "\n").utf8)) { out.append($0) }
        try resumed.finish { out.append($0) }
        #expect(Self.events(out).map(\.isHeadFragment) == [true])
        #expect(Self.events(out).first?.records.map(\.line) == [11, 12])
    }
}
