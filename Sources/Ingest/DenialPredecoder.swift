import AuditStream
import Findings

/// Decodes denials on the reading thread (`DecodedDenial`), once per memo key seen lately: the
/// repeats of a flood are answered by the storing thread's memo, which would not use them. A
/// repeat the memo cannot answer (a lease began in between) is decoded by the correlator itself.
struct DenialPredecoder {
    private var decoder = DenialDecoder()
    /// Keys' hashes, not the keys (an event's text, up to a megabyte each): a collision only
    /// leaves an event for the correlator to decode.
    private var recent: Set<Int> = []
    private static let limit = 4_096

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
