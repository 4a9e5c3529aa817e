import Foundation
import Native
import Testing
@testable import Ingest
import TestSupport

/// The writeback of the followed log's new bytes, started step by step and on the pacer's thread.
@Suite struct LogWritebackPacerTests {
    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    @Test func startsOnceForEachGrowthAndFollowsARotation() throws {
        let folder = try Fixtures.temporaryFolder("writeback")
        let path = folder.appendingPathComponent("audit.log").path
        let pacer = LogWritebackPacer(path: path, intervalMilliseconds: 100)
        #expect(pacer.turn() == .missing)
        try "type=DAEMON_START msg=audit(1.000:1): op=start\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(pacer.turn() == .started)
        #expect(pacer.turn() == .nothingNew, "nothing was appended since")
        try append("type=DAEMON_END msg=audit(2.000:2): op=end\n", to: path)
        #expect(pacer.turn() == .started)
        #expect(pacer.turn() == .nothingNew)

        // Rotation by rename: the new file at the path is started, the old one is let go.
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        #expect(pacer.turn() == .missing)
        try "type=DAEMON_START msg=audit(3.000:3): op=start\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(pacer.turn() == .started)
        #expect(pacer.startedCount == 3)
        #expect(pacer.takeProblem() == nil)
    }

    @Test func aFIFOOrAFolderAtThePathIsNeverOpenedForGood() throws {
        let folder = try Fixtures.temporaryFolder("writeback-fifo")
        let path = folder.appendingPathComponent("audit.log").path
        #expect(mkfifo(path, 0o600) == 0)
        // Opened for reading without O_NONBLOCK, a FIFO without a writer would block this turn.
        let pacer = LogWritebackPacer(path: path, intervalMilliseconds: 100)
        #expect(pacer.turn() == .missing)
        #expect(FileWriteback(path: path) == nil)
        #expect(FileWriteback(path: folder.path) == nil)
        #expect(LogWritebackPacer(path: folder.path, intervalMilliseconds: 100).turn() == .missing)
    }

    @Test func theThreadStartsWritebackUntilStopped() throws {
        let folder = try Fixtures.temporaryFolder("writeback-thread")
        let path = folder.appendingPathComponent("audit.log").path
        try "type=DAEMON_START msg=audit(1.000:1): op=start\n".write(toFile: path, atomically: false, encoding: .utf8)
        let pacer = LogWritebackPacer(path: path, intervalMilliseconds: 10)
        pacer.start()
        func waitForStarts(_ count: Int) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while pacer.startedCount < count, Date() < deadline { usleep(5_000) }
            return pacer.startedCount >= count
        }
        #expect(waitForStarts(1), "the thread started the first bytes' writeback")
        try append("type=DAEMON_END msg=audit(2.000:2): op=end\n", to: path)
        #expect(waitForStarts(2), "and the appended bytes'")
        let stopped = Date()
        pacer.stop()
        #expect(Date().timeIntervalSince(stopped) < 2, "stop returns within a turn")
        let after = pacer.startedCount
        try append("type=DAEMON_START msg=audit(3.000:3): op=start\n", to: path)
        usleep(100_000)
        #expect(pacer.startedCount == after, "a stopped pacer starts nothing")
    }
}
