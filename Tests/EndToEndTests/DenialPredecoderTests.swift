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

    /// Events keyed among `count` events of these variants, in order.
    static func keyedCount(_ variants: [Int], _ decoder: inout DenialPredecoder, serial: inout Int) -> Int {
        variants.filter { variant in
            serial += 1
            return keyed(denial(serial: serial, variant: variant), &decoder)
        }.count
    }

    @Test func distinctDenialsStopBeingKeyedAndAFloodIsKeyedFromTheNextWindow() {
        var decoder = DenialPredecoder()
        var serial = 0
        let window = DenialPredecoder.window
        // A log begins keyed, for one window.
        #expect(Self.keyedCount(Array(1_000_000..<(1_000_000 + window)), &decoder, serial: &serial) == window)
        #expect(!decoder.isKeying)
        // Denials that all differ: none keyed.
        #expect(Self.keyedCount(Array(2_000_000..<(2_000_000 + 10 * window)), &decoder, serial: &serial) == 0)
        // A flood of one text: keyed from the window after the one it began in.
        let flood = Self.keyedCount(Array(repeating: 7, count: 3 * window), &decoder, serial: &serial)
        #expect(flood == 2 * window, "keyed \(flood) of \(3 * window) flood events")
        #expect(decoder.isKeying)
        // Back to distinct denials: keying stops after one window.
        #expect(Self.keyedCount(Array(3_000_000..<(3_000_000 + 3 * window)), &decoder, serial: &serial) == window)
    }

    /// Texts that repeat only a few times each, 100 events apart, still make events keyed: a rule
    /// that keyed one event in 32 while resting never woke for them (helper-92).
    @Test func sparseRepeatsAreKeyed() {
        var decoder = DenialPredecoder()
        var serial = 0
        _ = Self.keyedCount(Array(1_000_000..<(1_000_000 + 2 * DenialPredecoder.window)), &decoder, serial: &serial)
        #expect(!decoder.isKeying)
        // 100 texts, each logged 5 times, one after another: 4 of every 5 events repeat.
        let blocks = (0..<5).flatMap { _ in Array(500..<600) }
        let keyed = Self.keyedCount(blocks, &decoder, serial: &serial)
        #expect(keyed >= blocks.count - 2 * DenialPredecoder.window, "keyed \(keyed) of \(blocks.count)")
    }

    /// A rate of repeats below the threshold (the denial-dense log has 1 %) keys next to nothing.
    @Test func rareRepeatsAreNotKeyed() {
        var decoder = DenialPredecoder()
        var serial = 0
        // One repeat in 100 events.
        let variants = (0..<6400).map { $0 % 100 == 99 ? 4_000_000 + $0 - 50 : 4_000_000 + $0 }
        let keyed = Self.keyedCount(variants, &decoder, serial: &serial)
        #expect(keyed <= 2 * DenialPredecoder.window, "keyed \(keyed) of \(variants.count)")
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
