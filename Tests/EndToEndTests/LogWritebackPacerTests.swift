import Foundation
import Native
import Testing
@testable import Ingest
import TestSupport

/// The writeback of the followed log's new whole pages, started step by step and on the pacer's
/// thread.
@Suite struct LogWritebackPacerTests {
    static let page = Int(FileWriteback.pageSize)

    func append(_ bytes: Int, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(repeating: UInt8(ascii: "x"), count: bytes))
        try handle.close()
    }

    func create(_ path: String, bytes: Int) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: "x"), count: bytes)))
    }

    @Test func startsWholePagesOnceAndFollowsARotation() throws {
        let folder = try Fixtures.temporaryFolder("writeback")
        let path = folder.appendingPathComponent("audit.log").path
        let pacer = LogWritebackPacer(path: path, intervalMilliseconds: 100, minimumBytes: Int64(Self.page))
        #expect(pacer.turn() == .missing)
        try create(path, bytes: Self.page + 100)
        #expect(pacer.turn() == .started, "one whole page")
        #expect(pacer.turn() == .nothingNew, "nothing was appended since")
        try append(100, to: path)
        #expect(pacer.turn() == .nothingNew, "the page being filled is not started")
        try append(Self.page, to: path)
        #expect(pacer.turn() == .started, "the second page is whole")
        #expect(pacer.turn() == .nothingNew)

        // Rotation by rename: the new file at the path is started, the old one is let go.
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        #expect(pacer.turn() == .missing)
        try create(path, bytes: 2 * Self.page)
        #expect(pacer.turn() == .started)
        // Truncated in place (copytruncate), then written again.
        #expect(truncate(path, 0) == 0)
        #expect(pacer.turn() == .nothingNew)
        try append(Self.page, to: path)
        #expect(pacer.turn() == .started, "its first page again")
        #expect(pacer.startedCount == 4)
        #expect(pacer.takeProblem() == nil)
    }

    @Test func aLogGrowingAtAnOrdinaryPaceIsLeftToTheKernel() throws {
        let folder = try Fixtures.temporaryFolder("writeback-slow")
        let path = folder.appendingPathComponent("audit.log").path
        try create(path, bytes: 0)
        let pacer = LogWritebackPacer(path: path, intervalMilliseconds: 100)
        for _ in 0..<64 {
            try append(Self.page * 2, to: path)
            #expect(pacer.turn() == .nothingNew)
        }
        try append(1 << 20, to: path)
        #expect(pacer.turn() == .started, "a megabyte piled up")
        #expect(pacer.startedCount == 1)
    }

    @Test func aFIFOADeviceOrAFolderAtThePathIsNeverTaken() throws {
        let folder = try Fixtures.temporaryFolder("writeback-fifo")
        let path = folder.appendingPathComponent("audit.log").path
        #expect(mkfifo(path, 0o600) == 0)
        // Opened for reading without O_NONBLOCK, a FIFO without a writer would block this turn.
        let pacer = LogWritebackPacer(path: path, intervalMilliseconds: 100, minimumBytes: 1)
        #expect(pacer.turn() == .missing)
        #expect(FileWriteback(path: path) == nil)
        #expect(FileWriteback(path: "/dev/null") == nil)
        #expect(FileWriteback(path: folder.path) == nil)
        #expect(LogWritebackPacer(path: folder.path, intervalMilliseconds: 100, minimumBytes: 1).turn() == .missing)
    }

    @Test func theThreadStartsWritebackUntilStopped() throws {
        let folder = try Fixtures.temporaryFolder("writeback-thread")
        let path = folder.appendingPathComponent("audit.log").path
        try create(path, bytes: Self.page)
        let pacer = LogWritebackPacer(path: path, intervalMilliseconds: 10, minimumBytes: Int64(Self.page))
        pacer.start()
        func waitForStarts(_ count: Int) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while pacer.startedCount < count, Date() < deadline { usleep(5_000) }
            return pacer.startedCount >= count
        }
        #expect(waitForStarts(1), "the thread started the first page's writeback")
        try append(Self.page, to: path)
        #expect(waitForStarts(2), "and the appended page's")
        let stopped = Date()
        #expect(pacer.stop(), "the thread ended")
        #expect(Date().timeIntervalSince(stopped) < 1)
        let after = pacer.startedCount
        try append(Self.page, to: path)
        usleep(100_000)
        #expect(pacer.startedCount == after, "a stopped pacer starts nothing")
    }
}
