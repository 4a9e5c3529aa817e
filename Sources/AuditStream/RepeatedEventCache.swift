import Native

/// During an attack a guest makes tens of thousands of identical denials a second: events whose
/// lines differ only in their time stamp. This remembers, for the last few hundred distinct
/// events, what auparse made of each line (its kept fields, or that auparse returned no record
/// for it), so a repeat is not parsed again. Each record still gets its own raw text, line number
/// and event ID from its own lines; only the fields come from here.
///
/// Whole events are the unit, keyed by every line as fed to auparse with the stamp cut out, in
/// order: what auparse returns for a record depends on its neighbours (which records share an
/// event, which record ends one), never on the stamp's digits, when all of these hold (auparse
/// 3.0.9, auparse.c and ellist.c):
/// - Every fed line is `[node=NODE ]type=TYPE msg=audit(STAMP): ...` with STAMP exactly the
///   event's stamp as the EOE record spells it (`SECONDS.MMM:SERIAL`), so every line of the feed
///   and its EOE carry the same stamp text. auparse then groups the records into events the same
///   way whatever the numbers are (equal stamps, node or no node), ends them by record type alone
///   (its 2 s timeout compares stamps that are equal), and splits fields without the stamp token
///   (`msg=audit(...)` is skipped before fields are counted).
/// - auparse reads the stamp exactly as the reader does. extract_timestamp copies only the first
///   80 bytes of a line (340 when it starts with `n`), so the stamp's `)` must lie inside them;
///   older str2event spellings look for the serial's `:` from the stamp's 11th byte on, so the
///   seconds need at least 6 digits. NODE is printable ASCII without blanks or parentheses: it is
///   one token, the stamp is the first `(` of the line, and a text compared up to 0x1D includes
///   the whole stamp. TYPE is one of the reader's names, which hold none of these either.
/// - The reader pairs auparse's records with its lines by text. Every text holds the same stamp
///   after a prefix ending at its only `(`, so two texts are equal exactly when their stamp-free
///   parts are.
/// A line written differently (indented, an `ausearch -i` date, a stamp auparse may cut) makes
/// the event go to auparse as before.
struct RepeatedEventCache {
    typealias Fields = [(name: String, value: String)]
    /// What auparse made of one line: the kept fields of the record it returned for the line, or
    /// `found` false when it returned none (it rejected the line). A concrete type: an array of
    /// optional tuple arrays makes the runtime look its metadata up on every event.
    struct LineFields {
        var fields: Fields = []
        var found = false
    }

    /// Distinct events remembered. A flood cycles through a few dozen.
    static let capacity = 512
    /// Events with more stamp-free bytes or records are not remembered: bounds the memory to a
    /// few MiB however hostile the log.
    static let maximumKeyBytes = 4096
    static let maximumRecords = 16

    private struct Entry {
        var hash: UInt64
        var key: [UInt8]
        /// Per line, what auparse made of it.
        var fields: [LineFields]
    }

    private var entries: [Entry] = []
    private var slotOfHash: [UInt64: Int] = [:]
    /// The slot the next new entry replaces once the cache is full: oldest first.
    private var nextVictim = 0
    /// The key of the event last prepared, reused from event to event.
    private var key: [UInt8] = []
    private var keyHash: UInt64 = 0
    /// Counted for tests: that a flood is served from here.
    /// After this many misses in a row the log is not repeating itself, and the cache only costs
    /// (keys built, hashed, copied): it then tries one event in `restingProbeInterval` until one hits.
    static let restAfterMisses = 64
    static let restingProbeInterval = 32
    private var gate = RestingGate(restAfterMisses: restAfterMisses, probeInterval: restingProbeInterval)
    private(set) var hits = 0
    private(set) var misses = 0
    /// Events that went to auparse because they did not meet the conditions above.
    private(set) var passedBy = 0
    var count: Int { entries.count }

    init() {
        key.reserveCapacity(Self.maximumKeyBytes)
    }

    /// Whether this event should try the cache: always while it hits now and then, one event in
    /// `restingProbeInterval` after a long run of misses.
    mutating func isWorthTrying() -> Bool {
        gate.allowsTry()
    }

    /// Builds the event's key from its lines; false when the event does not meet the conditions
    /// above (or is too large to remember), and must go to auparse uncached.
    /// - Parameters:
    ///   - stamp: the event's stamp as the EOE record carries it.
    ///   - endOfEventParen: index of the `)` after the stamp in the EOE line the reader writes.
    ///   - endOfEventHasNode: that EOE line starts with `node=`.
    mutating func prepareKey(lines: [OpenEvent.Line], stamp: [UInt8], endOfEventParen: Int,
                             endOfEventHasNode: Bool) -> Bool {
        guard !lines.isEmpty, lines.count <= Self.maximumRecords,
              let colon = stamp.firstIndex(of: 0x3A), colon >= 10,
              endOfEventParen < Self.copiedHeaderBytes(startsWithN: endOfEventHasNode) else {
            passedBy += 1
            return false
        }
        key.removeAll(keepingCapacity: true)
        for line in lines {
            guard let stampRange = line.stampRange else {
                passedBy += 1
                return false
            }
            let fed = line.fed
            let suffixCount = fed.count - stampRange.upperBound
            guard stampRange.upperBound < Self.copiedHeaderBytes(startsWithN: fed.first == 0x6E),
                  stampRange.lowerBound >= Self.stampOpening.count, stampRange.upperBound <= fed.count,
                  ByteSearch.equal(fed, stampRange, stamp, 0..<stamp.count),
                  ByteSearch.equal(fed, (stampRange.lowerBound - Self.stampOpening.count)..<stampRange.lowerBound,
                                   Self.stampOpening, 0..<Self.stampOpening.count),
                  key.count + 8 + stampRange.lowerBound + suffixCount <= Self.maximumKeyBytes else {
                passedBy += 1
                return false
            }
            Self.appendLength(stampRange.lowerBound, to: &key)
            key.append(contentsOf: fed[..<stampRange.lowerBound])
            Self.appendLength(suffixCount, to: &key)
            key.append(contentsOf: fed[stampRange.upperBound...])
        }
        keyHash = ByteSearch.hash(key)
        return true
    }

    /// What auparse made of the prepared event's lines when it last saw them, if remembered.
    mutating func lookup() -> [LineFields]? {
        guard let slot = slotOfHash[keyHash], entries[slot].hash == keyHash,
              entries[slot].key.count == key.count, ByteSearch.equal(entries[slot].key, 0..<key.count, key, 0..<key.count)
        else {
            misses += 1
            gate.miss()
            return nil
        }
        hits += 1
        gate.hit()
        return entries[slot].fields
    }

    /// Remembers what auparse made of the prepared event, replacing the oldest entry when full.
    mutating func store(_ fields: [LineFields]) {
        let entry = Entry(hash: keyHash, key: key, fields: fields)
        if let slot = slotOfHash[keyHash] {
            // A different event with the same hash: the newer one wins.
            entries[slot] = entry
        } else if entries.count < Self.capacity {
            slotOfHash[keyHash] = entries.count
            entries.append(entry)
        } else {
            slotOfHash[entries[nextVictim].hash] = nil
            slotOfHash[keyHash] = nextVictim
            entries[nextVictim] = entry
            nextVictim = (nextVictim + 1) % Self.capacity
        }
    }

    /// Where a canonical header's stamp stands in its line: just after `msg=audit(`, which
    /// follows `type=TYPE `; nil when the line is not one whose stamp can be cut out (see above).
    /// - Parameters:
    ///   - line: the logged line, `range` inside it; its header must be canonical.
    static func stampRange(_ line: [UInt8], _ range: Range<Int>, header: RecordHeader) -> Range<Int>? {
        guard header.isCanonical, !header.isInterpreted else { return nil }
        if let node = header.node {
            for k in node where !(0x21...0x7E).contains(line[k]) || line[k] == 0x28 || line[k] == 0x29 { return nil }
        }
        let start = header.type.upperBound + 1 + stampOpening.count
        let end = header.bodyStart - 3
        guard start < end, end < range.upperBound, line[end] == 0x29 else { return nil }
        return (start - range.lowerBound)..<(end - range.lowerBound)
    }

    private static let stampOpening = Array("msg=audit(".utf8)

    /// How many bytes of a line auparse's extract_timestamp reads the stamp from.
    private static func copiedHeaderBytes(startsWithN: Bool) -> Int { startsWithN ? 340 : 80 }

    private static func appendLength(_ count: Int, to key: inout [UInt8]) {
        let value = UInt32(truncatingIfNeeded: count)
        key.append(UInt8(truncatingIfNeeded: value))
        key.append(UInt8(truncatingIfNeeded: value >> 8))
        key.append(UInt8(truncatingIfNeeded: value >> 16))
        key.append(UInt8(truncatingIfNeeded: value >> 24))
    }
}
