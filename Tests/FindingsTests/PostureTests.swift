import Foundation
import Testing
import AuditStream
@testable import Findings
import Guests
import TestSupport

/// Posture events from hand-built logs in every shape (libvirtd and virtqemud, RAW and ENRICHED,
/// with and without node=), and from status XML.
@Suite struct PostureTests {
    let a = "aaaaaaaa-0000-0000-0000-000000000001"
    let b = "bbbbbbbb-0000-0000-0000-000000000002"
    let c = "cccccccc-0000-0000-0000-000000000003"

    func correlate(_ log: PostureLog, correlator: inout Correlator) throws -> [Finding] {
        let reader = try AuditLogReader(sourceName: "posture")
        var findings: [Finding] = []
        let handle: (AuditLogReader.Output) -> Void = { output in
            if case .event(let event) = output { findings += correlator.process(event) }
        }
        try reader.consume(Array(log.text.utf8), emit: handle)
        try reader.finish(emit: handle)
        return findings
    }

    func correlate(_ log: PostureLog) throws -> [Finding] {
        var correlator = Correlator()
        return try correlate(log, correlator: &correlator)
    }

    func detail(_ event: RecordedEvent?, _ key: String) -> DetailValue? {
        event?.detail.first { $0.0 == key }?.1
    }

    func text(_ event: RecordedEvent?, _ key: String) -> String {
        if case .string(let s)? = detail(event, key) { return s }
        return ""
    }

    func posture(_ findings: [Finding]) -> [RecordedEvent] {
        findings.events.filter { EventKind.posture.contains($0.kind) }
    }

    // MARK: unconfined

    @Test(arguments: PostureLog.Shape.all)
    func seclabelNoneIsAnUnconfinedGuestNotAParseIssue(shape: PostureLog.Shape) throws {
        var log = PostureLog(shape)
        log.machineID("plain", a, model: "selinux", vmContext: "?", imageContext: "?")
        log.machineID("plain", a, model: "dac", vmContext: "+107:+107", imageContext: "+107:+107")
        log.control("start", "plain", a, pid: 4000)
        let findings = try correlate(log)
        #expect(findings.issues.isEmpty, "\(shape): \(findings.issues.map(\.reason))")
        let events = posture(findings)
        #expect(events.map(\.kind) == [.unconfinedGuest], "\(shape)")
        let event = events.first
        #expect(event?.vm == "plain" && event?.uuid == a && event?.node == shape.node)
        #expect(event?.id?.serial == log.lastSerial, "the evidence is the start record")
        #expect(text(event, "how").contains("vm-ctx=?"))
        #expect(detail(event, "models") == .strings(["selinux", "dac"]))
        #expect(detail(event, "model_records") == .strings(["model=selinux vm-ctx=? img-ctx=?",
                                                            "model=dac vm-ctx=+107:+107 img-ctx=+107:+107"]))
        // The guest stays known by its dac lease.
        let leases = findings.compactMap { if case .lease(let l) = $0 { return l } else { return nil } }
        #expect(leases.contains { $0.uuid == a && $0.model == "dac" && $0.started })
        #expect(!leases.contains { $0.model == "selinux" })
    }

    @Test(arguments: PostureLog.Shape.all)
    func noSELinuxRecordBeforeTheStartIsAnUnconfinedGuest(shape: PostureLog.Shape) throws {
        var log = PostureLog(shape)
        log.start("web01", b, selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        log.start("nodriver", a, selinux: nil, pid: 2000)
        let events = posture(try correlate(log))
        #expect(events.map(\.kind) == [.unconfinedGuest], "\(shape)")
        #expect(events.first?.uuid == a)
        #expect(text(events.first, "how").contains("security_driver"))
        #expect(detail(events.first, "models") == .strings(["dac"]))
    }

    @Test func anUnconfinedProcessTypeIsAnUnconfinedGuest() throws {
        for type in ["unconfined_t", "spc_t"] {
            var log = PostureLog()
            log.start("loose", a, selinux: ("unconfined_u:unconfined_r:\(type):s0-s0:c0.c1023",
                                            "system_u:object_r:svirt_image_t:s0:c1,c2"), pid: 1000)
            let events = posture(try correlate(log))
            #expect(events.map(\.kind) == [.unconfinedGuest], "\(type): unconfined wins over a weak range")
            #expect(text(events.first, "how").contains(type))
            #expect(events.first?.label == "unconfined_u:unconfined_r:\(type):s0-s0:c0.c1023")
        }
    }

    @Test func aConfinedDynamicPairRaisesNothing() throws {
        for type in ["svirt_t", "svirt_tcg_t"] {
            var log = PostureLog()
            log.start("fine", a, selinux: PostureLog.svirt("s0:c87,c520", type: type), disks: ["/var/lib/libvirt/images/f.qcow2",
                                                                                                "/dev/sdb1", "/dev/mapper/vg0-lv"], pid: 1000)
            #expect(posture(try correlate(log)).isEmpty, "\(type)")
        }
    }

    // MARK: weak

    @Test(arguments: PostureLog.Shape.all)
    func aRangeLabelDominatesTheLiveGuestsAndSaysWhich(shape: PostureLog.Shape) throws {
        var log = PostureLog(shape)
        log.start("victim1", b, selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        log.start("victim2", c, selinux: PostureLog.svirt("s0:c3,c700"), pid: 1001)
        log.control("stop", "victim2", c)
        log.start("wide", a, selinux: ("system_u:system_r:svirt_t:s0-s0:c0.c1023",
                                       "system_u:object_r:svirt_image_t:s0:c0.c1023"), pid: 2000)
        let events = posture(try correlate(log))
        #expect(events.map(\.kind) == [.weakLabel], "\(shape)")
        let weak = events.first
        #expect(weak?.uuid == a)
        #expect(detail(weak, "dominates_vms") == .strings(["victim1"]), "victim2 stopped before")
        #expect(detail(weak, "dominates_uuids") == .strings([b]))
        #expect(text(weak, "reach") == "s0:c0.c1023")
        #expect(text(weak, "how").contains("range"))
    }

    @Test func noCategoryAndOneCategoryAreWeak() throws {
        var log = PostureLog()
        log.start("single", b, selinux: PostureLog.svirt("s0:c5"), pid: 1000)
        log.start("bare", a, selinux: ("system_u:system_r:svirt_t:s0", "system_u:object_r:svirt_image_t:s0:c9,c10"), pid: 2000)
        log.start("also-c5", c, selinux: PostureLog.svirt("s0:c5,c6"), pid: 3000)
        let events = posture(try correlate(log))
        #expect(events.map(\.kind) == [.weakLabel, .weakLabel])
        #expect(events.map(\.vm) == ["single", "bare"])
        #expect(text(events[0], "how").contains("one category"))
        #expect(text(events[1], "how").contains("no category"))
        #expect(detail(events[1], "dominates_vms") == .strings([]), "s0 reaches no guest with a category")
    }

    // MARK: whole disk

    @Test(arguments: PostureLog.Shape.all)
    func wholeDisksAreFlaggedAndPartitionsAndLinksAreNot(shape: PostureLog.Shape) throws {
        var log = PostureLog(shape)
        let whole = ["/dev/sdb", "/dev/vdc", "/dev/xvda", "/dev/hdb", "/dev/nvme0n1", "/dev/sdaa"]
        let not = ["/dev/sdb1", "/dev/nvme0n1p2", "/dev/mapper/vg0-guest", "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4",
                   "/var/lib/libvirt/images/x.qcow2", "/dev/sr0", "/dev/dm-3"]
        log.start("raw", a, selinux: PostureLog.svirt("s0:c1,c2"), disks: whole + not, pid: 1000)
        let events = posture(try correlate(log))
        #expect(events.map(\.kind) == Array(repeating: .wholeDisk, count: whole.count), "\(shape)")
        #expect(events.map { text($0, "disk") } == whole)
        #expect(events.allSatisfy { $0.vm == "raw" && $0.uuid == a && $0.node == shape.node })
    }

    @Test func theWholeDiskPatternIsExact() {
        for path in ["/dev/sda", "/dev/vdz", "/dev/nvme12n3", "/dev/mmcblk0", "/dev//sdd", "//dev/sdg", "/dev/./sde",
                     "/dev/../dev/sdf", "/dev/sdh/"] {
            #expect(PostureDetector.isWholeDisk(path), "\(path)")
        }
        for path in ["/dev/sda1", "/dev/nvme0n1p1", "/dev/nvme0", "/dev/nvmen1", "/dev/sd", "/dev/sdA", "/dev/", "sda",
                     "/dev/mapper/sda", "/dev/loop0", "/dev/mmcblk0p1", "/dev/mmcblk", "/dev/x/../../sda", "dev/sda",
                     "/dev/../sda", "/../sda"] {
            #expect(!PostureDetector.isWholeDisk(path), "\(path)")
        }
    }

    // MARK: shared

    @Test func theSharedImageLabelIsSharedWritableWithTheLiveGuests() throws {
        var log = PostureLog(.init(sender: .virtqemud, enriched: true, node: "hv2"))
        log.start("peer", b, selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        log.start("sharer", a, selinux: ("system_u:system_r:svirt_t:s0:c3,c4", "system_u:object_r:svirt_image_t:s0"), pid: 2000)
        let events = posture(try correlate(log))
        #expect(events.map(\.kind) == [.sharedWritable])
        #expect(detail(events.first, "shared_with_vms") == .strings(["peer"]))
        #expect(events.first?.label == "system_u:object_r:svirt_image_t:s0")
    }

    // MARK: state

    @Test func aFailedStartAndARestartAreJudgedOnTheirOwnRecords() throws {
        var log = PostureLog()
        log.machineID("g", a, model: "selinux", vmContext: "?", imageContext: "?")
        log.machineID("g", a, model: "dac", vmContext: "+107:+107", imageContext: "+107:+107")
        log.virt("VIRT_CONTROL", "op=start reason=booted vm=\"g\" uuid=\(a) vm-pid=-1", res: "failed")
        log.start("g", a, selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        #expect(posture(try correlate(log)).isEmpty, "the confined restart does not inherit the failed start's vm-ctx=?")
    }

    @Test(arguments: PostureLog.Shape.all)
    func aRestartWithoutAStopIsJudgedOnItsOwnRecordsNotTheStaleLease(shape: PostureLog.Shape) throws {
        // The first lifetime's stop was lost; the restart's selinux record reads vm-ctx=?, or
        // there is none: the confined lease of the lifetime before must not make it look ok.
        var log = PostureLog(shape)
        log.start("g", a, selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        log.machineID("g", a, model: "selinux", vmContext: "?", imageContext: "?")
        log.machineID("g", a, model: "dac", vmContext: "+107:+107", imageContext: "+107:+107")
        log.control("start", "g", a, pid: 1001)
        log.start("h", b, selinux: PostureLog.svirt("s0:c3,c4"), pid: 2000)
        log.start("h", b, selinux: nil, pid: 2001)
        var correlator = Correlator()
        let findings = try correlate(log, correlator: &correlator)
        let events = posture(findings)
        #expect(events.map(\.kind) == [.unconfinedGuest, .unconfinedGuest], "\(shape)")
        #expect(events.map(\.vm) == ["g", "h"])
        #expect(text(events.first, "how").contains("vm-ctx=?"))
        let restarts = findings.events.filter { $0.kind == .domainStart }
        #expect(restarts.map(\.label) == ["system_u:system_r:svirt_t:s0:c1,c2", nil, "system_u:system_r:svirt_t:s0:c3,c4", nil])
        #expect(correlator.map.openLease(node: shape.node, uuid: a) == nil, "the stale selinux lease was closed")
        #expect(correlator.map.openLease(node: shape.node, uuid: b) == nil)
    }

    @Test func aRestartsVmCtxQuestionMarkEndsTheStaleLeaseEvenWhenTheStartIsReadByALaterRun() throws {
        // The model records are remembered in memory only; the lease map is stored. A run that
        // ends between the records and the start (a watch restart, a rotated file ingested
        // later) must still not judge the restart by the lifetime before's label.
        var log = PostureLog()
        log.start("g", a, selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        log.machineID("g", a, model: "selinux", vmContext: "?", imageContext: "?")
        log.machineID("g", a, model: "dac", vmContext: "+107:+107", imageContext: "+107:+107")
        var first = Correlator()
        _ = try correlate(log, correlator: &first)
        var rest = PostureLog()
        rest.seconds = log.seconds
        rest.serial = log.serial
        rest.control("start", "g", a, pid: 1001)
        var second = Correlator(map: first.map)
        let events = posture(try correlate(rest, correlator: &second))
        #expect(events.map(\.kind) == [.unconfinedGuest])
    }

    @Test func aRestartWithoutAnyRecordKeepsItsLease() throws {
        // No record at all (filtered out, lost): nothing says the label changed.
        var log = PostureLog()
        log.start("g", a, selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        log.control("start", "g", a, pid: 1001)
        var correlator = Correlator()
        #expect(posture(try correlate(log, correlator: &correlator)).isEmpty)
        #expect(correlator.map.openLease(node: nil, uuid: a)?.label == "system_u:system_r:svirt_t:s0:c1,c2")
    }

    @Test func aSingleLevelOfManyCategoriesIsWeak() throws {
        var log = PostureLog()
        log.start("victim", b, selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        log.start("all", a, selinux: PostureLog.svirt("s0:c0.c1023"), pid: 2000)
        log.start("three", c, selinux: PostureLog.svirt("s0:c1,c2,c3"), pid: 3000)
        let events = posture(try correlate(log))
        #expect(events.map(\.kind) == [.weakLabel, .weakLabel])
        #expect(events.map(\.vm) == ["all", "three"])
        #expect(detail(events[0], "dominates_vms") == .strings(["victim"]))
        #expect(detail(events[1], "dominates_vms") == .strings(["victim"]), "c1,c2,c3 holds victim's pair")
        #expect(text(events[0], "how").contains("1024 categories"))
    }

    // MARK: status XML

    func entries(_ documents: [(String, String)], node: String? = nil) throws -> [StateFolder.Entry] {
        try documents.map { StateFolder.Entry(node: node, status: try DomainStatusParser.parse(data: Data($0.1.utf8), file: $0.0)) }
    }

    @Test func statusXMLWithoutAnSELinuxSeclabelOrWithTypeNoneIsUnconfined() throws {
        var correlator = Correlator()
        let findings = correlator.bootstrap(try entries([
            ("none.xml", PostureLog.status(name: "none", uuid: a, pid: 10, seclabel: "<seclabel type='none' model='selinux'/>")),
            ("absent.xml", PostureLog.status(name: "absent", uuid: b, pid: 11, seclabel: nil)),
            ("fine.xml", PostureLog.status(name: "fine", uuid: c, pid: 12,
                                           seclabel: PostureLog.seclabel(label: PostureLog.svirt("s0:c1,c2").vm,
                                                                         image: PostureLog.svirt("s0:c1,c2").image))),
        ], node: "hv1"))
        let events = posture(findings)
        #expect(events.map(\.kind) == [.unconfinedGuest, .unconfinedGuest])
        #expect(events.map(\.vm) == ["none", "absent"])
        #expect(text(events[0], "how").contains("type='none'"))
        #expect(text(events[1], "how").contains("no selinux <seclabel>"))
        #expect(text(events[0], "status_file") == "none.xml")
        #expect(events.allSatisfy { $0.node == "hv1" && $0.timeMilliseconds == nil && $0.id == nil })
        #expect(findings.events.filter { $0.kind == .domainStart }.count == 3)
    }

    @Test func aGuestFoundByALaterLookIsJudgedAtThatTimeEachLifetimeApart() throws {
        // watch's refresh: the posture events carry the time the lease starts from, so that
        // `query posture` counts them and a second lifetime gets its own alert id (not status:UUID).
        var correlator = Correlator()
        let bare = try entries([("bare.xml", PostureLog.status(name: "bare", uuid: a, pid: 10, seclabel: nil))])
        let first = posture(correlator.refresh(bare, at: EventPosition(timeMilliseconds: 5_000, serial: 7)))
        #expect(first.map(\.kind) == [.unconfinedGuest])
        #expect(first.allSatisfy { $0.timeMilliseconds == 5_000 && $0.id == nil })
        var log = PostureLog()
        log.control("stop", "bare", a)
        _ = try correlate(log, correlator: &correlator)
        let second = posture(correlator.refresh(bare, at: EventPosition(timeMilliseconds: 9_000, serial: 8)))
        #expect(second.map(\.timeMilliseconds) == [9_000])
    }

    @Test func aDiskListedManyTimesInStatusXMLIsOneEventAndQuick() throws {
        let copies = String(repeating: PostureLog.diskXML(type: "block", source: "/dev/sdb"), count: 20_000)
        var correlator = Correlator()
        let started = Date()
        let events = posture(correlator.bootstrap(try entries([
            ("many.xml", PostureLog.status(name: "many", uuid: a, pid: 10,
                                           seclabel: PostureLog.seclabel(label: PostureLog.svirt("s0:c1,c2").vm,
                                                                         image: PostureLog.svirt("s0:c1,c2").image),
                                           disks: copies + PostureLog.diskXML(type: "block", source: "/dev/sdb", readonly: true))),
        ])))
        #expect(events.map(\.kind) == [.wholeDisk])
        #expect(Date().timeIntervalSince(started) < 5, "no quadratic pass over repeated disks")
    }

    @Test func statusXMLWeakWholeDiskAndShareable() throws {
        let shared = PostureLog.diskXML(type: "file", source: "/var/lib/libvirt/images/cluster.img", shareable: true)
        var correlator = Correlator()
        let findings = correlator.bootstrap(try entries([
            ("wide.xml", PostureLog.status(name: "wide", uuid: a, pid: 10,
                                           seclabel: PostureLog.seclabel(type: "static", label: "system_u:system_r:svirt_t:s0-s0:c0.c1023", image: nil),
                                           disks: PostureLog.diskXML(type: "block", source: "/dev/sdc")
                                               + PostureLog.diskXML(type: "block", source: "/dev/sdd", readonly: true)
                                               + PostureLog.diskXML(type: "block", source: "/dev/mapper/vg-x"))),
            ("one.xml", PostureLog.status(name: "one", uuid: b, pid: 11,
                                          seclabel: PostureLog.seclabel(label: PostureLog.svirt("s0:c1,c2").vm, image: PostureLog.svirt("s0:c1,c2").image),
                                          disks: shared)),
            ("two.xml", PostureLog.status(name: "two", uuid: c, pid: 12,
                                          seclabel: PostureLog.seclabel(label: PostureLog.svirt("s0:c3,c4").vm, image: PostureLog.svirt("s0:c3,c4").image),
                                          disks: shared)),
        ]))
        let events = posture(findings)
        #expect(events.map(\.kind) == [.weakLabel, .wholeDisk, .sharedWritable, .sharedWritable])
        #expect(detail(events[0], "dominates_vms") == .strings(["one", "two"]))
        #expect(text(events[1], "disk") == "/dev/sdc", "a read-only whole disk and a mapper name are not flagged")
        #expect(detail(events[2], "shared_with_vms") == .strings(["two"]))
        #expect(detail(events[3], "shared_with_vms") == .strings(["one"]))
    }

    @Test func theParserReadsDiskTypesAndFlags() throws {
        let status = try DomainStatusParser.parse(data: Data(PostureLog.status(
            name: "x", uuid: a, pid: 1, seclabel: nil,
            disks: PostureLog.diskXML(type: "block", source: "/dev/sdb", shareable: true, readonly: true)).utf8), file: "x.xml")
        #expect(status.diskDetails == [.init(type: "block", device: "disk", source: "/dev/sdb", shareable: true, readonly: true)])
        #expect(status.disks == ["/dev/sdb"])
    }
}
