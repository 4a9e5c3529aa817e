import Testing
@testable import Findings
import Guests

/// "No guest held it" (unknown-source, unknown-target) only where lease data is complete; elsewhere
/// "we cannot know" (unattributed).
@Suite struct CoverageTests {
    let a = "aaaaaaaa-0000-0000-0000-000000000001"
    let b = "bbbbbbbb-0000-0000-0000-000000000002"
    let c = "cccccccc-0000-0000-0000-000000000003"

    func svirt(_ level: String) -> String { "system_u:system_r:svirt_t:\(level)" }
    func image(_ level: String) -> String { "system_u:object_r:svirt_image_t:\(level)" }

    var marks: (([Finding]) -> [CoverageMark]) {
        { $0.compactMap { if case .coverage(let m) = $0 { return m } else { return nil } } }
    }

    @Test func withoutBootOrStatusXMLAnUnknownLabelIsUnattributed() throws {
        var log = LogBuilder()
        log.start("victim", c, level: "s0:c7,c8", pid: 3000)
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        log.avc(pid: 3000, scontext: svirt("s0:c7,c8"), tcontext: image("s0:c3,c4"))
        let denials = try log.correlate().denials
        #expect(denials.map(\.kind) == [.unattributed, .unattributed])
        #expect(denials[0].reason?.contains("no SYSTEM_BOOT and no status XML for node -") == true)
        #expect(denials[0].targets.map(\.name) == ["victim"], "the known side is still resolved")
    }

    @Test func aBootInsideTheLogCompletesLeaseDataFromThereOn() throws {
        var log = LogBuilder()
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        log.boot()
        log.start("victim", c, level: "s0:c7,c8", pid: 3000)
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        log.avc(pid: 3000, scontext: svirt("s0:c7,c8"), tcontext: image("s0:c3,c4"))
        let findings = try log.correlate()
        #expect(findings.denials.map(\.kind) == [.unattributed, .unknownSource, .unknownTarget])
        #expect(findings.denials.map { $0.reason == nil } == [false, true, true])
        #expect(marks(findings).map(\.kind) == [.systemBoot])
    }

    @Test func noGuestSurvivesABoot() throws {
        var log = LogBuilder()
        log.start("victim", c, level: "s0:c7,c8", pid: 3000)
        log.boot()
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        let findings = try log.correlate()
        #expect(findings.denials.map(\.kind) == [.unknownSource])
        #expect(findings.denials.first?.targets.isEmpty == true, "the victim's lease ended at the boot")
    }

    /// Any process with CAP_AUDIT_WRITE can send a SYSTEM_BOOT record; only the kernel's own
    /// fields (uid, subj) and a success are believed, else the forged boot would end every lease.
    @Test(arguments: [
        "subj=system_u:system_r:container_t:s0:c1,c2 msg=' comm=\"x\" exe=\"/usr/bin/x\" hostname=? addr=? terminal=? res=success'",
        "subj=system_u:system_r:init_t:s0 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=failed'",
    ])
    func aBootFromAnythingButInitChangesNothing(tail: String) throws {
        var log = LogBuilder()
        log.boot()
        log.start("victim", c, level: "s0:c7,c8", pid: 3000)
        log.start("attacker", "22222222-0000-4000-8000-000000000002", level: "s0:c1,c2", pid: 1000)
        log.raw("type=SYSTEM_BOOT msg=audit(\(log.stamp())): pid=5555 uid=0 auid=4294967295 ses=4294967295 \(tail)")
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        let findings = try log.correlate()
        #expect(findings.denials.map(\.kind) == [.crossGuest], "the leases outlive a boot that init did not log")
        #expect(marks(findings).count == 1, "only the real boot is a mark")
        #expect(findings.issues.contains { $0.reason.contains("SYSTEM_BOOT ignored") })
    }

    @Test func aBootOnOneNodeSaysNothingAboutAnother() throws {
        var log = LogBuilder()
        log.boot(node: "hv1")
        for node in ["hv1", "hv2"] {
            log.raw("node=\(node) " + avcLine(&log, pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8")))
        }
        let denials = try log.correlate().denials
        #expect(denials.map(\.id.node) == ["hv1", "hv2"])
        #expect(denials.map(\.kind) == [.unknownSource, .unattributed])
        #expect(denials[1].reason?.contains("node hv2") == true)
    }

    @Test func theNumericAndEnrichedSpellingsOfSystemBootCount() throws {
        var log = LogBuilder()
        log.raw("type=1127 msg=audit(\(log.stamp())): pid=612 uid=0 auid=4294967295 ses=4294967295 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'")
        log.raw("node=hv2 type=SYSTEM_BOOT msg=audit(\(log.stamp())): pid=612 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'\u{1d}UID=\"root\" AUID=\"unset\"")
        let findings = try log.correlate()
        #expect(marks(findings).map(\.node) == [nil, "hv2"])
        #expect(marks(findings).allSatisfy { $0.kind == .systemBoot })
    }

    @Test func aStatusXMLSnapshotCompletesLeaseData() throws {
        var correlator = Correlator()
        _ = correlator.snapshotCoverage(nodes: [nil], at: nil)
        var log = LogBuilder()
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        #expect(try log.correlate(&correlator).denials.map(\.kind) == [.unknownSource])
    }

    @Test func theStopOfAnUnseenGuestEndsAnIntervalOfIncompleteData() throws {
        var correlator = Correlator()
        _ = correlator.snapshotCoverage(nodes: [nil], at: nil)
        var log = LogBuilder()
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        log.control("stop", "ghost", a)
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        let findings = try log.correlate(&correlator)
        // Judged before the stop arrived: the store moves it when the stop comes.
        #expect(findings.denials.map(\.kind) == [.unknownSource, .unknownSource])
        let stop = try #require(marks(findings).first)
        #expect(stop.kind == .unseenStop && stop.vm == "ghost" && stop.uuid == a && stop.gapStart == .nodeStart)
        // A denial of the interval that arrives late is judged with what is known now.
        let before = EventPosition(timeMilliseconds: try #require(findings.denials.first).id.timeMilliseconds, serial: 1)
        #expect(correlator.coverage.gap(node: nil, at: before)?.contains("guest ghost (\(a))") == true)
        #expect(correlator.coverage.gap(node: nil, at: try #require(stop.position)) == nil)
    }

    @Test func anUnseenStopAfterABootReachesBackOnlyToTheBoot() throws {
        var log = LogBuilder()
        log.boot()
        log.control("stop", "ghost", a)
        let findings = try log.correlate()
        let boot = try #require(marks(findings).first?.position)
        #expect(marks(findings).last?.gapStart == .at(boot))
    }

    @Test func stopsOfKnownGuestsAFailedStartAndARepeatedStopAreNotUnseen() throws {
        var log = LogBuilder()
        log.boot()
        log.start("alpha", a, level: "s0:c1,c2", pid: 1000)
        log.control("stop", "alpha", a)
        log.control("stop", "alpha", a)
        log.machineID("beta", b, level: "s0:c3,c4")
        log.control("start", "beta", b, res: "failed")
        log.control("stop", "beta", b)
        let findings = try log.correlate()
        #expect(marks(findings).map(\.kind) == [.systemBoot])
    }

    @Test func aStopWithoutAnyAnchorIsRecordedButChangesNothing() throws {
        var log = LogBuilder()
        log.control("stop", "ghost", a)
        let stop = try #require(marks(try log.correlate()).first)
        #expect(stop.kind == .unseenStop && stop.gapStart == nil)
    }

    @Test func aSnapshotAtALaterPositionCompletesDataFromThereOn() {
        var coverage = Coverage()
        let p = { (t: Int64) in EventPosition(timeMilliseconds: t, serial: t) }
        coverage.add(CoverageMark(node: "hv1", position: p(100), kind: .statusXML))
        #expect(coverage.gap(node: "hv1", at: p(50)) != nil)
        #expect(coverage.gap(node: "hv1", at: p(150)) == nil)
        coverage.add(CoverageMark(node: "hv1", position: p(300), kind: .unseenStop, vm: "g", uuid: a,
                                  gapStart: coverage.lastAnchor(node: "hv1", atOrBefore: p(300))))
        coverage.add(CoverageMark(node: "hv1", position: p(400), kind: .statusXML))
        #expect(coverage.gap(node: "hv1", at: p(150)) != nil)
        #expect(coverage.gap(node: "hv1", at: p(300)) == nil)
        #expect(coverage.gap(node: "hv1", at: p(450)) == nil)
        #expect(coverage.lastAnchor(node: "hv1", atOrBefore: p(350)) == .at(p(100)))
    }

    /// An unseen guest's stop placed in a clock step moves with the step when a held event of
    /// before it moves it, as the step's leases do: left at the old axis, it seemed to come before
    /// the step's denials placed after the move, and their gap went unsaid.
    @Test func anUnseenStopInAStepMovesWithIt() {
        var coverage = Coverage()
        coverage.add(CoverageMark(node: "hv1", position: nil, kind: .statusXML))
        let stop = EventPosition(timeMilliseconds: 400_000, serial: 200, placedAt: 1_000_000)
        coverage.add(CoverageMark(node: "hv1", position: stop, kind: .unseenStop, vm: "g", uuid: a, gapStart: .nodeStart))
        // A denial of the step logged before the stop, judged after the step moved up to 1_000_800.
        let denial = EventPosition(timeMilliseconds: 399_000, serial: 190, placedAt: 1_000_800)
        #expect(coverage.gap(node: "hv1", at: denial) == nil)
        let move = ClockStepPlacer.AxisMove(node: "hv1", from: 1_000_000, to: 1_000_800)
        coverage.move(move)
        #expect(coverage.gap(node: "hv1", at: denial) != nil)
        // Another node's marks stay.
        coverage.add(CoverageMark(node: "hv2", position: nil, kind: .statusXML))
        coverage.add(CoverageMark(node: "hv2", position: stop, kind: .unseenStop, vm: "g", uuid: a, gapStart: .nodeStart))
        coverage.move(ClockStepPlacer.AxisMove(node: "hv1", from: 1_000_800, to: 1_000_900))
        #expect(coverage.gap(node: "hv2", at: denial) == nil)
    }

    /// One AVC line (no context records) with the builder's next stamp.
    private func avcLine(_ log: inout LogBuilder, pid: Int64, scontext: String, tcontext: String) -> String {
        "type=AVC msg=audit(\(log.stamp())): avc:  denied  { read } for  pid=\(pid) comm=\"qemu-kvm\" name=\"x.qcow2\" dev=\"dm-0\" ino=42 scontext=\(scontext) tcontext=\(tcontext) tclass=file permissive=0"
    }
}
