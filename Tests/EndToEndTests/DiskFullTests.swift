import Foundation
import Testing
import TestSupport

/// A full disk (issue 9, item 20): ingest stops with a database error, and its summary counts
/// only what was committed, not the events of the transaction that was rolled back.
@Suite(.serialized) struct DiskFullTests {
    @Test func theSummaryAfterADiskFullCountsOnlyCommittedEvents() throws {
        var options = Workload.Options(events: 20_000, seed: 61, nodes: 1)
        options.virtPerMille = 300
        let w = try Workload.generate(options)
        let mount = try Fixtures.temporaryFolder("diskfull")
        // A small file system of its own (the tests run as root, as CI does).
        let mounted = try runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=640k", "tmpfs", mount.path])
        try #require(mounted.status == 0, "mount a 640 KiB tmpfs (needs root): \(String(decoding: mounted.stderr, as: UTF8.self))")
        defer { _ = try? runProcess("/bin/umount", [mount.path]) }
        let db = mount.appendingPathComponent("full.db").path
        let r = try Binary.run(["ingest", "--db", db, "--no-progress", "--batch-events", "300", "--node", "hv1", w.log.path])
        #expect(r.status == 4, "a full disk is a database error: \(r.stderr)")
        #expect(r.stderr.contains("full") || r.stderr.contains("disk"), "says why: \(r.stderr)")
        let summary = r.stderr.split(separator: "\n").first { $0.contains("events stored") }.map(String.init) ?? ""
        let claimed = summary.components(separatedBy: " events stored").first?.split(separator: " ").last.flatMap { Int($0) }
        let stored = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM audit_events"])
        let actual = Int(String(decoding: stored.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(claimed != nil, "a summary line: \(r.stderr)")
        #expect(claimed == actual, "the summary's events stored (\(claimed ?? -1)) are the committed ones (\(actual ?? -1))")
    }
}
