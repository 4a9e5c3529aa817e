import Foundation
import Testing
import TestSupport

/// Alert ids after crashes: a watch killed with SIGKILL, at any point, and restarted prints no
/// alert under a new id and loses none. An alert printed twice is the same alert (same id, same
/// body), and all runs together print exactly the alerts of one clean run.
@Suite(.serialized) struct WatchAlertIDTests {
    typealias Watcher = WatchTests.Watcher

    /// Ten minutes of event time: web01 reads db02's image every 2 s (a follow-up a minute),
    /// db02 reads web01's every 10 s, app03 reads a new host type every second (over its rate
    /// limit of 30 a minute: a report a minute). In chunks of about a minute.
    static func chunks() -> (setup: String, chunks: [String], denials: Int) {
        var log = WatchAlertLog()
        let setup = log.setup()
        var chunks: [String] = []
        var denials = 0
        for minute in 0..<10 {
            var text = ""
            for second in (minute * 60)..<(minute * 60 + 60) {
                if second % 2 == 0 { text += log.crossGuest(second: 10 + second); denials += 1 }
                if second % 10 == 0 { text += log.crossGuest(second: 10 + second, millisecond: 500, reverse: true); denials += 1 }
                text += log.guestHost(second: 10 + second, type: second)
                denials += 1
            }
            chunks.append(text)
        }
        return (setup, chunks, denials)
    }

    /// id -> every body printed under it, over all runs.
    static func bodies(_ watchers: [Watcher]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for line in watchers.flatMap({ $0.alertLines() }) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String else {
                Issue.record("not an alert: \(line)")
                continue
            }
            out[id, default: []].append(line)
        }
        return out
    }

    static func waitForDenials(_ db: String, _ count: Int, _ watcher: Watcher) -> Bool {
        watcher.wait(seconds: 60) { (try? WatchTests.denials(db)) == count }
    }

    func cleanRun(_ folder: URL) throws -> [String: [String]] {
        let (setup, chunks, total) = Self.chunks()
        let log = folder.appendingPathComponent("clean.log")
        try (setup + chunks.joined()).write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("clean.db").path
        let watcher = try Watcher(["--db", db, "--follow", log.path], folder: folder)
        #expect(Self.waitForDenials(db, total, watcher))
        #expect(watcher.terminate() == 0)
        return Self.bodies([watcher])
    }

    func compare(_ runs: [String: [String]], with clean: [String: [String]]) {
        #expect(clean.values.allSatisfy { $0.count == 1 }, "one clean run prints each id once")
        #expect(clean.keys.contains { $0.hasSuffix("/repeats") } && clean.keys.contains { $0.hasSuffix("/rate-limited") },
                "the log exercises follow-ups and rate-limit reports")
        let newIDs = Set(runs.keys).subtracting(clean.keys), lost = Set(clean.keys).subtracting(runs.keys)
        #expect(newIDs.isEmpty, "alerts a clean run does not raise: \(newIDs.sorted().prefix(5))")
        #expect(lost.isEmpty, "alerts lost: \(lost.sorted().prefix(5))")
        for (id, bodies) in runs {
            #expect(Set(bodies).count == 1, "\(id) printed with different bodies: \(bodies)")
            if let expected = clean[id]?.first { #expect(bodies.first == expected, "\(id) differs from the clean run") }
        }
    }

    @Test func aWatchKilledWhileItReadsRaisesNoAlertUnderANewIdAndLosesNone() throws {
        let folder = try Fixtures.temporaryFolder("ids")
        let clean = try cleanRun(folder)
        let (setup, chunks, total) = Self.chunks()
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("killed.db").path
        try setup.write(to: log, atomically: true, encoding: .utf8)
        var watchers = [try Watcher(["--db", db, "--follow", log.path], folder: folder)]
        // Chunks are appended while watch reads; it is killed now and then, at varying moments.
        for (index, chunk) in chunks.enumerated() {
            try WatchTests.append(chunk, to: log)
            if index % 3 == 1, let running = watchers.last {
                // Once it has committed and printed something, a little later each time.
                _ = running.wait { !running.alertLines().isEmpty }
                Thread.sleep(forTimeInterval: Double(index % 4) * 0.03)
                kill(running.process.processIdentifier, SIGKILL)
                running.process.waitUntilExit()
                watchers.append(try Watcher(["--db", db, "--follow", log.path], folder: folder))
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let last = watchers.last else { return }
        #expect(Self.waitForDenials(db, total, last))
        #expect(last.terminate() == 0)
        let runs = Self.bodies(watchers)
        compare(runs, with: clean)
        let pending = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM alert_deliveries WHERE state != 'delivered'"])
        #expect(String(decoding: pending.stdout, as: UTF8.self) == "0\n", "every alert reached standard output")
    }

    @Test func windowsOpenAtACrashAreContinuedByTheRestart() throws {
        let folder = try Fixtures.temporaryFolder("ids")
        let clean = try cleanRun(folder)
        let (setup, chunks, total) = Self.chunks()
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("split.db").path
        // The first half, stored and committed; killed at once (well within the 2 s quiet rule).
        try (setup + chunks[..<5].joined()).write(to: log, atomically: true, encoding: .utf8)
        let first = try Watcher(["--db", db, "--follow", log.path], folder: folder)
        let half = chunks[..<5].joined().components(separatedBy: "type=AVC").count - 1
        #expect(Self.waitForDenials(db, half, first))
        Thread.sleep(forTimeInterval: 0.3)
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        try WatchTests.append(chunks[5...].joined(), to: log)
        let second = try Watcher(["--db", db, "--follow", log.path], folder: folder)
        #expect(Self.waitForDenials(db, total, second))
        #expect(second.terminate() == 0)
        compare(Self.bodies([first, second]), with: clean)
    }
}
