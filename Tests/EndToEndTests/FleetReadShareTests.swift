import Foundation
import Testing
import Native
import Store
import TestSupport

/// A report's reading split into shares on the fleet store (`StoreReader.inShares`): each share
/// but the first on a connection of its own, all in the report's snapshot.
@Suite struct FleetReadShareTests {
    typealias Fleet = FleetWriterTests.Fleet

    /// One guest's start, as libvirt logs it.
    static func guestLog(_ name: String, uuid: String, level: String, serial: Int) -> String {
        FleetReaderTests.guestStart(name, uuid: uuid, level: level, pid: 4242,
                                    stamps: ("1764000000.250:\(serial)", "1764000000.250:\(serial + 1)"))
            .joined(separator: "\n") + "\n"
    }

    /// Stores one guest's start through a writer of hv01.
    static func store(_ fleet: inout Fleet, writer: String, folder: URL, _ text: String, name: String) throws {
        let path = folder.appendingPathComponent("\(name).log").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try FleetWriterTests.ingest(["--db", writer, "--node", "hv01", "--spool", folder.appendingPathComponent("spool.db").path, path])
        #expect(r.status == 0, "\(r.stderr)")
    }

    static func guests(_ db: any SQLReader) throws -> Int64 {
        try db.rows("SELECT count(*) FROM guests").first?.first?.int64 ?? -1
    }

    static func backend(_ db: any SQLReader) throws -> Int64 {
        try db.rows("SELECT pg_backend_pid()").first?.first?.int64 ?? -1
    }

    /// Marks share `index` begun; the first share waits (up to 30 s) for the others' marks, so
    /// that a loaded machine does not have the report read them itself for want of patience
    /// (`FleetShareReading.connectingWait`).
    static func begin(_ index: Int, of count: Int, in folder: URL) {
        let mark = { (i: Int) in folder.appendingPathComponent("share-\(i).begun").path }
        if index > 0 {
            FileManager.default.createFile(atPath: mark(index), contents: nil)
            return
        }
        for _ in 0..<3_000 where !(1..<count).allSatisfy({ FileManager.default.fileExists(atPath: mark($0)) }) { usleep(10_000) }
    }

    @Test func theSharesReadTheReportsSnapshotOnConnectionsOfTheirOwn() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let writer = try fleet.writer("host_hv01", nodes: ["hv01"])
        let reader = try FleetReaderTests.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-shares")
        try Self.store(&fleet, writer: writer, folder: folder,
                       Self.guestLog("alpha", uuid: "00000000-0000-0000-0000-0000000000a1", level: "c1,c2", serial: 10), name: "a")

        let report = try StoreReader(FleetDatabase(connectionString: reader, access: .readOnly))
        let before = try Self.guests(report.connection)
        #expect(before == 1)
        // Stored after the report began: not in its snapshot, so in none of its shares.
        try Self.store(&fleet, writer: writer, folder: folder,
                       Self.guestLog("beta", uuid: "00000000-0000-0000-0000-0000000000b2", level: "c3,c4", serial: 20), name: "b")
        let later = try StoreReader(FleetDatabase(connectionString: reader, access: .readOnly))
        #expect(try Self.guests(later.connection) == 2)

        let marks = try Fixtures.temporaryFolder("fleet-share-marks")
        let shares = try report.inShares(3) { db, share in
            Self.begin(share.index, of: share.count, in: marks)
            return (share: share, guests: try Self.guests(db), backend: try Self.backend(db))
        }
        #expect(shares.map(\.share) == [ReadShare(index: 0, count: 3), ReadShare(index: 1, count: 3), ReadShare(index: 2, count: 3)])
        #expect(shares.map(\.guests) == [before, before, before])
        #expect(Set(shares.map(\.backend)).count == 3, "\(shares)")
        #expect(shares[0].backend == (try Self.backend(report.connection)))
    }

    /// A share whose connection the server refuses (here the role's connection limit) is read on
    /// the report's own connection: the answer is whole, only slower.
    @Test func aShareThatCannotConnectIsReadOnTheReportsOwnConnection() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let writer = try fleet.writer("host_hv01", nodes: ["hv01"])
        let reader = try FleetReaderTests.reader(&fleet)
        let role = fleet.roles.last ?? ""
        try PostgresConnection(connection: fleet.admin).execute("ALTER ROLE \(role) CONNECTION LIMIT 1")
        let folder = try Fixtures.temporaryFolder("fleet-shares")
        try Self.store(&fleet, writer: writer, folder: folder,
                       Self.guestLog("alpha", uuid: "00000000-0000-0000-0000-0000000000a1", level: "c1,c2", serial: 10), name: "a")

        let report = try StoreReader(FleetDatabase(connectionString: reader, access: .readOnly))
        let shares = try report.inShares(2) { db, share in
            (share: share, guests: try Self.guests(db), backend: try Self.backend(db))
        }
        #expect(shares.map(\.share) == [ReadShare(index: 0, count: 2), ReadShare(index: 1, count: 2)])
        #expect(shares.map(\.guests) == [1, 1])
        #expect(Set(shares.map(\.backend)).count == 1, "\(shares)")
    }

    /// A statement that fails in a share read apart fails the report, with the server's words.
    @Test func aFailingShareFailsTheReport() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try FleetReaderTests.reader(&fleet)
        let report = try StoreReader(FleetDatabase(connectionString: reader, access: .readOnly))
        #expect {
            _ = try report.inShares(2) { db, share in
                try db.rows(share.index == 1 ? "SELECT no_such_column FROM guests" : "SELECT 1").count
            }
        } throws: { error in
            "\(error)".contains("no_such_column")
        }
    }

    /// A role that may not export a snapshot (EXECUTE on pg_export_snapshot revoked) reads the
    /// whole on its one connection: the report answers, where the export's error would have
    /// aborted its transaction.
    @Test func aRoleThatMayNotExportASnapshotReadsTheWholeOnItsConnection() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try FleetReaderTests.reader(&fleet)
        try PostgresConnection(connection: fleet.admin).execute("REVOKE EXECUTE ON FUNCTION pg_catalog.pg_export_snapshot() FROM PUBLIC")
        let report = try StoreReader(FleetDatabase(connectionString: reader, access: .readOnly))
        let shares = try report.inShares(2) { db, share in
            (share: share, guests: try Self.guests(db), backend: try Self.backend(db))
        }
        #expect(shares.map(\.share) == [ReadShare.whole])
        #expect(shares.map(\.guests) == [0])
        #expect(try Self.guests(report.connection) == 0)
    }

    /// A proxy on a unix socket in `folder` before the test server's socket: it passes the first
    /// connection through; the second it never answers (`hang`, a pooler that queues it), or
    /// passes through until the client sends `marker` and then closes it (`drop`).
    static func proxy(_ mode: String, marker: String, in folder: String, to admin: String) throws -> (process: Process, connection: String) {
        func value(_ key: String) -> String {
            admin.split(separator: " ").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) } ?? ""
        }
        let port = value("port")
        let upstream = "\(value("host"))/.s.PGSQL.\(port)"
        let listen = "\(folder)/.s.PGSQL.\(port)"
        let script = """
            import socket, sys, threading, os
            listen, upstream, mode, marker = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].encode()
            s = socket.socket(socket.AF_UNIX)
            s.bind(listen)
            s.listen(8)
            open(listen + '.ready', 'w').close()
            def pump(a, b, watch):
                try:
                    while True:
                        d = a.recv(65536)
                        if not d:
                            break
                        if watch and marker in d:
                            open(listen + '.dropped', 'w').close()
                            break
                        b.sendall(d)
                except OSError:
                    pass
                for x in (a, b):
                    try:
                        x.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
            count = 0
            held = []
            while True:
                c, _ = s.accept()
                count += 1
                if count % 2 == 0 and mode == 'hang':
                    held.append(c)
                    open(listen + '.held', 'w').close()
                    continue
                u = socket.socket(socket.AF_UNIX)
                u.connect(upstream)
                watch = count % 2 == 0 and mode == 'drop'
                threading.Thread(target=pump, args=(c, u, watch), daemon=True).start()
                threading.Thread(target=pump, args=(u, c, False), daemon=True).start()
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, listen, upstream, mode, marker]
        try process.run()
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: listen + ".ready") { usleep(10_000) }
        let rest = admin.split(separator: " ").filter { !$0.hasPrefix("host=") }.joined(separator: " ")
        return (process, "host=\(folder) \(rest)")
    }

    /// A second connection that is taken but never answered (a pooler queueing it behind the
    /// report's own, which holds the only server slot) does not hold the report: with
    /// connect_timeout=0 libpq would wait for it without end. The report reads the share on its
    /// own connection. A watchdog kills the proxy after 60 s, so that a wait fails the test
    /// instead of hanging it.
    @Test func aSecondConnectionThatIsNeverAnsweredDoesNotHoldTheReport() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try FleetReaderTests.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-share-proxy")
        let (proxy, through) = try Self.proxy("hang", marker: "-", in: folder.path, to: reader)
        defer { kill(proxy.processIdentifier, SIGKILL); proxy.waitUntilExit() }
        let watchdog = DispatchWorkItem { kill(proxy.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }

        let report = try StoreReader(FleetDatabase(connectionString: through + " connect_timeout=0", access: .readOnly))
        let shares = try report.inShares(2) { db, share in
            // The first share waits until the second connection is held, so that it is still
            // being made when the report wants it.
            if share.index == 0 {
                for _ in 0..<500 where !FileManager.default.fileExists(atPath: "\(folder.path)/.s.PGSQL.\(Self.port(reader)).held") { usleep(10_000) }
            }
            return (share: share, backend: try Self.backend(db))
        }
        #expect(proxy.isRunning, "the watchdog ended the wait")
        #expect(FileManager.default.fileExists(atPath: "\(folder.path)/.s.PGSQL.\(Self.port(reader)).held"))
        #expect(shares.map(\.share) == [ReadShare(index: 0, count: 2), ReadShare(index: 1, count: 2)])
        #expect(Set(shares.map(\.backend)).count == 1, "\(shares)")
    }

    /// A second connection lost while it reads its share: the report reads the share again on
    /// its own connection (the same snapshot, so the same rows) and answers whole.
    @Test func aSecondConnectionLostWhileItReadsIsReadAgainOnTheReportsOwn() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try FleetReaderTests.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-share-proxy")
        let (proxy, through) = try Self.proxy("drop", marker: "share_marker_7f3", in: folder.path, to: reader)
        defer { kill(proxy.processIdentifier, SIGKILL); proxy.waitUntilExit() }

        let report = try StoreReader(FleetDatabase(connectionString: through, access: .readOnly))
        let shares = try report.inShares(2) { db, share in
            if share.index == 0 {
                for _ in 0..<3_000 where !FileManager.default.fileExists(atPath: "\(folder.path)/.s.PGSQL.\(Self.port(reader)).dropped") { usleep(10_000) }
            }
            let text = try db.rows(share.index == 1 ? "SELECT 'share_marker_7f3'" : "SELECT 'first'").first?.first?.string
            return (share: share, text: text, backend: try Self.backend(db))
        }
        #expect(FileManager.default.fileExists(atPath: "\(folder.path)/.s.PGSQL.\(Self.port(reader)).dropped"))
        #expect(shares.map(\.text) == ["first", "share_marker_7f3"])
        #expect(Set(shares.map(\.backend)).count == 1, "\(shares)")
    }

    static func port(_ connection: String) -> String {
        connection.split(separator: " ").first { $0.hasPrefix("port=") }.map { String($0.dropFirst(5)) } ?? ""
    }

    /// The shares run at once: the first waits to see the second's statement running on the
    /// server (pg_stat_activity) before it answers.
    @Test func theSharesRunAtOnce() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try FleetReaderTests.reader(&fleet)
        let report = try StoreReader(FleetDatabase(connectionString: reader, access: .readOnly))
        let seen = try report.inShares(2) { db, share -> Bool in
            if share.index == 1 {
                _ = try db.rows("SELECT pg_sleep(3), 'share_one_sleeping'")
                return true
            }
            for _ in 0..<3_000 {
                // A transaction keeps the first view of pg_stat_activity it took, unless told.
                _ = try db.rows("SELECT pg_stat_clear_snapshot()")
                let running = try db.rows("""
                    SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%share_one_sleeping%'
                        AND pid <> pg_backend_pid()
                    """).first?.first?.int64 ?? 0
                if running > 0 { return true }
                usleep(10_000)
            }
            return false
        }
        #expect(seen == [true, true])
    }
}
