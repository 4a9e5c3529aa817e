import Foundation
import Testing
@testable import Store
import TestSupport

/// Costly input through the real binary: a flood of malformed lines (item 14) and status files
/// that are no libvirt status file (items 15 and 20).
@Suite struct StoreInputLimitsTests {
    @Test func fiveThousandMalformedLinesKeepAThousandRowsAndEveryReportCountsAll() throws {
        let folder = try Fixtures.temporaryFolder("limits")
        let log = folder.appendingPathComponent("a.log")
        var text = CommandLineTests.hostileLog()
        for i in 0..<5000 { text += "garbage line \(i) that is no audit record\n" }
        try text.write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("5000 parse errors"), "\(ingest.stderr)")

        let rows = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT reason, count(*) FROM parse_errors GROUP BY reason"])
        let kept = String(decoding: rows.stdout, as: UTF8.self)
        #expect(kept.hasSuffix("|\(ParseErrorLimit.keptPerSourceAndReason)\n") && kept.split(separator: "\n").count == 1, "\(kept)")

        let stats = try StoreCLI.run(["query", "stats", "--db", db, "--format", "jsonl"])
        let parseErrors = stats.stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  row["section"] as? String == "parse-errors" else { return nil }
            return row["count"] as? Int
        }
        #expect(parseErrors == [5000], "\(stats.stdout)")

        let digest = try StoreCLI.run(["digest", "--db", db, "--period", StoreCLI.period])
        #expect(digest.status == 0, "\(digest.stderr)")
        #expect(digest.stdout.contains("parse errors: 5000 ("), "\(digest.stdout)")

        // Read again: nothing new, nothing counted twice.
        let again = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(again.status == 0)
        let statsAgain = try StoreCLI.run(["query", "stats", "--db", db, "--format", "jsonl"])
        #expect(statsAgain.stdout == stats.stdout)
    }

    @Test func anOversizedOrDoctypeStatusFileIsReportedAndTheOtherGuestsStillLoad() throws {
        let folder = try Fixtures.temporaryFolder("limits")
        let state = folder.appendingPathComponent("state")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/run"), to: state)
        let good = try FileManager.default.contentsOfDirectory(atPath: state.path).filter { $0.hasSuffix(".xml") }.count
        // Sparse: 5 MiB on paper, nothing on disk.
        let huge = state.appendingPathComponent("huge.xml")
        FileManager.default.createFile(atPath: huge.path, contents: Data("<domstatus>".utf8))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 5 << 20)
        try handle.close()
        try """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <domstatus><domain><name>&lol2;</name><uuid>5501263b-181d-47ed-ab03-a6066f3d26bf</uuid></domain></domstatus>
            """.write(to: state.appendingPathComponent("lol.xml"), atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("a.log")
        try CommandLineTests.hostileLog().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let r = try StoreCLI.run(["ingest", "--db", db, "--libvirt-state", state.path, log.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("huge.xml: over the 4 MiB a libvirt status file may have"), "\(r.stderr)")
        #expect(r.stderr.contains("lol.xml:2: a <!DOCTYPE> or <!ENTITY> declaration"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSXMLParserErrorDomain"))
        #expect(r.stderr.contains("\(good) guests from status XML"), "\(r.stderr)")
    }
}
