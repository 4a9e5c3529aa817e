import Foundation
import Testing
import Native
import Store
import TestSupport

/// A report's reading split into shares on the fleet store (`StoreReader.inShares`): each share
/// but the first on a connection of its own, all in the report's snapshot.
@Suite struct FleetReadShareTests {
    typealias Fleet = FleetWriterTests.Fleet

    /// One guest's start, on `node`, as libvirt logs it.
    static func guestLog(_ name: String, uuid: String, level: String, serial: Int) -> String {
        let hex = CommandLineTests.hex(Array(name.utf8))
        return """
            type=VIRT_MACHINE_ID msg=audit(1764000000.250:\(serial)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm vm=\(hex) uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:s0:\(level) img-ctx=system_u:object_r:svirt_image_t:s0:\(level) model=selinux exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'
            type=VIRT_CONTROL msg=audit(1764000000.250:\(serial + 1)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm op=start reason=booted vm=\(hex) uuid=\(uuid) vm-pid=4242 exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'

            """
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

        let shares = try report.inShares(3) { db, share in
            (share: share, guests: try Self.guests(db), backend: try Self.backend(db))
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
}
