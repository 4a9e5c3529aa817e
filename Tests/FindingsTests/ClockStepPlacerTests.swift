import AuditStream
@testable import Findings
import Guests
import Testing

/// Where `ClockStepPlacer` puts events: by their stamps, until the clock steps back within one
/// source; then by serial after the newest event logged ahead of the step.
@Suite struct ClockStepPlacerTests {
    static func id(_ milliseconds: Int64, _ serial: Int64, node: String? = nil) -> AuditEventID {
        AuditEventID(node: node, seconds: milliseconds / 1000, milliseconds: Int(milliseconds % 1000), serial: serial)
    }

    @Test func eventsInOrderKeepTheirStamps() {
        var placer = ClockStepPlacer()
        for (time, serial) in [(1_000_000, 10), (1_000_000, 11), (1_000_500, 12), (1_003_000, 13)] as [(Int64, Int64)] {
            let (position, stepped) = placer.place(Self.id(time, serial), source: "a")
            #expect(position == EventPosition(timeMilliseconds: time, serial: serial) && !stepped)
        }
        #expect(placer.stepCount == 0 && placer.placedEvents == 0)
    }

    @Test func aStepBackIsPlacedAfterTheNewestEventUntilTheClockPassesIt() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 10), source: "a")
        let newest = placer.place(Self.id(1_100_000, 20), source: "a").position
        // 120 s back: after the newest by serial, its stamp kept.
        #expect(placer.startedStep == nil)
        let (first, stepped) = placer.place(Self.id(980_000, 21), source: "a")
        #expect(stepped && first.timeMilliseconds == 980_000 && first.axisMilliseconds == 1_100_000)
        #expect(first > newest)
        // The step is told once, with its first event: what the store keeps as a clock-step event.
        #expect(placer.startedStep == ClockStepPlacer.Step(node: nil, source: "a", firstStamp: 980_000, firstSerial: 21,
                                                           newestBefore: 1_100_000))
        // Within a second of the newest, still in the step: a stamp kept there would go before `first`.
        let near = placer.place(Self.id(1_099_500, 22), source: "a")
        #expect(near.stepped && near.position > first && placer.startedStep == nil)
        // A record the kernel finished late, from before the step (a lower serial), keeps its stamp.
        let late = placer.place(Self.id(1_050_000, 19), source: "a")
        #expect(!late.stepped && late.position == EventPosition(timeMilliseconds: 1_050_000, serial: 19))
        // The clock passes the newest: stamps again.
        let caughtUp = placer.place(Self.id(1_100_001, 23), source: "a")
        #expect(!caughtUp.stepped && caughtUp.position == EventPosition(timeMilliseconds: 1_100_001, serial: 23))
        #expect(caughtUp.position > near.position)
        #expect(placer.stepCount == 1 && placer.placedEvents == 2)
        #expect(placer.steps.first == ClockStepPlacer.Step(node: nil, source: "a", firstStamp: 980_000, firstSerial: 21,
                                             newestBefore: 1_100_000, events: 2))
        // A second step is another one.
        _ = placer.place(Self.id(1_000_000, 24), source: "a")
        #expect(placer.stepCount == 2 && placer.steps.count == 2)
    }

    @Test func aStampLessThanTwoSecondsBehindIsKept() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 10), source: "a")
        let (position, stepped) = placer.place(Self.id(998_500, 11), source: "a")
        #expect(!stepped && position == EventPosition(timeMilliseconds: 998_500, serial: 11))
        #expect(placer.stepCount == 0)
    }

    /// The reader holds an AVC without context records until a record 2 s newer comes: one of the
    /// overlap may reach the placer after the stamps passed the newest. Its serial says it is of
    /// the step, and it is placed with it, after the guest starts placed there (helper-98).
    @Test func anEventOfTheOverlapThatComesAfterTheStepEndedIsPlacedWithIt() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_100_000, 20), source: "a")
        let start = placer.place(Self.id(1_090_000, 21), source: "a").position
        _ = placer.place(Self.id(1_100_500, 23), source: "a")
        let straggler = placer.place(Self.id(1_099_000, 22), source: "a")
        #expect(straggler.stepped && straggler.position > start)
        #expect(straggler.position.axisMilliseconds == 1_100_000)
        // One from before the step keeps its stamp; so does one after the event that ended it.
        #expect(!placer.place(Self.id(1_099_900, 19), source: "a").stepped)
        #expect(!placer.place(Self.id(1_100_400, 24), source: "a").stepped)
        #expect(placer.stepCount == 1 && placer.placedEvents == 2 && placer.steps.first?.events == 2)
    }

    /// Serials start over at a boot: an older stamp with a much lower serial is a new boot's (a
    /// clock set wrong by the firmware), never placed after the last boot's events, and the
    /// node starts over from it.
    @Test func aRebootStartsTheNodeOver() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 500_000), source: "a")
        let boot = placer.place(Self.id(900_000, 3), source: "a")
        #expect(!boot.stepped && boot.position.axisMilliseconds == 900_000)
        // The new boot's serials pass nothing of the old one's: its later events keep their stamps.
        let next = placer.place(Self.id(900_100, 4), source: "a")
        #expect(!next.stepped && next.position == EventPosition(timeMilliseconds: 900_100, serial: 4))
        // A short boot before: a serial below half the newest is a new boot's too.
        var short = ClockStepPlacer()
        _ = short.place(Self.id(1_000_000, 5_000), source: "a")
        _ = short.place(Self.id(900_000, 1_000), source: "a")
        #expect(!short.place(Self.id(900_200, 6_000), source: "a").stepped)
    }

    /// An AVC without context records (syscall auditing off, RHEL's default `-a task,never`) is
    /// held by the reader until a record 2 s newer comes; logged just before the step, it comes
    /// only at the end of the overlap, stamped after the newest event seen before the step. It
    /// stays before the step's events, which move up to it, and does not end the step (helper-98).
    @Test func anEventOfBeforeTheStepThatComesLateMovesTheStepUpToIt() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 100), source: "a")
        let start = placer.place(Self.id(400_000, 200), source: "a")
        #expect(start.stepped && start.position.axisMilliseconds == 1_000_000 && placer.axisMove == nil)
        let held = placer.place(Self.id(1_000_800, 150), source: "a")
        #expect(!held.stepped && held.position == EventPosition(timeMilliseconds: 1_000_800, serial: 150))
        #expect(placer.axisMove == ClockStepPlacer.AxisMove(node: nil, from: 1_000_000, to: 1_000_800))
        #expect(placer.axisMove?.apply(start.position) == EventPosition(timeMilliseconds: 400_000, serial: 200, placedAt: 1_000_800))
        // The step goes on: a later event of the overlap is placed after the moved start.
        let denial = placer.place(Self.id(405_000, 210), source: "a")
        #expect(denial.stepped && denial.position > held.position)
        #expect(denial.position > EventPosition(timeMilliseconds: 400_000, serial: 200, placedAt: 1_000_800))
        #expect(placer.axisMove == nil && placer.stepCount == 1 && placer.steps.first?.newestBefore == 1_000_800)
    }

    /// ausearch sorts the events it held before a step in among the overlap's by stamp, so a held
    /// one that moved the step is followed by others of its own millisecond. Those are the next
    /// serials of that moment, not the clock passing the newest: taken for that, they ended the
    /// step at once, and the overlap's AVCs the reader let go later kept their stamps, before the
    /// step's guest starts (helper-102: 43 denials of `ausearch --raw` output went unattributed).
    @Test func heldEventsOfOneMomentDoNotEndTheStep() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 100), source: "a")
        let start = placer.place(Self.id(400_000, 200), source: "a")
        #expect(start.stepped)
        _ = placer.place(Self.id(1_000_800, 150), source: "a")
        #expect(placer.axisMove?.to == 1_000_800)
        let sameMoment = placer.place(Self.id(1_000_800, 151), source: "a")
        #expect(!sameMoment.stepped && placer.axisMove == nil)
        let overlap = placer.place(Self.id(405_000, 210), source: "a")
        #expect(overlap.stepped && overlap.position.axisMilliseconds == 1_000_800)
        // The clock passes the newest; an AVC of the overlap let go after that is placed with it.
        _ = placer.place(Self.id(1_001_000, 300), source: "a")
        let straggler = placer.place(Self.id(420_000, 250), source: "a")
        #expect(straggler.stepped && straggler.position.axisMilliseconds == 1_000_800)
        #expect(placer.stepCount == 1)
    }

    /// ausearch prints an event it held before the step (an AVC without context records) by its
    /// stamp: after the stamps passed the newest the placer saw before the step, so after the step
    /// ended. Its serial says it was logged before the step's events: it goes just before them,
    /// not after (48 of 4,547 denials of a generated log went unknown-source so).
    @Test func anEventOfBeforeTheStepThatComesAfterItEndedGoesBeforeIt() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 100), source: "a")
        let start = placer.place(Self.id(400_000, 200), source: "a")
        let passed = placer.place(Self.id(1_000_500, 300), source: "a")
        #expect(start.stepped && !passed.stepped)
        let held = placer.place(Self.id(1_000_700, 150), source: "a")
        #expect(held.stepped && held.position.axisMilliseconds == 1_000_000)
        #expect(held.position < start.position && start.position < passed.position)
        // Not the events after the step, nor a new boot's, nor one stamped before the newest.
        let later = placer.place(Self.id(1_000_900, 301), source: "a")
        #expect(!later.stepped && later.position == EventPosition(timeMilliseconds: 1_000_900, serial: 301))
        let reboot = placer.place(Self.id(1_001_000, 5), source: "a")
        #expect(!reboot.stepped && reboot.position == EventPosition(timeMilliseconds: 1_001_000, serial: 5))
        #expect(placer.stepCount == 1)
    }

    /// Only the few seconds ausearch holds an event for: a lower serial stamped later than that is
    /// another host's line in a stream without node= (5 s apart, helper-103), left at its stamp.
    @Test func onlyEventsStampedWithinTheHoldingAfterTheStepGoBeforeIt() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 100), source: "a")
        _ = placer.place(Self.id(400_000, 200), source: "a")
        _ = placer.place(Self.id(1_000_500, 300), source: "a")
        let held = placer.place(Self.id(1_000_000 + ClockStepPlacer.heldStamps, 150), source: "a")
        #expect(held.stepped && held.position.axisMilliseconds == 1_000_000)
        let other = placer.place(Self.id(1_000_001 + ClockStepPlacer.heldStamps, 151), source: "a")
        #expect(!other.stepped && other.position == EventPosition(timeMilliseconds: 1_000_001 + ClockStepPlacer.heldStamps, serial: 151))
    }

    /// A new boot forgets the last boot's step: its serials start over low, below that step's
    /// first, and its first events were pulled back to the old step's time (helper-103: 447 of
    /// 9,976 denials of a log spanning a reboot named the old boot's guests).
    @Test func aRebootForgetsTheStepBeforeIt() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 6_000), source: "a")
        _ = placer.place(Self.id(940_000, 6_001), source: "a")
        _ = placer.place(Self.id(1_000_500, 6_100), source: "a")
        // Boot 2 a second later (a log of the step's stamps), its serials from 160.
        let boot = placer.place(Self.id(1_001_000, 160), source: "a")
        #expect(!boot.stepped)
        let next = placer.place(Self.id(1_001_500, 161), source: "a")
        #expect(!next.stepped && next.position == EventPosition(timeMilliseconds: 1_001_500, serial: 161))
    }

    /// Only events logged shortly before the step move it, and only so often: past that, moving
    /// the step's leases for each event cost a pass over the timeline per event (helper-99: a
    /// crafted reboot log took 47.7 s against 2.4 s).
    @Test func heldEventsMoveAStepBoundedly() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 100), source: "a")
        _ = placer.place(Self.id(400_000, 50_000), source: "a")
        // Far below the step's first serial: not an event held just before it.
        _ = placer.place(Self.id(1_000_500, 150), source: "a")
        #expect(placer.axisMove == nil)
        var moves = 0
        for k in 0..<1_000 {
            _ = placer.place(Self.id(1_001_000 + Int64(k), 45_000 + Int64(k)), source: "a")
            if placer.axisMove != nil { moves += 1 }
        }
        #expect(moves == ClockStepPlacer.maximumMoves)
    }

    /// The files of one rotated set are one stream, read oldest first, however many serials the
    /// events the correlator never sees took between them; another file may be an older log read
    /// later, whose serials say nothing about this one's; each node has its own clock.
    @Test func oneStreamIsOneSourceOrOneRotatedSetOfOneNode() {
        var rotated = ClockStepPlacer()
        _ = rotated.place(Self.id(1_000_000, 10_000), source: "/var/log/audit/audit.log.2")
        #expect(rotated.place(Self.id(940_000, 10_001), source: "/var/log/audit/audit.log.2").stepped)
        #expect(rotated.place(Self.id(940_500, 25_000), source: "/var/log/audit/audit.log.1").stepped)
        #expect(rotated.place(Self.id(941_000, 40_000), source: "/var/log/audit/audit.log").stepped)
        #expect(rotated.stepCount == 1 && rotated.placedEvents == 3)

        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 10_000), source: "/var/log/audit/audit.log")
        #expect(!placer.place(Self.id(800_000, 10_001), source: "/srv/other/audit.log").stepped)
        _ = placer.place(Self.id(1_000_000, 10_000), source: "/var/log/audit/audit.log")
        #expect(!placer.place(Self.id(800_000, 10_001), source: "yesterday.txt").stepped)
        _ = placer.place(Self.id(1_000_000, 10, node: "hv01"), source: "c")
        #expect(!placer.place(Self.id(800_000, 11, node: "hv02"), source: "c").stepped)
        #expect(placer.place(Self.id(800_000, 11, node: "hv01"), source: "c").stepped)
        #expect(placer.steps.map(\.node) == ["hv01"])
    }

    /// Lines of other times pasted together (a bug report, documentation) go back years, not an
    /// NTP step's seconds or hours: more than a day back starts the node over from there.
    @Test func moreThanADayBackIsAnotherStretchNotAStep() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_600_000_000_000, 500), source: "a")
        let pasted = placer.place(Self.id(1_500_000_000_000, 600), source: "a")
        #expect(!pasted.stepped && pasted.position == EventPosition(timeMilliseconds: 1_500_000_000_000, serial: 600))
        // The stretch goes on from the pasted line, and a step inside it is one.
        #expect(!placer.place(Self.id(1_500_000_010_000, 601), source: "a").stepped)
        #expect(placer.place(Self.id(1_500_000_000_500, 602), source: "a").stepped)
        #expect(placer.stepCount == 1)
    }

    /// A crafted log may step on every other line: counted, the first few kept.
    @Test func stepsKeptAreBounded() {
        var placer = ClockStepPlacer()
        var serial: Int64 = 1
        for round in 0..<100 {
            let base = Int64(1_000_000 + round * 10_000)
            _ = placer.place(Self.id(base + 5_000, serial), source: "a")
            _ = placer.place(Self.id(base, serial + 1), source: "a")
            serial += 2
        }
        #expect(placer.stepCount == 100 && placer.placedEvents == 100)
        #expect(placer.steps.count <= 16)
    }

    /// Stamps that equal axis times are equal positions, whichever way they were made.
    @Test func aPositionPlacedAtItsOwnStampIsThePlainOne() {
        let plain = EventPosition(timeMilliseconds: 5, serial: 1)
        #expect(EventPosition(timeMilliseconds: 5, serial: 1, placedAt: 5) == plain)
        #expect(EventPosition(timeMilliseconds: 5, serial: 1, placedAt: 9) != plain)
        #expect(EventPosition(timeMilliseconds: 5, serial: 1, placedAt: 9) > EventPosition(timeMilliseconds: 8, serial: 100))
    }
}
