import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import Ingest
import TestSupport

/// `ingest audit.log*` gives a rotated set newest first (audit.log, audit.log.1, audit.log.2). The
/// guests' starts and stops must be applied in the order they were logged, so the files are read
/// by the time of their first record, whatever order they come in.
@Suite struct IngestFileOrderTests {
    /// A generated log cut between events into three rotated files, named as auditd names them.
    static func rotatedSet(seed: Int) throws -> (files: [String], rundir: String, folder: URL) {
        var options = Workload.Options(events: 6000, seed: seed, nodes: 2)
        options.virtPerMille = 300
        let work = try Workload.generate(options)
        let lines = try String(contentsOf: work.log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
        func stamp(_ line: String) -> Substring? { line.firstRange(of: "msg=audit(").map { line[$0.upperBound...].prefix { $0 != ")" } } }
        var cuts: [Int] = []
        for third in [lines.count / 3, 2 * lines.count / 3] {
            var cut = third
            while cut < lines.count - 1, stamp(lines[cut]) == stamp(lines[cut - 1]) { cut += 1 }
            cuts.append(cut)
        }
        let parts = [lines[..<cuts[0]], lines[cuts[0]..<cuts[1]], lines[cuts[1]...]]
        var files: [String] = []
        for (part, name) in zip(parts, ["audit.log.2", "audit.log.1", "audit.log"]) {
            let path = work.folder.appendingPathComponent(name).path
            try (part.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        return (files, work.rundir.path, work.folder)
    }

    @Test func aRotatedSetGivenNewestFirstIsReadAsOldestFirst() throws {
        let set = try Self.rotatedSet(seed: 41)
        defer { try? FileManager.default.removeItem(at: set.folder) }
        func ingest(_ files: [String], into name: String) throws -> (denials: String, stderr: String) {
            let db = set.folder.appendingPathComponent(name).path
            let r = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db, "--libvirt-state", set.rundir] + files)
            #expect(r.status == 0, "\(r.stderr)")
            let denials = try Binary.run(["query", "denials", "--config", "/dev/null", "--db", db, "--format", "jsonl"])
            #expect(denials.status == 0)
            return (denials.stdout, r.stderr)
        }
        let oldestFirst = try ingest(set.files, into: "oldest.db")
        // The shell's order for audit.log*.
        let globbed = try ingest(set.files.sorted(), into: "globbed.db")
        #expect(!oldestFirst.stderr.contains("in the order they were logged"), "\(oldestFirst.stderr)")
        #expect(globbed.stderr.contains("reading the files in the order they were logged: \(set.files.joined(separator: " "))"),
                "\(globbed.stderr)")
        #expect(oldestFirst.denials.contains("\"kind\":\"cross-guest\""))
        #expect(globbed.denials == oldestFirst.denials)
    }

    /// Two runs cannot be put in order: the second says when it read guests' starts and stops
    /// older than what the first stored, and not when the logs came oldest first.
    @Test func aLaterRunOfAnOlderLogIsWarnedAbout() throws {
        let set = try Self.rotatedSet(seed: 42)
        defer { try? FileManager.default.removeItem(at: set.folder) }
        func runs(_ first: [String], _ second: [String], into name: String) throws -> String {
            let db = set.folder.appendingPathComponent(name).path
            let a = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db, "--libvirt-state", set.rundir] + first)
            #expect(a.status == 0 && !a.stderr.contains("warning"), "\(a.stderr)")
            let b = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db] + second)
            #expect(b.status == 0, "\(b.stderr)")
            return b.stderr
        }
        let late = try runs([set.files[2]], [set.files[1]], into: "late.db")
        #expect(late.contains("guest start/stop records are older than events already stored for their node"), "\(late)")
        #expect(late.contains("Give older logs first"))
        let inOrder = try runs([set.files[0], set.files[1]], [set.files[2]], into: "in-order.db")
        #expect(!inOrder.contains("warning"), "\(inOrder)")
        // One run cannot order standard input: logs concatenated newest first are warned about too.
        for (files, warned) in [(set.files.reversed(), true), (set.files, false)] {
            let db = set.folder.appendingPathComponent("stdin-\(warned).db").path
            let text = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
            let r = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db, "--libvirt-state", set.rundir, "-"],
                                   stdin: Data(text.utf8))
            #expect(r.status == 0)
            #expect(r.stderr.contains("guest start/stop records are older than events already stored") == warned, "\(r.stderr)")
        }
    }

    /// A named pipe among the files is never opened to look at its head: that would take its
    /// writer's first bytes, or leave the writer writing to no reader.
    @Test func aNamedPipeAmongTheFilesIsReadWhole() throws {
        let set = try Self.rotatedSet(seed: 43)
        defer { try? FileManager.default.removeItem(at: set.folder) }
        let fifo = set.folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = try String(contentsOfFile: set.files[0], encoding: .utf8)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                try? handle.write(contentsOf: Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let viaPipe = set.folder.appendingPathComponent("pipe.db").path
        let r = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", viaPipe, "--libvirt-state", set.rundir,
                                fifo, set.files[1]])
        #expect(r.status == 0, "\(r.stderr)")
        let plain = set.folder.appendingPathComponent("plain.db").path
        let p = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", plain, "--libvirt-state", set.rundir,
                                set.files[0], set.files[1]])
        #expect(p.status == 0)
        func stored(_ stderr: String) -> Substring? { stderr.firstRange(of: "events stored").map { stderr[..<$0.lowerBound].suffix(12) } }
        #expect(stored(r.stderr) != nil && stored(r.stderr) == stored(p.stderr), "\(r.stderr) / \(p.stderr)")
    }

    @Test func filesWithoutARecordAndStandardInputKeepTheirPlace() {
        let times: [String: Int64] = ["c": 30, "a": 10, "b": 20, "tie1": 20]
        let inputs: [IngestSession.Input] = [.file("c"), .standardInput, .file("picture.png"), .file("b"), .file("a"), .file("tie1")]
        let ordered = InputOrder.chronological(inputs) { times[$0] }
        let names = ordered.map { input -> String in if case .file(let path) = input { return path } else { return "-" } }
        #expect(names == ["a", "-", "picture.png", "b", "tie1", "c"])
    }
}
