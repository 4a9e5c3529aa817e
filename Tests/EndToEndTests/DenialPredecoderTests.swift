import AuditStream
import Foundation
import Testing
@testable import Ingest

/// Memo keys rest on a log whose denials all differ, and come back as soon as a flood repeats one.
@Suite struct DenialPredecoderTests {
    /// A denial event; `variant` changes its text (the inode), so distinct variants never repeat.
    static func denial(serial: Int, variant: Int) -> AuditEvent {
        let stamp = "msg=audit(1764000000.\(String(format: "%03d", serial % 1000)):\(serial)): "
        let raw = "type=AVC " + stamp + "avc:  denied  { read } for  pid=4242 comm=\"qemu-kvm\" name=\"b.qcow2\" dev=\"dm-0\" "
            + "ino=\(variant) scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 "
            + "tclass=file permissive=0"
        let record = AuditRecord(type: "AVC", raw: raw, line: serial, fields: [])
        let id = AuditEventID(node: nil, seconds: 1764000000, milliseconds: serial % 1000, serial: Int64(serial))
        return AuditEvent(id: id, records: [record], source: "test", firstLine: serial)
    }

    /// What the reading thread does per event: keyed or not.
    static func keyed(_ event: AuditEvent, _ decoder: inout DenialPredecoder) -> Bool {
        ParsedOutput(.event(event), decoding: &decoder).memoKey != nil
    }

    @Test func distinctDenialsStopBeingKeyedAndAFloodIsKeyedAgainWithinAFewProbes() {
        var decoder = DenialPredecoder()
        var serial = 0
        func next(variant: Int) -> AuditEvent {
            serial += 1
            return Self.denial(serial: serial, variant: variant)
        }
        // Every event keyed until the streak of distinct ones is long enough.
        for k in 0..<DenialPredecoder.restAfterMisses {
            #expect(Self.keyed(next(variant: 1_000_000 + k), &decoder))
        }
        #expect(decoder.isResting)
        // Resting: one event in restingProbeInterval is keyed.
        let distinct = 10 * DenialPredecoder.restingProbeInterval
        let keyedWhileResting = (0..<distinct).filter { Self.keyed(next(variant: 2_000_000 + $0), &decoder) }.count
        #expect(keyedWhileResting == distinct / DenialPredecoder.restingProbeInterval)
        // A flood of one text: the second probe repeats the first, and from then on every event
        // is keyed, so the memo answers the rest.
        var firstAllKeyed: Int?
        for k in 0..<(4 * DenialPredecoder.restingProbeInterval) {
            if Self.keyed(next(variant: 7), &decoder), !decoder.isResting, firstAllKeyed == nil { firstAllKeyed = k }
        }
        let back = try? #require(firstAllKeyed)
        #expect((back ?? .max) <= 2 * DenialPredecoder.restingProbeInterval, "keyed again after \(back ?? -1) flood events")
        #expect(!decoder.isResting)
        #expect((0..<100).allSatisfy { _ in Self.keyed(next(variant: 7), &decoder) })
    }

    /// A repeat keyed and seen lately is left to the memo (not decoded again); a first sight is decoded.
    @Test func aKeyedRepeatIsNotDecodedTwice() {
        var decoder = DenialPredecoder()
        let first = ParsedOutput(.event(Self.denial(serial: 1, variant: 5)), decoding: &decoder)
        let again = ParsedOutput(.event(Self.denial(serial: 2, variant: 5)), decoding: &decoder)
        #expect(first.memoKey != nil && again.memoKey == first.memoKey)
        #expect(first.decoded != nil)
        #expect(again.decoded == nil)
    }
}
