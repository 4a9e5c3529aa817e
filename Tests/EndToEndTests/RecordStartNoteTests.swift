import Foundation
import Testing
import TestSupport

/// `--at` before the oldest stored event: a guest from status XML is taken to have run since
/// before its log began, so label, posture and guests answer for any earlier instant with that
/// assumption. They now say so on stderr rather than let it read as a record of that time.
@Suite struct RecordStartNoteTests {
    static let db: String = {
        do {
            let folder = try Fixtures.temporaryFolder("record-start")
            let state = folder.appendingPathComponent("run")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            let label = "system_u:system_r:svirt_t:s0:c3,c4"
            try PostureLog.status(name: "web", uuid: "5b0cbd7a-0000-4000-8000-000000000001", pid: 4241,
                                  seclabel: PostureLog.seclabel(label: label, image: "system_u:object_r:svirt_image_t:s0:c3,c4"))
                .write(to: state.appendingPathComponent("web.xml"), atomically: true, encoding: .utf8)
            let log = folder.appendingPathComponent("audit.log")
            try """
                node=hv01 type=AVC msg=audit(1764000010.500:200): avc:  denied  { read } for  pid=4241 comm="qemu-kvm" name="shadow" dev="dm-0" ino=2 scontext=\(label) tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0

                """.write(to: log, atomically: true, encoding: .utf8)
            let db = folder.appendingPathComponent("start.db").path
            let r = try Binary.run(["ingest", "--db", db, "--node", "hv01", "--libvirt-state", state.path, log.path])
            precondition(r.status == 0, "ingest failed: \(r.stderr)")
            return db
        } catch {
            fatalError("cannot build the fixture: \(error)")
        }
    }()

    static let note = "is before the oldest event stored"

    @Test(arguments: [["query", "label", "s0:c3,c4"], ["query", "posture"], ["query", "guests"]])
    func anInstantBeforeTheRecordIsSaidToBeOne(_ command: [String]) throws {
        let before = try Binary.run(command + ["--db", Self.db, "--at", "2020-01-01T00:00:00Z", "--format", "jsonl"])
        // The answer is still given (the status XML's assumption), and named as one.
        #expect(before.stdout.contains("\"web\""), "\(before.stdout) \(before.stderr)")
        #expect(before.stderr.contains("2020-01-01T00:00:00.000Z " + Self.note + " (2025-11-24T16:00:10.500Z)"), "\(before.stderr)")
        #expect(before.stderr.contains("assumption, not a record"), "\(before.stderr)")
        let onNode = try Binary.run(command + ["--db", Self.db, "--at", "2020-01-01T00:00:00Z", "--node", "hv01", "--format", "jsonl"])
        #expect(onNode.stderr.contains(Self.note + " of hv01"), "\(onNode.stderr)")

        let after = try Binary.run(command + ["--db", Self.db, "--at", "2025-11-24T16:00:11Z", "--format", "jsonl"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("\"web\""), "\(after.stdout)")
        #expect(!after.stderr.contains(Self.note), "\(after.stderr)")
        let newest = try Binary.run(command + ["--db", Self.db, "--format", "jsonl"])
        #expect(!newest.stderr.contains(Self.note), "\(newest.stderr)")
    }

    /// Every event pruned, the status XML's guests kept: any instant rests on them alone (the
    /// note was silent, helper-77).
    @Test func aStoreOfStatusXMLAloneSaysSoForAnyInstant() throws {
        let copy = try Fixtures.temporaryFolder("record-start-pruned").appendingPathComponent("p.db").path
        try FileManager.default.copyItem(atPath: Self.db, toPath: copy)
        #expect(try Binary.run(["prune", "--db", copy, "--older-than", "1d"]).status == 0)
        let r = try Binary.run(["query", "guests", "--db", copy, "--at", "2020-01-01T00:00:00Z", "--format", "jsonl"])
        #expect(r.stdout.contains("\"web\""), "\(r.stdout)")
        #expect(r.stderr.contains("note: the store holds no event: what follows for 2020-01-01T00:00:00.000Z rests on status XML alone"),
                "\(r.stderr)")
    }
}
