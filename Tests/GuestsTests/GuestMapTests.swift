import Testing
@testable import Guests
import SELinux

@Suite struct GuestMapTests {
    static func lease(_ id: Int64, _ name: String, node: String? = nil, level: String = "s0:c1,c2", pid: Int64? = nil,
                      from: Int64?, to: Int64?) throws -> Lease {
        Lease(id: id, node: node, uuid: "uuid-\(name)", name: name, model: "selinux",
              label: "system_u:system_r:svirt_t:\(level)", imageLabel: nil, level: try MLSLevel.parse(level),
              processType: "svirt_t", isStatic: false, pid: pid,
              validFrom: from.map { EventPosition(timeMilliseconds: $0, serial: 0) },
              validTo: to.map { EventPosition(timeMilliseconds: $0, serial: 0) }, started: true, origin: .audit)
    }

    static func at(_ ms: Int64, _ serial: Int64 = 5) -> EventPosition { EventPosition(timeMilliseconds: ms, serial: serial) }

    @Test func aReusedLabelResolvesToItsHolderAtEachTime() throws {
        var map = GuestMap()
        map.upsert(try Self.lease(1, "alpha", from: 100, to: 200))
        map.upsert(try Self.lease(2, "beta", from: 300, to: nil))
        let level = try MLSLevel.parse("s0:c1,c2")
        #expect(map.holders(node: nil, level: level, at: Self.at(150)).map(\.name) == ["alpha"])
        #expect(map.holders(node: nil, level: level, at: Self.at(250)).isEmpty)
        #expect(map.holders(node: nil, level: level, at: Self.at(350)).map(\.name) == ["beta"])
        #expect(map.holders(node: nil, level: level, at: Self.at(50)).isEmpty)
    }

    @Test func leasesAreHalfOpenAndOrderedBySerialWithinAMillisecond() throws {
        var map = GuestMap()
        var lease = try Self.lease(1, "alpha", from: 100, to: nil)
        lease.validFrom = EventPosition(timeMilliseconds: 100, serial: 10)
        lease.validTo = EventPosition(timeMilliseconds: 200, serial: 20)
        map.upsert(lease)
        let level = try MLSLevel.parse("s0:c1,c2")
        #expect(map.holders(node: nil, level: level, at: Self.at(100, 9)).isEmpty)
        #expect(map.holders(node: nil, level: level, at: Self.at(100, 10)).count == 1)
        #expect(map.holders(node: nil, level: level, at: Self.at(200, 19)).count == 1)
        #expect(map.holders(node: nil, level: level, at: Self.at(200, 20)).isEmpty)
    }

    @Test func theSameLabelOnTwoNodesIsTwoGuests() throws {
        var map = GuestMap()
        map.upsert(try Self.lease(1, "a", node: "hv01", from: nil, to: nil))
        map.upsert(try Self.lease(2, "b", node: "hv02", from: nil, to: nil))
        let level = try MLSLevel.parse("s0:c1,c2")
        #expect(map.holders(node: "hv01", level: level, at: Self.at(1)).map(\.name) == ["a"])
        #expect(map.holders(node: "hv02", level: level, at: Self.at(1)).map(\.name) == ["b"])
        #expect(map.holders(node: nil, level: level, at: Self.at(1)).isEmpty)
    }

    @Test func thePidSettlesWhichOfTwoHoldersIsTheSource() throws {
        var map = GuestMap()
        map.upsert(try Self.lease(1, "static-b", pid: 2000, from: 10, to: nil))
        map.upsert(try Self.lease(2, "static-a", pid: 1000, from: 20, to: nil))
        let level = try MLSLevel.parse("s0:c1,c2")
        #expect(map.resolveSource(node: nil, level: level, pid: 2000, at: Self.at(30)).map(\.name) == ["static-b"])
        #expect(map.resolveSource(node: nil, level: level, pid: 9, at: Self.at(30)).map(\.name) == ["static-a", "static-b"])
        #expect(map.holders(node: nil, level: level, at: Self.at(30)).map(\.name) == ["static-a", "static-b"])
    }

    @Test func closingALeaseKeepsItsHistoryAndFreesTheGuest() throws {
        var map = GuestMap()
        var lease = try Self.lease(1, "alpha", from: 100, to: nil)
        map.upsert(lease)
        #expect(map.openLease(node: nil, uuid: "uuid-alpha")?.id == 1)
        lease.validTo = Self.at(500)
        map.upsert(lease)
        #expect(map.openLease(node: nil, uuid: "uuid-alpha") == nil)
        #expect(map.holders(node: nil, level: try MLSLevel.parse("s0:c1,c2"), at: Self.at(300)).count == 1)
        #expect(GuestMap(leases: [lease]).nextLeaseID == 2)
    }
}

@Suite struct GuestMapMemoryTests {
    @Test func forgettingEndedLeasesKeepsOpenOnesAndTheLabelIndexConsistent() throws {
        var map = GuestMap()
        let level = try MLSLevel.parse("s0:c1,c2")
        func lease(_ id: Int64, from: Int64, to: Int64?) -> Lease {
            Lease(id: id, node: "n", uuid: "u\(id)", name: "g\(id)", model: "selinux", label: "system_u:system_r:svirt_t:s0:c1,c2",
                  imageLabel: nil, level: level, processType: "svirt_t", isStatic: false, pid: id,
                  validFrom: EventPosition(timeMilliseconds: from, serial: 0),
                  validTo: to.map { EventPosition(timeMilliseconds: $0, serial: 0) }, started: true, origin: .audit)
        }
        map.upsert(lease(1, from: 0, to: 100))
        map.upsert(lease(2, from: 100, to: 200))
        map.upsert(lease(3, from: 200, to: nil))
        #expect(map.forgetLeases(endedBefore: 150) == 1)
        #expect(map.leases.keys.sorted() == [2, 3])
        #expect(map.holders(node: "n", level: level, at: EventPosition(timeMilliseconds: 50, serial: 0)).isEmpty)
        #expect(map.holders(node: "n", level: level, at: EventPosition(timeMilliseconds: 150, serial: 0)).map(\.id) == [2])
        #expect(map.forgetLeases(endedBefore: Int64.max) == 1)
        #expect(map.holders(node: "n", level: level, at: EventPosition(timeMilliseconds: 250, serial: 0)).map(\.id) == [3])
    }
}
