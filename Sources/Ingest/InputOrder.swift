import Native

/// The files of one `ingest` in the order their events were logged.
///
/// The correlator's map moves forward with the log: a guest's start opens its lease, its stop
/// closes the lease it holds then. Read newest first, as the shell's `audit.log*` gives a rotated
/// set (audit.log, audit.log.1, audit.log.2), the older files' starts and stops were applied to
/// the leases of the newer ones: on a generated log cut in three, 545 denials named another guest
/// than the oldest-first reading did and 2,134 lost their guest.
///
/// The order comes from auditd's names, not from the records' times: `LOG.N` is older than
/// `LOG.N-1`, and `LOG` is the newest. A central log's nodes may have clocks hours apart, so the
/// first record of a file says little about where the file stands in its set.
public enum InputOrder {
    /// `inputs` with the members of each rotated set (`LOG` and `LOG.N` of one folder, given
    /// together) put oldest first, in the places the set's members held; every other input keeps
    /// its place.
    public static func chronological(_ inputs: [IngestSession.Input]) -> [IngestSession.Input] {
        // Members by set, the set's path compared by bytes: (index in inputs, age: N for LOG.N, 0 for LOG).
        var sets: [ExactText: [(index: Int, age: Int)]] = [:]
        for (index, input) in inputs.enumerated() {
            guard case .file(let path) = input, let (base, age) = rotation(of: path) else { continue }
            sets[ExactText(base), default: []].append((index, age))
        }
        var ordered = inputs
        for members in sets.values where members.count > 1 {
            let oldestFirst = members.sorted { ($1.age, $0.index) < ($0.age, $1.index) }
            for (slot, member) in zip(members, oldestFirst) { ordered[slot.index] = inputs[member.index] }
        }
        return ordered
    }

    /// The set a path belongs to and its age in it: `LOG.N` (N a number without sign or leading
    /// zero) is N, `LOG` itself 0; nil for a path that is neither. LOG is a name ending in `.log`
    /// (auditd's `audit.log`), so that files numbered otherwise (`audit.2025.11`, months) are
    /// left in the order given.
    static func rotation(of path: String) -> (base: String, age: Int)? {
        let bytes = Array(path.utf8)
        let suffix = Array(".log".utf8)
        if bytes.count > suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix) { return (path, 0) }
        guard let dot = bytes.lastIndex(of: 0x2E) else { return nil }
        let digits = bytes[(dot + 1)...]
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.first != 0x30 else {
            return nil
        }
        let base = bytes[..<dot]
        guard base.count > suffix.count, base.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return (String(decoding: base, as: UTF8.self), digits.reduce(0) { $0 * 10 + Int($1 - 0x30) })
    }
}
