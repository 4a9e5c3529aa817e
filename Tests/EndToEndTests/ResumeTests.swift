import Foundation
import Testing
import Formatting
import Reports
import Store
import TestSupport

/// Exactly-once storage: re-runs, interrupted runs, rotation and every chunk size store the same.
@Suite struct ResumeTests {
    static func workload() throws -> Workload {
        var options = Workload.Options(events: 5000, seed: 31, nodes: 3, enriched: true)
        options.interleave = 0.05
        return try Workload.generate(options)
    }

    @Test func runningTwiceStoresNothingTwice() throws {
        let w = try Self.workload()
        let probe = try StoreProbe()
        let first = try probe.ingest([w.log.path], state: w.rundir.path)
        let counts = try probe.tableCounts()
        let second = try probe.ingest([w.log.path], state: w.rundir.path)
        #expect(try probe.tableCounts() == counts)
        #expect(first.events > 100)
        #expect(second.events == 0)
        #expect(second.bootstrapped == 0)
    }

    @Test func anInterruptedRunResumesWithoutLossOrDuplicates() throws {
        let w = try Self.workload()
        let reference = try StoreProbe()
        try reference.ingest([w.log.path], state: w.rundir.path)
        let expected = try reference.denials()
        let expectedEvents = try reference.events()

        // The same file, first cut mid-line at several points (a crash, or auditd still writing),
        // then complete.
        let bytes = try Data(contentsOf: w.log)
        let growing = try Fixtures.temporaryFolder("grow").appendingPathComponent("audit.log")
        let probe = try StoreProbe()
        for fraction in [0.21, 0.5, 0.77] {
            try bytes.prefix(Int(Double(bytes.count) * fraction)).write(to: growing)
            try probe.ingest([growing.path], state: w.rundir.path)
        }
        try bytes.write(to: growing)
        try probe.ingest([growing.path], state: w.rundir.path)
        #expect(try probe.denials() == expected)
        #expect(try probe.events() == expectedEvents)
        #expect(try probe.tableCounts() == (try reference.tableCounts()))
        #expect(try probe.count("SELECT count(*) FROM sources") == 1)
    }

    /// An ingest of a log auditd was still writing, cut inside an AVC record's text: the cut
    /// record is no denial, and the problem found in it stayed a parse error for good, though
    /// the next run read the line whole and stored the denial.
    @Test func aRecordCutByTheEndOfTheInputLeavesNoParseErrorOnceComplete() throws {
        let w = try Self.workload()
        let reference = try StoreProbe()
        try reference.ingest([w.log.path], state: w.rundir.path)
        let lines = try LogCut.lines(of: w.log)
        let avc = try #require(lines.indices.dropFirst(lines.count / 2).first { lines[$0].contains("type=AVC ") && lines[$0].contains("avc:  denied") })
        let before = LogCut.text(lines[..<avc])
        let cutAt = try #require(lines[avc].range(of: "avc:  denied")).upperBound
        let growing = try Fixtures.temporaryFolder("cut-avc").appendingPathComponent("audit.log")
        let probe = try StoreProbe()
        try (before + lines[avc][..<cutAt]).write(to: growing, atomically: false, encoding: .utf8)
        let first = try probe.ingest([growing.path], state: w.rundir.path)
        #expect(first.parseErrors >= 1, "the cut record is judged as read")
        try Data(contentsOf: w.log).write(to: growing)
        try probe.ingest([growing.path], state: w.rundir.path)
        #expect(try probe.count("SELECT count(*) FROM parse_errors") == (try reference.count("SELECT count(*) FROM parse_errors")))
        #expect(try probe.denials() == (try reference.denials()))
        #expect(try probe.tableCounts() == (try reference.tableCounts()))
    }

    /// The cut inside the file's first line (an ingest racing auditd's first write after a
    /// rotation, helper-83): the first line names the source, so the half line was a source of
    /// its own, and its problem stayed in parse_errors once the whole file was read.
    @Test func aCutInsideTheFirstLineLeavesNoParseErrorOnceComplete() throws {
        let w = try Self.workload()
        let reference = try StoreProbe()
        try reference.ingest([w.log.path], state: w.rundir.path)
        let text = try String(contentsOf: w.log, encoding: .utf8)
        let firstLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).first)
        let growing = try Fixtures.temporaryFolder("cut-first-line").appendingPathComponent("audit.log")
        let probe = try StoreProbe()
        // Inside its stamp, where the half line is a problem; then further on.
        let stamp = try #require(firstLine.range(of: "msg=audit(")).upperBound
        let cuts = [firstLine.distance(from: firstLine.startIndex, to: stamp) + 4, firstLine.count - 1]
        for cut in cuts {
            try String(firstLine.prefix(cut)).write(to: growing, atomically: false, encoding: .utf8)
            let read = try probe.ingest([growing.path], state: w.rundir.path)
            if cut == cuts[0] { #expect(read.parseErrors == 1, "the half line is judged as read: \(read)") }
        }
        try Data(contentsOf: w.log).write(to: growing)
        try probe.ingest([growing.path], state: w.rundir.path)
        #expect(try probe.count("SELECT count(*) FROM parse_errors") == (try reference.count("SELECT count(*) FROM parse_errors")))
        #expect(try probe.count("SELECT count(*) FROM sources") == 1)
        #expect(try probe.denials() == (try reference.denials()))
        #expect(try probe.tableCounts() == (try reference.tableCounts()))
        // Read again as it is now: nothing more.
        try probe.ingest([growing.path], state: w.rundir.path)
        #expect(try probe.tableCounts() == (try reference.tableCounts()))
    }

    /// The event stored for its first AVC while its second was cut: the complete event replaces
    /// it, and the problem found in the cut record goes with the event it replaced.
    @Test func aSecondRecordCutByTheEndOfTheInputLeavesNoParseErrorOnceComplete() throws {
        let folder = try Fixtures.temporaryFolder("cut-second-avc")
        let log = folder.appendingPathComponent("audit.log")
        func avc(_ perm: String) -> String {
            "type=AVC msg=audit(1764017601.134:1162): avc:  denied  { \(perm) } for  pid=4242 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=7 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0"
        }
        let whole = avc("read") + "\n" + avc("open") + "\n"
        let second = try #require(whole.range(of: "tclass=file", options: .backwards)).lowerBound
        try String(whole[..<second]).write(to: log, atomically: false, encoding: .utf8)
        let probe = try StoreProbe()
        let first = try probe.ingest([log.path])
        #expect(first.events == 1 && first.parseErrors == 1, "stored for its first AVC, the cut one a problem: \(first)")
        try whole.write(to: log, atomically: false, encoding: .utf8)
        try probe.ingest([log.path])
        #expect(try probe.count("SELECT count(*) FROM parse_errors") == 0)
        #expect(try probe.count("SELECT count(*) FROM audit_events") == 1)
    }

    /// The record that closes an event (its PROCTITLE), cut by the end of an ingest's input: the
    /// event is stored with the cut copy, and the next run resumes at that line. It read the
    /// whole record as the rest of an event already stored and dropped it, so the event's
    /// evidence kept the cut copy for good (helper-84).
    @Test func aClosingRecordCutByTheEndOfTheInputIsStoredWholeOnceComplete() throws {
        let folder = try Fixtures.temporaryFolder("cut-closing-record")
        let log = folder.appendingPathComponent("audit.log")
        let stamp = "msg=audit(1764017601.134:1162):"
        let avc = "type=AVC \(stamp) avc:  denied  { read } for  pid=4242 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=7 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0"
        let syscall = "type=SYSCALL \(stamp) arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7f a2=80002 a3=0 items=0 ppid=1 pid=4242 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=system_u:system_r:svirt_t:s0:c1,c2 key=(null)"
        let proctitle = "type=PROCTITLE \(stamp) proctitle=2F7573722F6C6962657865632F71656D752D6B766D002D6E616D650067756573743D6C646170303037"
        let next = "type=AVC msg=audit(1764017602.000:1163): avc:  denied  { write } for  pid=4242 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=7 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0"
        let whole = [avc, syscall, proctitle, next].joined(separator: "\n") + "\n"
        let reference = try StoreProbe()
        try whole.write(to: log, atomically: false, encoding: .utf8)
        try reference.ingest([log.path])
        // Cut inside the closing record, and just before it (the record not written yet).
        for cut in [try #require(whole.range(of: "6C6962")).lowerBound, try #require(whole.range(of: "type=PROCTITLE")).lowerBound] {
            try String(whole[..<cut]).write(to: log, atomically: false, encoding: .utf8)
            let probe = try StoreProbe()
            try probe.ingest([log.path])
            try whole.write(to: log, atomically: false, encoding: .utf8)
            try probe.ingest([log.path])
            #expect(try probe.tableCounts() == (try reference.tableCounts()))
            let id = try #require(try probe.count("SELECT id FROM audit_events WHERE serial = 1162"))
            let records = try EvidenceStore(connection: probe.database.connection).records(auditEventID: id)
            #expect(records.map(\.raw) == [avc, syscall, proctitle])
            #expect(records.map(\.line) == [1, 2, 3])
        }
    }

    /// The other side (helper-82): a real problem in a stored event whose last line had no
    /// newline yet must stay. The next run finds the event already stored and does not judge it
    /// again, so a problem forgotten then was lost for good.
    @Test func aRealProblemInAStoredEventCutByTheEndOfTheInputStays() throws {
        let folder = try Fixtures.temporaryFolder("cut-real-problem")
        let log = folder.appendingPathComponent("audit.log")
        let start = "type=DAEMON_START msg=audit(1764017600.000:1): op=start ver=3.1.2 format=raw kernel=6.8.0 auid=4294967295 pid=1 uid=0 ses=4294967295 subj=system_u:system_r:auditd_t:s0 res=success"
        let machine = "type=VIRT_MACHINE_ID msg=audit(1764017617.944:1303): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg='virt=kvm vm=\"ldap007\" uuid=81094438-6ae7-3993-8de0-c896df2599e7 vm-ctx=system_u:system_r:svirt_t:s0:c292,c5000 img-ctx=system_u:object_r:svirt_image_t:s0:c292,c895 model=selinux exe=\"/usr/bin/virtqemud\" hostname=? addr=? terminal=? res=success'"
        try (start + "\n" + machine).write(to: log, atomically: false, encoding: .utf8)
        let probe = try StoreProbe()
        try probe.ingest([log.path])
        let problem = "SELECT count(*) FROM parse_errors WHERE reason LIKE '%c5000%'"
        #expect(try probe.count(problem) == 1)
        try probe.ingest([log.path])
        #expect(try probe.count(problem) == 1, "the input unchanged")
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        try probe.ingest([log.path])
        #expect(try probe.count(problem) == 1, "the line completed")
        #expect(try probe.count("SELECT count(*) FROM audit_events") == 1)
    }

    @Test func aRotatedFileIsRecognisedByItsContent() throws {
        let w = try Self.workload()
        let probe = try StoreProbe()
        try probe.ingest([w.log.path], state: w.rundir.path)
        let counts = try probe.tableCounts()
        let rotated = w.folder.appendingPathComponent("audit.log.1")
        try FileManager.default.moveItem(at: w.log, to: rotated)
        let summary = try probe.ingest([rotated.path])
        #expect(try probe.tableCounts() == counts)
        #expect(summary.lines == 0, "a fully read source is skipped by its checkpoint, not re-parsed")
        #expect(try probe.count("SELECT count(*) FROM sources") == 1)
        #expect(try probe.count("SELECT count(*) FROM sources WHERE last_path LIKE '%audit.log.1'") == 1)
    }

    @Test func aRotatedSetGivenOldestFirstEqualsOneFile() throws {
        let w = try Self.workload()
        let reference = try StoreProbe()
        try reference.ingest([w.log.path], state: w.rundir.path)
        let lines = try LogCut.lines(of: w.log)
        // Where a new stamp starts (anEventSplitByARotationIsStoredWhole cuts inside an event).
        var cut = lines.count / 2
        while cut < lines.count - 1, LogCut.stamp(lines[cut]) == LogCut.stamp(lines[cut - 1]) { cut += 1 }
        let older = w.folder.appendingPathComponent("audit.log.1")
        let newer = w.folder.appendingPathComponent("audit.log.0")
        try LogCut.text(lines[..<cut]).write(to: older, atomically: true, encoding: .utf8)
        try LogCut.text(lines[cut...]).write(to: newer, atomically: true, encoding: .utf8)
        let probe = try StoreProbe()
        try probe.ingest([older.path, newer.path], state: w.rundir.path)
        #expect(try probe.denials() == (try reference.denials()))
        #expect(try probe.events() == (try reference.events()))
    }

    /// auditd checks the log's size after each record it writes, not after each event, so a
    /// rotation can put a denial's AVC at the end of one file and its SYSCALL, CWD, PATH and
    /// PROCTITLE at the top of the next. Read oldest first, in one run or in two (a rotation while
    /// stopped), the pieces make the one event they were.
    @Test func anEventSplitByARotationIsStoredWhole() throws {
        let w = try Self.workload()
        let reference = try StoreProbe()
        try reference.ingest([w.log.path], state: w.rundir.path)
        let lines = try LogCut.lines(of: w.log)
        let cut = try #require(LogCut.insideADenial(lines), "the workload has a denial with its SYSCALL after its AVC")
        let older = w.folder.appendingPathComponent("audit.log.1")
        let newer = w.folder.appendingPathComponent("audit.log.0")
        try LogCut.text(lines[..<cut]).write(to: older, atomically: true, encoding: .utf8)
        try LogCut.text(lines[cut...]).write(to: newer, atomically: true, encoding: .utf8)

        let together = try StoreProbe()
        try together.ingest([older.path, newer.path], state: w.rundir.path)
        let apart = try StoreProbe()
        try apart.ingest([older.path], state: w.rundir.path)
        try apart.ingest([newer.path], state: w.rundir.path)
        // The first file read while auditd was still writing it (its last event's SYSCALL not yet
        // there), the next file, then the first file whole: what the first read lacked joins the
        // event already joined with the next file's records, which stay.
        let early = w.folder.appendingPathComponent("audit.log.2")
        let late = w.folder.appendingPathComponent("audit.log.3")
        try LogCut.text(lines[..<cut]).write(to: early, atomically: true, encoding: .utf8)
        try LogCut.text(lines[..<(cut + 1)]).write(to: late, atomically: true, encoding: .utf8)
        try LogCut.text(lines[(cut + 1)...]).write(to: newer, atomically: true, encoding: .utf8)
        let growing = try StoreProbe()
        try growing.ingest([early.path], state: w.rundir.path)
        try growing.ingest([newer.path], state: w.rundir.path)
        try FileManager.default.removeItem(at: early)
        try FileManager.default.moveItem(at: late, to: early)
        try growing.ingest([early.path], state: w.rundir.path)
        try LogCut.text(lines[cut...]).write(to: newer, atomically: true, encoding: .utf8)
        // auditd interleaves concurrent events' records: another event's record written between
        // the two pieces, at the top of the next file.
        var interleaved = lines
        let next = try #require(interleaved[cut...].firstIndex { LogCut.stamp($0) != LogCut.stamp(lines[cut]) })
        interleaved.insert(interleaved.remove(at: next), at: cut)
        let interleavedWhole = w.folder.appendingPathComponent("interleaved.log")
        try LogCut.text(interleaved[...]).write(to: interleavedWhole, atomically: true, encoding: .utf8)
        let interleavedReference = try StoreProbe()
        try interleavedReference.ingest([interleavedWhole.path], state: w.rundir.path)
        let mixed = try StoreProbe()
        try LogCut.text(interleaved[cut...]).write(to: newer, atomically: true, encoding: .utf8)
        try mixed.ingest([older.path], state: w.rundir.path)
        try mixed.ingest([newer.path], state: w.rundir.path)
        #expect(try mixed.denials() == (try interleavedReference.denials()), "interleaved")
        #expect(try mixed.tableCounts() == (try interleavedReference.tableCounts()), "interleaved")
        try LogCut.text(lines[cut...]).write(to: newer, atomically: true, encoding: .utf8)
        // Every record, once (the second file's keep their own line numbers).
        func evidence(_ probe: StoreProbe) throws -> [String] {
            try StoredEvidence.all(StoreReader(probe.database)).map(\.raw).sorted()
        }
        for (name, probe) in [("one run", together), ("two runs", apart), ("first file growing", growing)] {
            #expect(try probe.denials() == (try reference.denials()), "\(name)")
            #expect(try probe.events() == (try reference.events()), "\(name)")
            #expect(try probe.tableCounts() == (try reference.tableCounts()), "\(name)")
            #expect(try evidence(probe) == (try evidence(reference)), "\(name)")
        }
        // The split denial itself: its exe comes from the SYSCALL in the second file.
        let serial = LogCut.stamp(lines[cut]).flatMap { $0.split(separator: ":").last }.flatMap { Int64($0) } ?? -1
        let split = try apart.denials().filter { $0["serial"] == .int(serial) }
        #expect(split.count >= 1)
        #expect(split.allSatisfy { if case .string(let exe) = $0["exe"] { !exe.isEmpty } else { false } }, "\(split)")
        // Each record names the file it was read from, not the one its event is stored under.
        let olderRaws = Set(lines[..<cut].map(String.init))
        for (name, probe) in [("one run", together), ("two runs", apart)] {
            var rows: [[String: OutputValue]] = []
            try EvidenceQuery(reference: EventReference(node: nil, serial: serial)).run(StoreReader(probe.database)) { row in
                rows.append(Dictionary(uniqueKeysWithValues: row.map { ($0.key, $0.value) }))
            }
            let stamp = try #require(LogCut.stamp(lines[cut]))
            let split = rows.filter { if case .string(let raw) = $0["raw"] { raw.contains(stamp) } else { false } }
            #expect(split.count >= 2, "\(name): \(rows)")
            for row in split {
                guard case .string(let raw) = row["raw"] else { continue }
                let file = olderRaws.contains(raw) ? older.path : newer.path
                #expect(row["source"] == .string(file), "\(name): \(raw.prefix(40)) is in \(file)")
            }
            #expect(Set(split.compactMap { if case .string(let s) = $0["source"] { s } else { nil } }) == [older.path, newer.path],
                    "\(name): both files")
        }
        // Read again, either file or both, nothing changes.
        let counts = try apart.tableCounts()
        let denials = try apart.denials()
        try apart.ingest([older.path])
        try apart.ingest([newer.path])
        try apart.ingest([older.path, newer.path])
        #expect(try apart.tableCounts() == counts)
        #expect(try apart.denials() == denials)
    }

    /// A rotation between the two AVCs of one event: the second piece begins with an AVC, a kind
    /// the first already held, and was taken for the same event read again and dropped, with its
    /// denial, SYSCALL and PATH and the problems found in them (helper-83).
    @Test func aRotationBetweenTwoAVCsOfOneEventStoresItWhole() throws {
        var options = Workload.Options(events: 1500, seed: 33, nodes: 1, enriched: false)
        options.virtPerMille = 1000
        let w = try Workload.generate(options)
        let reference = try StoreProbe()
        try reference.ingest([w.log.path], state: w.rundir.path)
        let lines = try LogCut.lines(of: w.log)
        let cut = try #require(lines.indices.dropFirst(lines.count / 2).first { k in
            k > 0 && lines[k - 1].contains("type=AVC ") && lines[k].contains("type=AVC ") && LogCut.stamp(lines[k]) == LogCut.stamp(lines[k - 1])
        }, "the workload has an event of two AVCs")
        let older = w.folder.appendingPathComponent("audit.log.1")
        let newer = w.folder.appendingPathComponent("audit.log.0")
        try LogCut.text(lines[..<cut]).write(to: older, atomically: true, encoding: .utf8)
        try LogCut.text(lines[cut...]).write(to: newer, atomically: true, encoding: .utf8)
        func evidence(_ probe: StoreProbe) throws -> [String] {
            try StoredEvidence.all(StoreReader(probe.database)).map(\.raw).sorted()
        }
        for order in [[older, newer], [newer, older]] {
            let probe = try StoreProbe()
            try probe.ingest(order.map(\.path), state: w.rundir.path)
            let name = order.map(\.lastPathComponent).joined(separator: ", ")
            #expect(try evidence(probe) == (try evidence(reference)), "\(name): every record, once")
            #expect(try probe.count("SELECT count(*) FROM audit_events") == (try reference.count("SELECT count(*) FROM audit_events")), "\(name)")
            #expect(try probe.count("SELECT count(*) FROM parse_errors") == (try reference.count("SELECT count(*) FROM parse_errors")), "\(name)")
        }
    }

    @Test func everyChunkSizeStoresTheSame() throws {
        var options = Workload.Options(events: 600, seed: 32, nodes: 2, enriched: true)
        options.interleave = 0.1
        options.malformedPerMillion = 20000
        let w = try Workload.generate(options)
        let whole = try StoreProbe()
        try whole.ingest([w.log.path], state: w.rundir.path)
        for size in [1, 7, 4096] {
            let probe = try StoreProbe()
            try probe.ingest([w.log.path], state: w.rundir.path, chunkSize: size)
            #expect(try probe.denials() == (try whole.denials()), "chunk size \(size)")
            #expect(try probe.events() == (try whole.events()), "chunk size \(size)")
            #expect(try probe.tableCounts() == (try whole.tableCounts()), "chunk size \(size)")
        }
    }
}
