import Foundation
import Testing
import TestSupport

/// A report whose time window, or `--at` instant, reaches into the stretch of stamps that a step
/// of a clock back made repeat says so on stderr: its rows there may come from either side.
@Suite struct ClockStepNoteTests {
    static let stretch = "events stamped from 2025-11-24T15:59:55.100Z to 2025-11-24T16:01:30.000Z were logged both before and after that step"

    @Test func aWindowOrInstantInTheRepeatedStretchIsSaid() throws {
        let folder = try Fixtures.temporaryFolder("clock-step-note")
        let log = folder.appendingPathComponent("stepped.log")
        try WatchTests.steppedLog(webSerials: (311, 312)).write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        func query(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try Binary.run(["query"] + arguments + ["--config", "/dev/null", "--db", db, "--format", "jsonl"])
        }
        // Both db's lease and web's hold c1,c2 at this stamp: one logged before the step, one after.
        let at = try query(["label", "s0:c1,c2", "--at", "2025-11-24T16:00:00.800Z"])
        #expect(at.status == 0, "\(at.stderr)")
        #expect(at.stderr.contains("note: the host's clock went back 94.900 s: \(Self.stretch), and 2025-11-24T16:00:00.800Z "
                                   + "lies in that stretch: it names a moment on each side of the step"), "\(at.stderr)")
        let window = "this window reaches into that stretch: the events it selects there by stamp may be of either side"
        for arguments in [["denials", "--since", "2025-11-24T16:00:30Z", "--until", "2025-11-24T16:01:00Z"],
                          ["denials", "--since", "2025-11-24T16:00:00Z"],
                          ["cross-guest", "--until", "2025-11-24T16:00:00Z"],
                          ["who-touched", "web", "--since", "2025-11-24T16:00:00Z"],
                          ["events", "--since", "2025-11-24T16:01:00Z"],
                          ["guests", "--at", "2025-11-24T16:01:00Z"]] {
            let r = try query(arguments)
            #expect(r.stderr.contains("note: the host's clock went back 94.900 s: \(Self.stretch), and "), "\(arguments): \(r.stderr)")
            #expect(arguments.contains("--at") || r.stderr.contains(window), "\(arguments): \(r.stderr)")
            // Standard output stays rows alone.
            for line in r.stdout.split(separator: "\n") {
                #expect(throws: Never.self, "\(arguments): \(line)") { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
            }
        }
        // Not said outside the stretch, without a window, or for another node.
        for arguments in [["label", "s0:c1,c2", "--at", "2025-11-24T16:01:31Z"], ["label", "s0:c1,c2"],
                          ["denials", "--since", "2025-11-24T16:01:31Z"], ["denials", "--until", "2025-11-24T15:59:55Z"],
                          ["denials"], ["denials", "--since", "2025-11-24T16:00:00Z", "--node", "hv9"]] {
            let r = try query(arguments)
            #expect(!r.stderr.contains("clock went back"), "\(arguments): \(r.stderr)")
        }
    }
}
