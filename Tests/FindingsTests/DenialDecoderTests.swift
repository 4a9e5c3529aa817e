import Foundation
import Testing
import AuditStream
@testable import Findings
import TestSupport

/// Ingest and watch decode denials on the reading thread and hand them to the correlator: its
/// findings (denials, their kinds and the problems found, in order) must be those it finds when
/// it decodes the events itself, whatever the decoding thread saw before.
@Suite struct DenialDecoderTests {
    /// Every event of the real logs of the corpus and of a generated hypervisor log with
    /// malformed lines, plus denials whose records decode badly in each way the decoder reports.
    static func events() throws -> [AuditEvent] {
        var logs: [Data] = []
        let corpus = try FileManager.default.contentsOfDirectory(atPath: Fixtures.corpus.path)
            .filter { $0.hasSuffix(".log") || $0.hasSuffix(".txt") }.sorted()
        for name in corpus { logs.append(try Data(contentsOf: Fixtures.corpus.appendingPathComponent(name))) }
        var options = Workload.Options(events: 3000, seed: 21, nodes: 2)
        options.virtPerMille = 400
        options.malformedPerMillion = 5000
        let workload = try Workload.generate(options)
        defer { try? FileManager.default.removeItem(at: workload.folder) }
        logs.append(try Data(contentsOf: workload.log))
        logs.append(Data(Self.crafted.utf8))
        var events: [AuditEvent] = []
        for log in logs {
            let reader = try AuditLogReader(sourceName: "decoder")
            let keep: (AuditLogReader.Output) -> Void = { if case .event(let event) = $0 { events.append(event) } }
            try reader.consume(Array(log), emit: keep)
            try reader.finish(emit: keep)
        }
        return events
    }

    static let crafted = """
        type=AVC msg=audit(1700000000.100:1): avc:  denied  { read } for  pid=5 comm="qemu-kvm" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=garbage tclass=file permissive=0
        type=SYSCALL msg=audit(1700000000.100:1): arch=c000003e syscall=999999 success=maybe exit=99999999999999999999 uid=-5 auid=4294967296 comm="x" exe="/bin/x"
        type=AVC msg=audit(1700000000.200:2): avc:  denied  for  pid=6 comm="qemu-kvm" tclass=file
        type=AVC msg=audit(1700000000.300:3): avc:  denied  { read write read } for  pid=7 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0
        type=AVC msg=audit(1700000000.300:3): avc:  denied  { open } for  pid=7 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0
        type=CWD msg=audit(1700000000.300:3): cwd=2F746D70
        type=PATH msg=audit(1700000000.300:3): item=0 name="/var/lib/libvirt/images/b.qcow2"
        type=PROCTITLE msg=audit(1700000000.300:3): proctitle=ZZ
        type=USER_AVC msg=audit(1700000000.400:4): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg='avc:  denied  { status } for auid=-1 uid=0 gid=0 cmdline="" scontext=system_u:system_r:svirt_t:s0:c9,c10 tcontext=system_u:system_r:init_t:s0 tclass=system exe="/usr/lib/systemd/systemd" sauid=0 hostname=? addr=? terminal=?'
        type=AVC msg=audit(1700000000.500:5): avc:  denied  { read } for  pid=8 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=2

        """

    @Test func aDenialDecodedElsewhereGivesTheFindingsOfOneDecodedByTheCorrelator() throws {
        let events = try Self.events()
        #expect(events.count > 3000)
        var itself = Correlator()
        var given = Correlator()
        // One decoder for every log, as the reading thread's, whose caches hold what came before
        // (here: every event, last first), not what the correlator's saw.
        var decoder = DenialDecoder()
        for event in events.reversed() { _ = decoder.decode(event) }
        var denials = 0
        var problems = 0
        for event in events {
            let expected = itself.process(event)
            let decoded = decoder.decode(event)
            #expect((decoded == nil) == !event.records.contains { $0.type == "AVC" || $0.type == "USER_AVC" })
            let found = given.process(event, decoded: decoded)
            #expect(found == expected, "\(event.id)")
            denials += expected.denials.count
            problems += expected.filter { if case .issue = $0 { true } else { false } }.count
        }
        // The comparison covered denials and the problems their records have.
        #expect(denials > 500)
        #expect(problems > 5)
    }

    /// Two spellings of one accented letter are two texts to the log and to the store: a
    /// decoder's caches must not hand one's parse to the other (String's == takes them for one).
    @Test func twoSpellingsOfAContextAreDecodedEachAsItIs() throws {
        let composed = "system_u:system_r:svirt_t\u{E9}:s0:c1,c2"
        let decomposed = "system_u:system_r:svirt_te\u{301}:s0:c1,c2"
        let log = [composed, decomposed].enumerated().map { index, context in
            "type=AVC msg=audit(1700000000.\(index + 1)00:\(index + 1)): avc:  denied  { read } for  pid=5 comm=\"qemu-kvm\" "
                + "scontext=\(context) tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0"
        }.joined(separator: "\n") + "\n"
        let reader = try AuditLogReader(sourceName: "spellings")
        var events: [AuditEvent] = []
        let keep: (AuditLogReader.Output) -> Void = { if case .event(let event) = $0 { events.append(event) } }
        try reader.consume(Array(log.utf8), emit: keep)
        try reader.finish(emit: keep)
        #expect(events.count == 2)
        var decoder = DenialDecoder()
        for (event, context) in zip(events, [composed, decomposed]) {
            let parties = try #require(decoder.decode(event)?.parties)
            #expect(Array(parties.source.view.raw.utf8) == Array(context.utf8), "\(event.id)")
        }
    }
}
