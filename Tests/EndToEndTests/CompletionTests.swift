import Foundation
import Testing
import TestSupport

/// Guest and node names completed from the store, through the bash script the binary generates
/// and bash itself: the script calls the binary back, so this is the path an operator's Tab takes.
@Suite struct CompletionTests {
    static let safeGuests = ["db01", "web01", "web02"]
    /// Each would run, expand or split in the operator's shell if offered as it is.
    static let hostileGuests = ["$(touch MARK1)", "`touch MARK2`", "a b", "x:y", "-rf", "{c,d}", "$HOME", "two\nlines"]

    /// Guests on node hv1, one more on hv2; a marker folder the hostile names would write into.
    static func store() throws -> (folder: URL, db: String) {
        let folder = try Fixtures.temporaryFolder("completion")
        var hv1 = PostureLog(.init(sender: .libvirtd, enriched: false, node: "hv1"))
        for (i, name) in (safeGuests + hostileGuests).enumerated() {
            let level = "s0:c\(i + 10),c\(i + 200)"
            hv1.start(name, String(format: "00000000-0000-0000-0000-%012d", i + 1), selinux: PostureLog.svirt(level), pid: Int64(3000 + i))
        }
        var hv2 = PostureLog(.init(sender: .libvirtd, enriched: false, node: "hv2"))
        hv2.seconds = hv1.seconds + 10
        hv2.start("web01", "00000000-0000-0000-0000-0000000000aa", selinux: PostureLog.svirt("s0:c1,c2"), pid: 4000)
        let log = folder.appendingPathComponent("a.log")
        try (hv1.text + hv2.text).write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try Binary.run(["ingest", "--db", db, "--no-progress", log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (folder, db)
    }

    /// What bash offers for the last word of `svirt-trace WORDS...`, run in `folder` (where the
    /// hostile names would leave their marks).
    static func complete(_ words: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> (offered: [String], stderr: String) {
        let driver = """
            binary=$1; shift
            source <("$binary" --generate-completion-script bash)
            COMP_WORDS=("$binary" "$@")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            _svirt-trace "$binary" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var environment = ProcessInfo.processInfo.environment
        environment["SVIRT_TRACE_DB"] = nil
        environment["SVIRT_TRACE_CONFIG"] = "/dev/null"
        environment["HOME"] = folder.path
        for (k, v) in extra { environment[k] = v }
        let script = folder.appendingPathComponent("driver.sh")
        try ("cd \"$(dirname \"${BASH_SOURCE[0]}\")\"\n" + driver).write(to: script, atomically: true, encoding: .utf8)
        let r = try runProcess("/bin/bash", [script.path, Binary.path] + words, environment: environment)
        #expect(r.status == 0)
        let out = String(decoding: r.stdout, as: UTF8.self)
        return (out.split(separator: "\n").map(String.init), String(decoding: r.stderr, as: UTF8.self))
    }

    @Test func guestNamesComeFromTheStoreAndHostileOnesAreNeverOffered() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        for words in [["query", "denials", "--db", db, "--vm", ""], ["query", "guest", "--db", db, ""],
                      ["query", "who-touched", "--db", db, ""], ["query", "events", "--db", db, "--vm", ""]] {
            let r = try Self.complete(words, in: folder)
            #expect(r.offered == Self.safeGuests, "\(words): \(r.offered)")
            #expect(r.stderr.isEmpty, "\(r.stderr)")
        }
        #expect(try Self.complete(["query", "denials", "--db", db, "--vm", "we"], in: folder).offered == ["web01", "web02"])
        // A guest whose name cannot be offered is reached by its UUID once one is typed.
        let uuids = try Self.complete(["query", "guest", "--db", db, "00000000-0000-0000-0000-00000000000"], in: folder).offered
        #expect(uuids.count == 9 && uuids.allSatisfy { $0.hasPrefix("00000000-0000-0000-0000-00000000000") }, "\(uuids)")
        let marks = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("MARK") }
        #expect(marks.isEmpty, "a guest name ran in the shell: \(marks)")
    }

    /// Thousands of unsafe names sorting before the safe ones must not fill the query's limit.
    @Test func aFloodOfUnsafeNamesDoesNotCrowdOutTheSafeOnes() throws {
        let folder = try Fixtures.temporaryFolder("completion-flood")
        defer { try? FileManager.default.removeItem(at: folder) }
        var log = PostureLog(.init(sender: .libvirtd, enriched: false, node: "hv1"))
        let names = (0..<2500).map { "$(x)\($0)" } + ["zz-safe"]
        for (i, name) in names.enumerated() {
            log.start(name, String(format: "10000000-0000-0000-0000-%012d", i), selinux: PostureLog.svirt("s0:c\(i % 1000),c\(1000 + i / 1000)"), pid: Int64(5000 + i))
        }
        let file = folder.appendingPathComponent("a.log")
        try log.text.write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        #expect(try Binary.run(["ingest", "--db", db, "--no-progress", file.path]).status == 0)
        #expect(try Self.complete(["query", "guest", "--db", db, ""], in: folder).offered == ["zz-safe"])
    }

    @Test func nodeNamesComeFromTheStore() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.complete(["query", "denials", "--db", db, "--node", ""], in: folder).offered == ["hv1", "hv2"])
        #expect(try Self.complete(["query", "posture", "--db", db, "--node", "hv2"], in: folder).offered == ["hv2"])
        #expect(try Self.complete(["digest", "--db", db, "--node", "h"], in: folder).offered == ["hv1", "hv2"])
    }

    @Test func theStoreIsFoundAsTheCommandWouldFindIt() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        // $SVIRT_TRACE_DB, when neither --db nor a config file names one.
        #expect(try Self.complete(["query", "denials", "--node", ""], in: folder,
                                  environment: ["SVIRT_TRACE_DB": db]).offered == ["hv1", "hv2"])
        // The config file's database: named by --config, or by $SVIRT_TRACE_CONFIG.
        let config = folder.appendingPathComponent("c.conf")
        try "database: \(db)\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(try Self.complete(["query", "denials", "--config", config.path, "--node", ""], in: folder).offered == ["hv1", "hv2"])
        #expect(try Self.complete(["query", "denials", "--node", ""], in: folder,
                                  environment: ["SVIRT_TRACE_CONFIG": config.path]).offered == ["hv1", "hv2"])
        // --db=PATH, quoted as typed: one word (zsh) or split at the = (bash).
        #expect(try Self.complete(["query", "denials", "--db='\(db)'", "--node", ""], in: folder).offered == ["hv1", "hv2"])
        #expect(try Self.complete(["query", "denials", "--db", "=", "\"\(db)\"", "--node", ""], in: folder).offered == ["hv1", "hv2"])
    }

    @Test func noStoreOffersNothingAndCreatesNothing() throws {
        let folder = try Fixtures.temporaryFolder("completion-none")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("absent.db").path
        let r = try Self.complete(["query", "denials", "--db", db, "--vm", ""], in: folder)
        #expect(r.offered.isEmpty && r.stderr.isEmpty, "\(r)")
        #expect(!FileManager.default.fileExists(atPath: db))
        // A file that is not a store is no different.
        try "not a database".write(toFile: db, atomically: true, encoding: .utf8)
        let junk = try Self.complete(["query", "denials", "--db", db, "--node", ""], in: folder)
        #expect(junk.offered.isEmpty && junk.stderr.isEmpty, "\(junk)")
        #expect(try String(contentsOfFile: db, encoding: .utf8) == "not a database")
        // A FIFO where the store belongs: SQLite's open of it would block the shell for good.
        let fifo = folder.appendingPathComponent("fifo.db").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let r2 = try runProcess("/usr/bin/timeout", ["10", Binary.path, "---completion", "query", "denials", "--", "--vm", "6", "0",
                                                     "svirt-trace", "query", "denials", "--db", fifo, "--vm", ""])
        #expect(r2.status == 0 && String(decoding: r2.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "status \(r2.status) (124: it hung)")
        let query = try runProcess("/usr/bin/timeout", ["10", Binary.path, "query", "denials", "--db", fifo])
        #expect(query.status != 124 && String(decoding: query.stderr, as: UTF8.self).contains("is a FIFO, not a database file"),
                "\(String(decoding: query.stderr, as: UTF8.self))")
    }
}
