import Foundation
import Testing
@testable import Ingest
import Native
import TestSupport

/// tail -F behaviour for the realtime daemon, driven step by step without sleeping.
@Suite struct FollowedFileTests {
    func drain(_ f: FollowedFile) throws -> (String, [FollowedFile.Step]) {
        var buffer = [UInt8](repeating: 0, count: 7)  // small, so reads split lines
        var text: [UInt8] = []
        var steps: [FollowedFile.Step] = []
        while true {
            let step = try f.poll(into: &buffer)
            steps.append(step)
            switch step {
            case .data(let n): text += buffer[0..<n]
            case .idle, .unfollowable: return (String(decoding: text, as: UTF8.self), steps)
            case .rotated, .truncated: continue
            }
        }
    }

    /// A rotation that leaves a FIFO at the path: the old file is read to its end, then the FIFO
    /// is refused without opening it for a writer (open(2) would wait for one).
    @Test func aFIFOLeftAtThePathIsRefusedAfterTheOldFileIsRead() throws {
        let folder = try Fixtures.temporaryFolder("follow-fifo")
        let path = folder.appendingPathComponent("audit.log").path
        try "one\n".write(toFile: path, atomically: false, encoding: .utf8)
        let f = try FollowedFile(path: path)
        #expect(try drain(f).0 == "one\n")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("two\n".utf8))
        try handle.close()
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        #expect(mkfifo(path, 0o600) == 0)
        let (text, steps) = try drain(f)
        #expect(text == "two\n")
        guard case .unfollowable(let failure) = steps.last else { Issue.record("\(steps)"); return }
        #expect(failure.reason.contains("is a FIFO"), "\(failure)")
        #expect(throws: ChunkedReader.Failure.self) { _ = try FollowedFile(path: path) }
    }

    @Test func appendsRotationByRenameAndCopytruncate() throws {
        let folder = try Fixtures.temporaryFolder("follow")
        let path = folder.appendingPathComponent("audit.log").path
        try "one\ntwo\n".write(toFile: path, atomically: false, encoding: .utf8)
        let f = try FollowedFile(path: path)
        #expect(try drain(f).0 == "one\ntwo\n")

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("thr".utf8))
        #expect(try drain(f).0 == "thr", "a partial line is handed over; the line reader holds it")
        handle.write(Data("ee\n".utf8))
        #expect(try drain(f).0 == "ee\n")

        // Rotation by rename: the last lines of the old file come first, then the new file.
        handle.write(Data("four\n".utf8))
        try handle.close()
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        #expect(try drain(f).0 == "four\n")
        #expect(try drain(f).0 == "", "renamed away, no successor yet: wait")
        try "five\n".write(toFile: path, atomically: false, encoding: .utf8)
        let (afterRotation, steps) = try drain(f)
        #expect(afterRotation == "five\n")
        #expect(steps.first == .rotated)

        // copytruncate: the same inode shrinks and starts again.
        let same = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        same.truncateFile(atOffset: 0)
        same.write(Data("six\n".utf8))
        try same.close()
        let (afterTruncate, truncateSteps) = try drain(f)
        #expect(truncateSteps.contains(.truncated))
        #expect(afterTruncate == "six\n")
    }

    @Test func startsAtACheckpointAndWaitsForAMissingFile() throws {
        let folder = try Fixtures.temporaryFolder("follow")
        let path = folder.appendingPathComponent("audit.log").path
        let waiting = try FollowedFile(path: path)
        #expect(try drain(waiting).0 == "")
        try "abc\ndef\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try drain(waiting).0 == "abc\ndef\n")
        let resumed = try FollowedFile(path: path, offset: 4)
        #expect(try drain(resumed).0 == "def\n")
    }
}
