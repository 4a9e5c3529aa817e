import Foundation
import Testing
@testable import Native
import TestSupport

@Suite struct SQLiteTests {
    @Test func textWithNULAndControlBytesRoundTrips() throws {
        let path = try Fixtures.temporaryFolder("native").appendingPathComponent("n.db").path
        let db = try SQLiteDatabase(path: path, mode: .readWriteCreate)
        try db.execute("CREATE TABLE t(v TEXT)")
        let hostile = "a\u{0}b'; DROP TABLE t; --\u{1B}]0;x\u{7}é"
        try db.run("INSERT INTO t(v) VALUES (?)", [.text(hostile)])
        #expect(try db.rows("SELECT v FROM t").first?.first == .text(hostile))
        #expect(try db.rows("SELECT count(*) FROM sqlite_master WHERE name = 't'").first?.first == .integer(1))
    }

    @Test func errorsCarryTheStatement() throws {
        let db = try SQLiteDatabase(path: ":memory:", mode: .readWriteCreate)
        #expect {
            try db.execute("SELEC 1")
        } throws: { error in
            (error as? SQLiteError).map { $0.description.contains("syntax error") } ?? false
        }
    }
}

@Suite struct AuparseDecoderTests {
    /// auparse 3.0.9 in feed mode holds even an EOE-closed event until the next event or a flush
    /// (measured here), so the reader flushes after each event it hands over.
    @Test func anEventComesOutOnFlushWithItsFields() throws {
        let decoder = try AuparseDecoder()
        let text = """
        type=AVC msg=audit(1764000000.100:7): avc:  denied  { read write } for  pid=42 comm="qemu-kvm" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0
        type=SYSCALL msg=audit(1764000000.100:7): arch=c000003e syscall=257 success=no exit=-13 items=0 ppid=1 pid=42 auid=4294967295 uid=107 comm="qemu-kvm" exe="/usr/libexec/qemu-kvm" key=(null)
        type=EOE msg=audit(1764000000.100:7): \n
        """
        #expect(try decoder.decode(Array(text.utf8)).isEmpty)
        let events = decoder.flush()
        #expect(events.count == 1)
        let avc = try #require(events.first?.records.first)
        #expect(avc.typeName == "AVC")
        #expect(avc.fields.first { $0.name == "seperms" }?.value == "read,write")
        #expect(avc.fields.first { $0.name == "seresult" }?.value == "denied")
        #expect(events.first?.records.map(\.typeName).contains("SYSCALL") == true)
        #expect(decoder.flush().isEmpty)
    }

    @Test func onlyTheFieldsAskedForAreCopied() throws {
        let decoder = try AuparseDecoder(keepField: { $0 == "pid" })
        let text = "type=AVC msg=audit(1764000000.200:3): avc:  denied  { read } for  pid=42 comm=\"x\" scontext=a:b:c:s0 tcontext=a:b:c:s0 tclass=file\ntype=EOE msg=audit(1764000000.200:3): \n"
        let events = try decoder.decode(Array(text.utf8)) + decoder.flush()
        #expect(events.first?.records.first?.fields.map(\.name) == ["pid"])
    }
}

@Suite struct SystemHelpersTests {
    @Test func syscallNamesComeFromLibaudit() {
        var names = SyscallNames()
        #expect(names.name(number: 257, arch: "c000003e") == "openat")
        #expect(names.name(number: 59, arch: "c000003e") == "execve")
        #expect(names.name(number: 1, arch: "nonsense") == nil)
    }

    @Test func byteSearchFindsFromAnOffset() {
        let bytes: [UInt8] = Array("ab\ncd\n".utf8)
        #expect(ByteSearch.firstIndex(of: 0x0A, in: bytes, from: 0) == 2)
        #expect(ByteSearch.firstIndex(of: 0x0A, in: bytes, from: 3) == 5)
        #expect(ByteSearch.firstIndex(of: 0x0A, in: bytes, from: 6) == nil)
        #expect(ByteSearch.firstIndex(of: 0x7A, in: bytes, from: 0) == nil)
    }

    @Test func localTimeMatchesFoundationsCalendar() {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour, c.minute, c.second) = (2015, 7, 20, 14, 23, 28)
        let expected = Int64(Calendar.current.date(from: c)!.timeIntervalSince1970)
        #expect(LocalTime.epochSeconds(year: 2015, month: 7, day: 20, hour: 14, minute: 23, second: 28) == expected)
        #expect(LocalTime.epochSeconds(year: 2015, month: 13, day: 1, hour: 0, minute: 0, second: 0) == nil)
        // The second before 1970 (local time): in UTC (CI's zone) mktime's answer is -1, its
        // error value too. The zone is not changed here: other tests run beside this one.
        (c.year, c.month, c.day, c.hour, c.minute, c.second) = (1969, 12, 31, 23, 59, 59)
        let lastOf1969 = Int64(Calendar.current.date(from: c)!.timeIntervalSince1970)
        #expect(LocalTime.epochSeconds(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59) == lastOf1969)
    }

    @Test func readingAFolderOrAMissingFileIsAClearError() throws {
        let folder = try Fixtures.temporaryFolder("native")
        #expect(throws: ChunkedReader.Failure.self) { try ChunkedReader(path: folder.path) }
        #expect(throws: ChunkedReader.Failure.self) { try ChunkedReader(path: folder.appendingPathComponent("none").path) }
        let file = folder.appendingPathComponent("f")
        try Data(repeating: 0x41, count: 3000).write(to: file)
        let reader = try ChunkedReader(path: file.path)
        var buffer = [UInt8](repeating: 0, count: 1024)
        var total = 0
        while case let n = try reader.read(into: &buffer), n > 0 { total += n }
        #expect(total == 3000)
        #expect(reader.size == 3000)
    }

    @Test func aDirectoryWatchWakesOnAChangeAndDegradesToASleepWithoutInotify() throws {
        let folder = try Fixtures.temporaryFolder("inotify")
        let watch = DirectoryWatch(folder: folder.path)
        #expect(watch.isActive, "\(watch.unavailableReason ?? "")")
        let file = folder.appendingPathComponent("audit.log")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) {
            FileManager.default.createFile(atPath: file.path, contents: Data("type=AVC\n".utf8))
        }
        let start = Date()
        watch.wait(milliseconds: 10_000)
        #expect(Date().timeIntervalSince(start) < 5, "woken by the new file, not by the 10 s timeout")
        // Nothing changes (once the burst of events of that one write is drained): the wait runs out.
        Thread.sleep(forTimeInterval: 0.1)
        watch.wait(milliseconds: 0)
        let quiet = Date()
        watch.wait(milliseconds: 100)
        #expect(Date().timeIntervalSince(quiet) >= 0.09)

        let missing = DirectoryWatch(folder: folder.appendingPathComponent("no-such-folder").path)
        #expect(!missing.isActive)
        #expect(missing.unavailableReason?.contains("No such file or directory") == true)
        let slept = Date()
        missing.wait(milliseconds: 20)
        #expect(Date().timeIntervalSince(slept) >= 0.015, "without inotify, a plain sleep")
    }
}
