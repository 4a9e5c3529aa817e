import Foundation
import Testing
import TestSupport

/// An event whose AVC record came alone, with its other records after the log had been quiet for
/// longer than watch waits: the lone AVC is stored by itself, then replaced by the complete event.
@Suite(.serialized) struct WatchQuietPauseTests {
    /// Both the summary and the pair's follow-up must count that event once (they counted the
    /// lone AVC and the replacement apart).
    @Test func anEventCompletedAfterAQuietPauseIsCountedAndAlertedOnce() throws {
        let folder = try Fixtures.temporaryFolder("watch-pause")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        let lines = CommandLineTests.hostileLog().split(separator: "\n").map(String.init)
        let setup = lines.filter { $0.contains("VIRT_") }.joined(separator: "\n") + "\n"
        let avc = try #require(lines.first { $0.hasPrefix("type=AVC") })
        let proctitle = try #require(lines.first { $0.hasPrefix("type=PROCTITLE") })
        func restamped(_ line: String, _ n: Int) -> String {
            line.replacingOccurrences(of: #"msg=audit\([^)]*\)"#, with: "msg=audit(1764009000.\(100 + n):\(9000 + n))",
                                      options: .regularExpression)
        }
        try "".write(to: log, atomically: true, encoding: .utf8)
        let watcher = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--follow", log.path], folder: folder)
        try WatchTests.append(setup, to: log)
        try WatchTests.append(restamped(avc, 1) + "\n", to: log)
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 1 }, "the lone AVC is stored once the log is quiet")
        try WatchTests.append(restamped(proctitle, 1) + "\n", to: log)
        for n in 2...5 { try WatchTests.append(restamped(avc, n) + "\n" + restamped(proctitle, n) + "\n", to: log) }
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 5 })
        Thread.sleep(forTimeInterval: 0.3)
        #expect(watcher.terminate() == 0)
        #expect(try WatchTests.denials(db) == 5)
        let said = try String(contentsOf: watcher.errors, encoding: .utf8)
        #expect(said.contains(" 5 denials (cross-guest=5)"), "the summary counts each denial once: \(said)")
        let alerts = watcher.alertLines().compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let counted = alerts.filter { $0["rule"] as? String == "cross-guest" }.reduce(0) { $0 + (($1["count"] as? Int) ?? 0) }
        #expect(counted == 5, "the alert and its follow-up count each denial once: \(alerts.map { $0["id"] ?? "" })")
    }
}
