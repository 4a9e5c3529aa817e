import Foundation
import Testing
@testable import Store
import TestSupport

/// Small stores and runs of the real binary for the Store*Tests suites.
enum StoreCLI {
    /// A store from the hostile-names log: 4 cross-guest denials (serials 510-513) on 2025-11-24.
    static func store(label: String = "store") throws -> (folder: URL, db: String, log: URL) {
        let folder = try Fixtures.temporaryFolder(label)
        let log = folder.appendingPathComponent("a.log")
        try CommandLineTests.hostileLog().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (folder, db, log)
    }

    static let period = "2025-11-20T00:00:00Z..2025-11-30T00:00:00Z"

    /// Every read-only command, each as its own argument list (without --db).
    static let readers: [[String]] = [
        ["query", "cross-guest"], ["query", "cross-guest", "--detail"],
        ["query", "who-touched", CommandLineTests.hostileNames[0]], ["query", "guest", CommandLineTests.hostileNames[1]],
        ["query", "label", "c10,c100"], ["query", "denials"], ["query", "denials", "--kind", "cross-guest"],
        ["query", "events"], ["query", "evidence", "510"], ["query", "explain", "510"], ["query", "stats"],
        ["query", "stats", "--since", "2025-11-01"], ["digest", "--period", period],
    ]

    struct Run {
        var status: Int32
        /// Killed by a signal (a trap is SIGILL, SIGABRT or SIGSEGV); `status` is then the
        /// signal's number, which Foundation does not tell apart from an exit status.
        var signalled: Bool
        var stdout: String
        var stderr: String
    }

    /// Runs the binary (through `wrapper` when given: unshare, setpriv) with NO_COLOR.
    static func run(_ args: [String], environment extra: [String: String] = [:], wrapper: [String] = []) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for (k, v) in extra { environment[k] = v }
        let r = try runProcessReportingSignal(wrapper.first ?? Binary.path,
                                              wrapper.isEmpty ? args : Array(wrapper.dropFirst()) + [Binary.path] + args,
                                              environment: environment)
        return Run(status: r.status, signalled: r.signalled,
                   stdout: String(decoding: r.stdout, as: UTF8.self), stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    static func sha256(_ path: String) throws -> String {
        let r = try runProcess("/usr/bin/env", ["sha256sum", path])
        return String(decoding: r.stdout, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    static func companions(_ path: String) -> [String] {
        ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: path + $0) }
    }
}

/// Item 2: time arguments that would overflow are usage errors with a message, never a trap.
@Suite struct StoreTimeArgumentTests {
    @Test(arguments: ["@9223372036854775", "@-99999999999999999", "@1e300"])
    func sinceOutsideTheRangeIsAUsageError(time: String) throws {
        let s = try StoreCLI.store(label: "time")
        for command in [["query", "denials", "--since", time], ["query", "cross-guest", "--until", time],
                        ["query", "events", "--since", time], ["query", "label", "c10,c100", "--at", time],
                        ["query", "evidence", "510", "--time", time], ["query", "stats", "--since", time]] {
            let r = try StoreCLI.run(command + ["--db", s.db])
            #expect(!r.signalled, "\(command) trapped: signal \(r.status)")
            #expect(r.status == 2, "\(command): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("outside 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z"), "\(command): \(r.stderr)")
        }
    }

    @Test func aDigestPeriodOutsideTheRangeIsAUsageError() throws {
        let s = try StoreCLI.store(label: "time")
        let r = try StoreCLI.run(["digest", "--db", s.db, "--period", "@0..@99999999999999999"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("outside 1970"))
        let long = try StoreCLI.run(["digest", "--db", s.db, "--period", "@0..@1800000000"])
        #expect(long.status == 2)
        #expect(long.stderr.contains("at most 400 days"))
    }

    @Test(arguments: ["@99999999999999999", "99999999999999999", "garbage", "@1e300"])
    func aBadSvirtTraceNowIsAUsageErrorNotIgnored(now: String) throws {
        let s = try StoreCLI.store(label: "time")
        for command in [["query", "denials", "--since", "today"], ["query", "denials"], ["digest"], ["digest", "--period", "week"]] {
            let r = try StoreCLI.run(command + ["--db", s.db], environment: ["SVIRT_TRACE_NOW": now])
            #expect(r.status == 2, "\(command) with SVIRT_TRACE_NOW=\(now): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("SVIRT_TRACE_NOW") || r.stderr.contains("now (@"), "\(r.stderr)")
        }
        let good = try StoreCLI.run(["query", "denials", "--db", s.db, "--since", "yesterday"],
                                  environment: ["SVIRT_TRACE_NOW": "2025-11-25T00:00:00Z"])
        #expect(good.status == 0, "a good SVIRT_TRACE_NOW still pins now: \(good.stderr)")
    }
}

/// Item 5: a damaged store is a database error (exit 4) for every reader, never a trap.
@Suite struct StoreCorruptionTests {
    static func damaged(_ damage: (String) throws -> Void) throws -> String {
        let s = try StoreCLI.store(label: "corrupt")
        // Everything in the main file, so the damage is what every reader sees.
        _ = try runProcess("/usr/bin/env", ["sqlite3", s.db, "PRAGMA wal_checkpoint(TRUNCATE);"])
        try damage(s.db)
        return s.db
    }

    static func pageCount(_ path: String) throws -> Int {
        Int(((try FileManager.default.attributesOfItem(atPath: path))[.size] as? NSNumber)?.intValue ?? 0) / 4096
    }

    @Test func pagesOverwrittenInTheMiddle() throws {
        let db = try Self.damaged { path in
            let pages = try Self.pageCount(path)
            #expect(pages > 8)
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            var rng = SplitMix64(seed: 9)
            for page in 2..<(pages - 1) {
                try handle.seek(toOffset: UInt64(page * 4096))
                try handle.write(contentsOf: Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: rng.next()) }))
            }
            try handle.close()
        }
        try Self.expectEveryReaderFails(db)
    }

    @Test func truncated() throws {
        let db = try Self.damaged { path in
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(try Self.pageCount(path) / 2 * 4096))
            try handle.close()
        }
        try Self.expectEveryReaderFails(db)
    }

    /// Tables a query prepares its second statement on are gone: the old code trapped on `try!`.
    @Test func tablesMissingFromTheSchema() throws {
        let db = try Self.damaged { path in
            _ = try runProcess("/usr/bin/env", ["sqlite3", path, "DROP TABLE run_parties; DROP TABLE guests;"])
        }
        for command in StoreCLI.readers {
            let r = try StoreCLI.run(command + ["--db", db])
            #expect(!r.signalled, "\(command) trapped: signal \(r.status) \(r.stderr)")
        }
        for command in [["query", "denials"], ["query", "cross-guest"], ["query", "cross-guest", "--detail"]] {
            let r = try StoreCLI.run(command + ["--db", db])
            #expect(r.status == 4, "\(command): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("no such table"), "\(command): \(r.stderr)")
        }
    }

    static func expectEveryReaderFails(_ db: String) throws {
        for command in StoreCLI.readers {
            let r = try StoreCLI.run(command + ["--db", db])
            #expect(!r.signalled, "\(command) trapped: signal \(r.status) \(r.stderr)")
            #expect(r.status == 4, "\(command): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("database"), "\(command): \(r.stderr)")
        }
    }
}
