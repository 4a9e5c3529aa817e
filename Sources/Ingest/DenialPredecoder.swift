import AuditStream
import Findings

/// Decodes denials on the reading thread (`DecodedDenial`), once per memo key seen lately: the
/// repeats of a flood are answered by the storing thread's memo, which would not use them. A
/// repeat the memo cannot answer (a lease began in between) is decoded by the correlator itself.
///
/// It also decides whether an event gets a memo key at all. On a log whose denials all differ
/// (1 % of the denial-dense benchmark log repeats), building, hashing and remembering a key for
/// every event cost about 5 % of an ingest's CPU for nothing. So every event's text is hashed
/// in place (a signature, no copy), and events are keyed in the next `window` events only
/// when at least `wakeHits` of the last `window` repeated a signature seen lately. The memo then
/// misses no kind of flood: a first try that keyed only one event in 32 while resting never woke
/// for texts repeating a few times each, 100 events apart (helper-92: 25 % more CPU on such a
/// flood than keying every event).
struct DenialPredecoder {
    private var decoder = DenialDecoder()
    /// Keys' hashes, not the keys (an event's text, up to a megabyte each): a collision only
    /// leaves an event for the correlator to decode.
    private var recent: Set<Int> = []
    private static let limit = 4_096
    /// Signatures of the events seen lately (a collision only keys a few events more).
    private var signatures: Set<Int> = []
    static let window = 64
    /// Repeats in a window that make keying worth it: below a few percent of repeats, the memo
    /// answers too few events to pay for the keys of all of them.
    static let wakeHits = 3
    private var windowEvents = 0
    private var windowHits = 0
    /// Whether events are keyed in this window. A log begins keyed: a flood at its top is
    /// answered by the memo at once.
    private(set) var isKeying = true

    /// Whether this event is to be keyed.
    mutating func wantsKey(_ event: AuditEvent) -> Bool {
        guard let signature = Self.signature(event) else { return true }
        if signatures.contains(signature) {
            windowHits += 1
        } else {
            if signatures.count >= Self.limit { signatures.removeAll(keepingCapacity: true) }
            signatures.insert(signature)
        }
        windowEvents += 1
        let keyed = isKeying
        if windowEvents >= Self.window {
            isKeying = windowHits >= Self.wakeHits
            windowEvents = 0
            windowHits = 0
        }
        return keyed
    }

    /// The node and every record's text after its stamp, hashed where it lies (no copy): equal
    /// for two events exactly when their memo keys are, but for collisions. The AVC record alone
    /// was not enough: on the denial-dense log its text repeats in 3.6 % of events where whole
    /// events repeat in 1 %, and 39 % of windows were keyed. Nil for an event without records.
    private static func signature(_ event: AuditEvent) -> Int? {
        guard !event.records.isEmpty else { return nil }
        var hasher = Hasher()
        hasher.combine(event.id.node)
        for record in event.records {
            let hashed: Bool? = record.raw.utf8.withContiguousStorageIfAvailable { bytes in
                guard let start = RepeatedEventMemo.bodyStart(bytes) else { return false }
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
                hasher.combine(0x0A as UInt8)
                return true
            }
            guard hashed == true else { return nil }
        }
        return hasher.finalize()
    }

    mutating func decode(_ event: AuditEvent, key: RepeatedEventMemo.Key?) -> DecodedDenial? {
        if let key {
            let hash = key.hashValue
            if recent.contains(hash) { return nil }
            if recent.count >= Self.limit { recent.removeAll(keepingCapacity: true) }
            recent.insert(hash)
        }
        return decoder.decode(event)
    }
}
