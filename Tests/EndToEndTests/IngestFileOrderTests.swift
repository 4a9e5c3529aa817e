import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import Ingest
import TestSupport

/// `ingest audit.log*` gives a rotated set newest first (audit.log, audit.log.1, audit.log.2). The
/// guests' starts and stops must be applied in the order they were logged, so a rotated set is
/// read oldest first by auditd's names, whatever order its members come in.
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
        #expect(!oldestFirst.stderr.contains("oldest first"), "\(oldestFirst.stderr)")
        #expect(globbed.stderr.contains("reading the rotated logs oldest first: \(set.files.joined(separator: " "))"),
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

    @Test func onlyTheMembersOfARotatedSetMove() {
        func order(_ names: [String]) -> [String] {
            let inputs = names.map { $0 == "-" ? IngestSession.Input.standardInput : .file($0) }
            return InputOrder.chronological(inputs).map { input -> String in if case .file(let path) = input { return path } else { return "-" } }
        }
        // The shell's order for audit.log*, with .10 after .1; standard input and other files stay.
        #expect(order(["x.log", "/a/audit.log", "-", "/a/audit.log.1", "/a/audit.log.10", "notes.txt", "/a/audit.log.2"])
                == ["x.log", "/a/audit.log.10", "-", "/a/audit.log.2", "/a/audit.log.1", "notes.txt", "/a/audit.log"])
        // Two sets, each in its own places; a member given twice keeps its turns.
        #expect(order(["b/audit.log", "a/audit.log.1", "b/audit.log.1", "a/audit.log", "a/audit.log.1"])
                == ["b/audit.log.1", "a/audit.log.1", "b/audit.log", "a/audit.log.1", "a/audit.log"])
        // Numbered otherwise (months, versions, a leading zero): as given.
        #expect(order(["audit.2025.12", "audit.2025.11"]) == ["audit.2025.12", "audit.2025.11"])
        #expect(order(["audit.log", "audit.log.01"]) == ["audit.log", "audit.log.01"])
        #expect(order(["audit.log.1", "other.log.2"]) == ["audit.log.1", "other.log.2"])
    }

    /// A central log whose nodes' clocks are far apart: the names, not the records' times, order
    /// the set, so a node running behind cannot put a newer file first.
    @Test func aCentralLogWithAClockBehindIsReadInItsRotationOrder() throws {
        let set = try Self.rotatedSet(seed: 44)
        defer { try? FileManager.default.removeItem(at: set.folder) }
        // hv01's records 90 s behind the others'.
        for file in set.files {
            let shifted = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map { line -> String in
                guard line.hasPrefix("node=hv01 "), let open = line.firstRange(of: "msg=audit("),
                      let dot = line[open.upperBound...].firstIndex(of: "."), let seconds = Int(line[open.upperBound..<dot]) else { return String(line) }
                return String(line[..<open.upperBound]) + String(seconds - 90) + String(line[dot...])
            }
            try (shifted.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        }
        func denials(_ files: [String], _ name: String) throws -> String {
            let db = set.folder.appendingPathComponent(name).path
            let r = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db, "--libvirt-state", set.rundir] + files)
            #expect(r.status == 0 && !r.stderr.contains("warning"), "\(r.stderr)")
            return try Binary.run(["query", "denials", "--config", "/dev/null", "--db", db, "--format", "jsonl"]).stdout
        }
        #expect(try denials(set.files.sorted(), "globbed.db") == (try denials(set.files, "given.db")))
    }

    /// A node's first stored event in a run may be a guest's start: that is no late record, in a
    /// new store or in the run after the one that read the file before.
    @Test func aStartThatBeginsARunIsNotWarnedAbout() throws {
        let set = try Self.rotatedSet(seed: 45)
        defer { try? FileManager.default.removeItem(at: set.folder) }
        let start = try String(contentsOfFile: set.files[0], encoding: .utf8).split(separator: "\n").first { $0.contains("type=VIRT_MACHINE_ID") }
        let log = set.folder.appendingPathComponent("start.log").path
        try (String(try #require(start)) + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let r = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", set.folder.appendingPathComponent("one.db").path, log])
        #expect(r.status == 0 && !r.stderr.contains("warning"), "\(r.stderr)")
    }
}
