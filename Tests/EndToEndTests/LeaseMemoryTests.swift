import Foundation
import Testing
import Ingest
import Store
import TestSupport
import Formatting

/// The lease timeline in memory is bounded (issue 9, item 4): ended leases far behind the newest
/// event are forgotten, and an event older than what was forgotten reloads the timeline from the
/// store, so the answers never change.
@Suite struct LeaseMemoryTests {
    @Test func forgettingEndedLeasesChangesNoAnswerEvenForFilesGivenNewestFirst() throws {
        var options = Workload.Options(events: 8000, seed: 71, nodes: 2)
        options.virtPerMille = 150
        options.interleave = 0
        let w = try Workload.generate(options)
        // Two files, older and newer, cut at a line boundary in the middle.
        let bytes = try Data(contentsOf: w.log)
        let cut = (bytes[(bytes.count / 2)...].firstIndex(of: 0x0A) ?? bytes.count) + 1
        let folder = try Fixtures.temporaryFolder("leases")
        let older = folder.appendingPathComponent("audit.log.1"), newer = folder.appendingPathComponent("audit.log")
        try bytes[..<cut].write(to: older)
        try bytes[cut...].write(to: newer)

        func run(tiny: Bool) throws -> [[String: OutputValue]] {
            let probe = try StoreProbe()
            var o = IngestSession.Options()
            if tiny {
                o.maximumLeasesInMemory = 1
                o.leaseMemoryMilliseconds = 1000
                o.batchSize = 50
            }
            let session = try IngestSession(database: probe.database, options: o)
            _ = try session.bootstrap(stateFolder: w.rundir.path)
            for file in [newer, older] { try session.ingest(.file(file.path)) }
            return try probe.denials()
        }
        let bounded = try run(tiny: true)
        let unbounded = try run(tiny: false)
        #expect(bounded.count > 200)
        #expect(bounded.count == unbounded.count)
        for (a, b) in zip(bounded, unbounded) {
            #expect(a["source_vm"] == b["source_vm"] && a["target_vm"] == b["target_vm"] && a["kind"] == b["kind"],
                    "\(String(describing: a["serial"])): \(String(describing: a["kind"])) vs \(String(describing: b["kind"]))")
        }
    }
}
