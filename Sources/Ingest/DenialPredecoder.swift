import AuditStream
import Findings

/// Decodes denials on the reading thread (`DecodedDenial`), once per memo key seen lately: the
/// repeats of a flood are answered by the storing thread's memo, which would not use them. A
/// repeat the memo cannot answer (a lease began in between) is decoded by the correlator itself.
///
/// It also decides whether an event gets a memo key at all. On a log whose denials all differ
/// (1 % of the denial-dense benchmark log repeats), building, hashing and remembering a key for
/// every event cost about 5 % of an ingest's CPU for nothing. After `restAfterMisses` keyed
/// events in a row that repeat none of the last `limit`, only one event in
/// `restingProbeInterval` is keyed, until one of those repeats: a flood is keyed again within a
/// few dozen events, and its repeats are then answered by the memo as before.
struct DenialPredecoder {
    private var decoder = DenialDecoder()
    /// Keys' hashes, not the keys (an event's text, up to a megabyte each): a collision only
    /// leaves an event for the correlator to decode.
    private var recent: Set<Int> = []
    private static let limit = 4_096
    static let restAfterMisses = 64
    static let restingProbeInterval = 32
    private var gate = RestingGate(restAfterMisses: restAfterMisses, probeInterval: restingProbeInterval)

    /// Whether the next event is to be keyed: always while keys repeat now and then.
    mutating func wantsKey() -> Bool { gate.allowsTry() }

    /// Whether keys are being built for one event in `restingProbeInterval` only (for tests).
    var isResting: Bool { gate.isResting }

    mutating func decode(_ event: AuditEvent, key: RepeatedEventMemo.Key?) -> DecodedDenial? {
        if let key {
            let hash = key.hashValue
            if recent.contains(hash) {
                gate.hit()
                return nil
            }
            gate.miss()
            if recent.count >= Self.limit { recent.removeAll(keepingCapacity: true) }
            recent.insert(hash)
        }
        return decoder.decode(event)
    }
}
