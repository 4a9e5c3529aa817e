import Foundation
import Testing
import TestSupport

/// A rotated copy that is there but cannot be read (EIO from a failing disk; here a folder in its
/// place, since root reads any file) is named with the reason, and the gap it leaves says so.
/// It was taken for an empty copy: the gap blamed auditd's num_logs and the I/O error was never
/// mentioned (helper-92). tools/check-eio covers a real EIO on a loop device.
@Suite(.serialized) struct UnreadableCopyTests {
    static func gapReasons(_ db: String) throws -> [String] {
        let gaps = try Binary.run(["query", "events", "--db", db, "--kind", "pipeline-gap", "--format", "jsonl"])
        #expect(gaps.status == 0, "\(gaps.stderr)")
        return gaps.stdout.split(separator: "\n").compactMap { line in
            let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (row?["detail"] as? [String: Any])?["reason"] as? String
        }
    }

    @Test func anUnreadableRotatedCopyIsNamedAndItsGapSaysWhy() throws {
        let s = try RotationWhileStoppedTests.setup(pieces: 3)
        try RotationWhileStoppedTests.storeFirstPieceThenStop(s)
        let before = try RotationWhileStoppedTests.denials(s.db).count
        // Stopped: the unread tail is written and rotated, and its copy cannot be read.
        try WatchTests.append(s.pieces[1], to: s.log)
        let copy = s.log.path + ".1"
        try FileManager.default.moveItem(atPath: s.log.path, toPath: s.folder.appendingPathComponent("lost").path)
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: false)
        try s.pieces[2].write(to: s.log, atomically: false, encoding: .utf8)
        let second = try RotationWhileStoppedTests.watch(s)
        #expect(second.wait(seconds: 30) {
            ((try? RotationWhileStoppedTests.denials(s.db).count) ?? 0) >= before + RotationWhileStoppedTests.count(denialsIn: s.pieces[2]) / 2
        })
        Thread.sleep(forTimeInterval: 0.5)
        #expect(second.terminate() == 0)
        let said = second.said()
        #expect(said.contains("cannot read \(copy), a rotated copy of \(s.log.path)"), "\(said)")
        let reasons = try Self.gapReasons(s.db)
        #expect(reasons.count == 1, "\(reasons)")
        #expect(reasons.first?.contains("these could not: \(copy)") == true, "\(reasons)")
        #expect(reasons.first?.contains("num_logs") == false, "\(reasons)")
    }

    @Test func anUnreadableCopyNewerThanThePluginsLastEventLeavesAGapThatSaysWhy() throws {
        let s = try RotationWhileStoppedTests.setup(pieces: 4)
        func plugin() throws -> WatchTests.Watcher {
            try WatchTests.Watcher(["--db", s.db, "--node", "hv1", "--libvirt-state", s.workload.rundir.path,
                                    "--stdin", "--catch-up-log", s.log.path], folder: s.folder,
                                   stdin: try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/null")))
        }
        try s.pieces[0].write(to: s.log, atomically: false, encoding: .utf8)
        let first = try plugin()
        #expect(first.wait(seconds: 30) { !first.process.isRunning }, "\(first.said())")
        // While the plugin is down: its log goes on and rotates twice; the middle copy cannot be read.
        try WatchTests.append(s.pieces[1], to: s.log)
        try RotationWhileStoppedTests.rotate(s)
        try s.pieces[2].write(to: s.log, atomically: false, encoding: .utf8)
        try RotationWhileStoppedTests.rotate(s)
        try s.pieces[3].write(to: s.log, atomically: false, encoding: .utf8)
        let middle = s.log.path + ".1"
        try FileManager.default.removeItem(atPath: middle)
        try FileManager.default.createDirectory(atPath: middle, withIntermediateDirectories: false)
        let second = try plugin()
        #expect(second.wait(seconds: 60) { !second.process.isRunning }, "\(second.said())")
        #expect(second.process.terminationStatus == 0, "\(second.said())")
        #expect(second.said().contains("cannot read \(middle), a rotated copy of \(s.log.path)"), "\(second.said())")
        let reasons = try Self.gapReasons(s.db)
        #expect(reasons.count == 1 && reasons.first?.contains("\(middle), a rotated copy newer than the newest stored event, could not be read") == true,
                "\(reasons)")
    }
}
