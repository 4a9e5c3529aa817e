import AuditStream
import Findings
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
        let (first, stepped) = placer.place(Self.id(980_000, 21), source: "a")
        #expect(stepped && first.timeMilliseconds == 980_000 && first.axisMilliseconds == 1_100_000)
        #expect(first > newest)
        // Within a second of the newest, still in the step: a stamp kept there would go before `first`.
        let near = placer.place(Self.id(1_099_500, 22), source: "a")
        #expect(near.stepped && near.position > first)
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

    @Test func aStampLessThanASecondBehindIsKept() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 10), source: "a")
        let (position, stepped) = placer.place(Self.id(999_200, 11), source: "a")
        #expect(!stepped && position == EventPosition(timeMilliseconds: 999_200, serial: 11))
        #expect(placer.stepCount == 0)
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

    /// Another file may be an older log read later, whose serials say nothing about this one's;
    /// the next file of a rotation goes on from the last one's serials; and each node has its own
    /// clock.
    @Test func onlyOneStreamOfOneNodeIsCompared() {
        var placer = ClockStepPlacer()
        _ = placer.place(Self.id(1_000_000, 10_000), source: "audit.log")
        // An older log of this boot (a file's worth of serials lower), or of another boot.
        #expect(!placer.place(Self.id(800_000, 7_000), source: "audit.log.1").stepped)
        _ = placer.place(Self.id(1_000_000, 10_000), source: "audit.log")
        #expect(!placer.place(Self.id(800_000, 50_000), source: "audit.log.2").stepped)
        // The next file of a rotation, in the overlap of a step.
        var rotated = ClockStepPlacer()
        _ = rotated.place(Self.id(1_000_000, 10_000), source: "audit.log.1")
        #expect(rotated.place(Self.id(940_000, 10_001), source: "audit.log.1").stepped)
        #expect(rotated.place(Self.id(940_500, 10_003), source: "audit.log").stepped)
        #expect(rotated.stepCount == 1 && rotated.placedEvents == 2)
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
