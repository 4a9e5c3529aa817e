import Foundation
import Testing
@testable import AuditStream
import TestSupport

/// A flood of repeated events is decoded from RepeatedEventCache, not auparse: the outputs must be
/// those of auparse whatever the flood carries between its repeats.
@Suite struct RepeatedEventCacheTests {
    /// A flood of cross-guest AVC events over a few label pairs, with an odd event now and then:
    /// different values, hostile values, damaged lines, records auparse rejects, stamps and node
    /// names auparse reads differently, events that interleave, repeat a stamp or never close.
    static func flood(events: Int, seed: UInt64, pairs: Int = 12) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var out: [UInt8] = []
        var serial: Int64 = 9_990
        var seconds: Int64 = 1_764_000_000
        var previousStamp = ""
        var held: [UInt8] = []
        func pad3(_ ms: Int) -> String { String(repeating: "0", count: 3 - String(ms).count) + String(ms) }
        for k in 0..<events {
            serial += 1
            if k % 50 == 0 { seconds += 1 }
            let ms = Int(rng.next() % 1000)
            var stamp = "\(seconds).\(pad3(ms)):\(serial)"
            let pair = k % pairs
            let source = "s0:c\(pair % 8),c\(pair % 8 + 500)"
            let target = "s0:c\((pair / 8 + pair + 1) % 8),c\((pair / 8 + pair + 1) % 8 + 500)"
            var perm = "read"
            var ino = 4242
            var comm = "\"qemu-kvm\""
            var node = ""
            var indent = ""
            var withPath = pair % 3 == 0
            var closed = true
            var avcTail: [UInt8] = []
            var avcType = "AVC"
            var extraPath = false
            var cut: Int?
            var damage: [UInt8]?
            let roll = rng.next() % 1000
            switch roll {
            case 0..<15: perm = "write"
            case 15..<30: ino = 4243 + Int(rng.next() % 3); withPath = true
            case 30..<40: comm = ["2F746D702F7820792022", "\"a'b\"", "(null)", "?", "\"\"", "\"x\\x1dUID=root\""][Int(rng.next() % 6)]
            case 40..<48: avcTail = [0x1D] + Array("UID=\"root\" AUID=\"unset\"".utf8)
            case 48..<54: avcTail = [0x20, 0xFF, 0xFE, 0x3D, 0xC3]
            case 54..<62: cut = 30 + Int(rng.next() % 150)
            case 62..<68: damage = Array("type=AVC msg=audit(\(seconds).x:\(serial)): avc:  denied  { read }\n".utf8)
            case 68..<74: perm = Array(repeating: "read write open getattr", count: 14).joined(separator: " ")
            case 74..<80: stamp = "\(seconds).\(ms % 10):\(serial)"
            case 80..<84: stamp = "\(seconds % 100_000).\(pad3(ms)):\(serial)"
            case 84..<88: stamp = "\(seconds % 1000).\(pad3(ms)):\(serial % 100)"
            case 88..<92: indent = "  "
            case 92..<110: node = "node=hv0\(rng.next() % 3) "
            case 110..<120: node = "node=" + String(repeating: "h", count: 280 + Int(rng.next() % 40)) + " "
            case 120..<124: node = "node=" + String(repeating: "n", count: 330 + Int(rng.next() % 80)) + " "
            case 124..<128: node = "node=Cent OS "
            case 128..<132: node = "node=a(b) "
            case 132..<140: closed = false
            case 140..<146: extraPath = true; withPath = true
            case 146..<150: avcType = "1400"
            case 150..<154: damage = Array("type=PATH msg=audit(\(stamp)): item=0 name=\"/x\u{0}y\" inode=1\n".utf8)
            case 154..<160: stamp = previousStamp.isEmpty ? stamp : previousStamp
            case 160..<164: avcType = "UNKNOWN[1400]"
            default: break
            }
            var event: [UInt8] = []
            var avc = Array("\(indent)\(node)type=\(avcType) msg=audit(\(stamp)): avc:  denied  { \(perm) } for  pid=\(4000 + pair) comm=\(comm) scontext=system_u:system_r:svirt_t:\(source) tcontext=system_u:object_r:svirt_image_t:\(target) tclass=file permissive=0".utf8) + avcTail
            if let cut { avc = Array(avc.prefix(cut)) }
            event += avc + [0x0A]
            if withPath {
                event += Array("\(node)type=SYSCALL msg=audit(\(stamp)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7f items=1 ppid=1 pid=\(4000 + pair) auid=4294967295 uid=107 gid=107 comm=\(comm) exe=\"/usr/bin/qemu-kvm\" subj=system_u:system_r:svirt_t:\(source) key=(null)\n".utf8)
                let path = Array("\(node)type=PATH msg=audit(\(stamp)): item=0 name=\"/var/lib/libvirt/images/g.qcow2\" inode=\(ino) dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:\(target) nametype=NORMAL\n".utf8)
                event += path
                if extraPath { event += path }
            }
            if let damage { event += damage }
            if closed { event += Array("\(node)type=PROCTITLE msg=audit(\(stamp)): proctitle=71656D75\n".utf8) }
            previousStamp = stamp
            // Now and then an event's lines come between another event's.
            if !held.isEmpty {
                out += held
                held = []
            }
            if rng.next() % 100 < 3, let split = event.firstIndex(of: 0x0A) {
                out += event[...split]
                held = Array(event[(split + 1)...])
            } else {
                out += event
            }
        }
        return out + held
    }

    static func run(_ bytes: [UInt8], chunks: [Range<Int>], cache: Bool) throws
        -> (outputs: [AuditLogReader.Output], reader: AuditLogReader) {
        var config = AuditLogReader.Configuration()
        config.decodesRepeatsFromCache = cache
        let reader = try AuditLogReader(sourceName: "flood", configuration: config)
        var out: [AuditLogReader.Output] = []
        for range in chunks { try reader.consume(bytes[range]) { out.append($0) } }
        try reader.finish { out.append($0) }
        return (out, reader)
    }

    static func firstDifference(_ a: [AuditLogReader.Output], _ b: [AuditLogReader.Output]) -> String {
        for (k, (x, y)) in zip(a, b).enumerated() where x != y { return "output \(k): \(x)\nversus \(y)" }
        return "counts \(a.count) and \(b.count)"
    }

    @Test func aFloodWithOddEventsGivesTheOutputsOfAuparse() throws {
        for seed: UInt64 in [1, 2, 3] {
            let bytes = Self.flood(events: 6000, seed: seed)
            let (cached, reader) = try Self.run(bytes, chunks: [0..<bytes.count], cache: true)
            let (uncached, plain) = try Self.run(bytes, chunks: [0..<bytes.count], cache: false)
            #expect(cached == uncached, "seed \(seed): \(Self.firstDifference(cached, uncached))")
            #expect(reader.statistics == plain.statistics)
            // The flood is served from the cache; the odd events are not.
            let cache = reader.repeatedEvents
            #expect(cache.hits > 4000, "seed \(seed): \(cache.hits) hits, \(cache.misses) misses")
            #expect(cache.passedBy > 100, "seed \(seed): stamps and nodes auparse may read differently pass by")
            #expect(plain.repeatedEvents.hits + plain.repeatedEvents.misses + plain.repeatedEvents.passedBy == 0)
            // Every kind of odd event was there, and came out as auparse's path gives it.
            let issues = cached.compactMap { if case .issue(let issue) = $0 { return issue.reason } else { return nil } }
            #expect(issues.contains { $0.hasPrefix("libauparse rejected") })
            #expect(issues.contains { $0.hasPrefix("NUL byte") })
            #expect(issues.contains { $0 == RecordHeader.Failure.badStamp.rawValue })
        }
    }

    @Test func chunkingDoesNotChangeWhatTheCacheGives() throws {
        let bytes = Self.flood(events: 1500, seed: 9)
        let (whole, _) = try Self.run(bytes, chunks: [0..<bytes.count], cache: false)
        var rng = SplitMix64(seed: 99)
        var cuts: [Range<Int>] = []
        var at = 0
        while at < bytes.count {
            let size = Int(rng.next() % 700) + 1
            cuts.append(at..<min(bytes.count, at + size))
            at += size
        }
        let (split, _) = try Self.run(bytes, chunks: cuts, cache: true)
        #expect(split == whole, "\(Self.firstDifference(split, whole))")
    }

    @Test func moreDistinctEventsThanTheCacheHoldsStayCorrectAndBounded() throws {
        let pairs = RepeatedEventCache.capacity + 100
        let bytes = Self.flood(events: pairs * 3, seed: 5, pairs: pairs)
        let (cached, reader) = try Self.run(bytes, chunks: [0..<bytes.count], cache: true)
        let (uncached, _) = try Self.run(bytes, chunks: [0..<bytes.count], cache: false)
        #expect(cached == uncached, "\(Self.firstDifference(cached, uncached))")
        #expect(reader.repeatedEvents.count <= RepeatedEventCache.capacity)
        #expect(reader.repeatedEvents.count >= RepeatedEventCache.restAfterMisses)
    }

    /// Which lines may take their fields from the cache, one line at a time.
    @Test func onlyStampsAuparseReadsAsTheReaderDoesAreCutOut() throws {
        func passes(_ text: String) throws -> Bool {
            let reader = try AuditLogReader(sourceName: "one")
            // Two events, serials 5 and 6: the same length of stamp.
            let line = Array((text + "\n" + text.replacingOccurrences(of: ":5)", with: ":6)") + "\n").utf8)
            var events = 0
            try reader.consume(line) { if case .event = $0 { events += 1 } }
            try reader.finish { if case .event = $0 { events += 1 } }
            #expect(events == 2)
            return reader.repeatedEvents.passedBy == 0 && reader.repeatedEvents.hits == 1
        }
        let body = "avc:  denied  { read } for  pid=1 comm=\"q\" scontext=a:b:svirt_t:s0:c1,c2 tcontext=a:b:c:s0:c3,c4 tclass=file"
        #expect(try passes("type=AVC msg=audit(1764000000.123:5): \(body)"))
        #expect(try passes("node=hv01 type=AVC msg=audit(1764000000.123:5): \(body)"))
        // Another spelling of the same stamp than the EOE record's.
        #expect(try !passes("type=AVC msg=audit(1764000000.5:5): \(body)"))
        // Seconds too short for str2event's search from the 11th byte.
        #expect(try !passes("type=AVC msg=audit(99999.123:5): \(body)"))
        #expect(try passes("type=AVC msg=audit(100000.123:5): \(body)"))
        // Rewritten for auparse (indented): the canonical spelling is not the line.
        #expect(try !passes("  type=AVC msg=audit(1764000000.123:5): \(body)"))
        // Node names that are not one plain token, or push the stamp past auparse's 340 bytes.
        #expect(try !passes("node=Cent OS type=AVC msg=audit(1764000000.123:5): \(body)"))
        #expect(try !passes("node=a(b type=AVC msg=audit(1764000000.123:5): \(body)"))
        // `)` at index 25 + 298 + 16 = 339, the last byte auparse copies; then one past it.
        #expect(try passes("node=\(String(repeating: "n", count: 298)) type=AVC msg=audit(1764000000.123:5): \(body)"))
        #expect(try !passes("node=\(String(repeating: "n", count: 299)) type=AVC msg=audit(1764000000.123:5): \(body)"))
    }

    /// The cache holds at most `capacity` events, the oldest replaced first, and a hit needs the
    /// same bytes, not only the same hash.
    @Test func theCacheIsBoundedAndComparesBytes() throws {
        var cache = RepeatedEventCache()
        let stamp = Array("1764000000.123:5".utf8)
        func event(_ k: Int) -> [OpenEvent.Line] {
            let raw = Array("type=AVC msg=audit(1764000000.123:5): n=\(k)".utf8)
            return [OpenEvent.Line(raw: raw, canonical: nil, line: 1, type: "AVC", isWanted: true, stampRange: 19..<35)]
        }
        for k in 0..<(RepeatedEventCache.capacity + 10) {
            let prepared = cache.prepareKey(lines: event(k), stamp: stamp, endOfEventParen: 35, endOfEventHasNode: false)
            #expect(prepared)
            cache.store([RepeatedEventCache.LineFields(fields: [("n", String(k))], found: true)])
        }
        #expect(cache.count == RepeatedEventCache.capacity)
        _ = cache.prepareKey(lines: event(3), stamp: stamp, endOfEventParen: 35, endOfEventHasNode: false)
        let replaced = cache.lookup()
        #expect(replaced == nil, "among the oldest, replaced")
        _ = cache.prepareKey(lines: event(RepeatedEventCache.capacity + 5), stamp: stamp, endOfEventParen: 35,
                             endOfEventHasNode: false)
        let kept = cache.lookup()
        #expect(kept?.first?.fields.first?.value == String(RepeatedEventCache.capacity + 5))
        // Another stamp of the same length than the EOE record's: not the event's stamp.
        let otherStamp = cache.prepareKey(lines: event(1), stamp: Array("1764000000.124:5".utf8), endOfEventParen: 35,
                                          endOfEventHasNode: false)
        #expect(!otherStamp)
    }
}
