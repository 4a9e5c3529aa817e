import AuditStream
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
            guard case .file(let path) = input, let (base, age) = RotatedLogName.rotation(of: path) else { continue }
            sets[ExactText(base), default: []].append((index, age))
        }
        var ordered = inputs
        for members in sets.values where members.count > 1 {
            let oldestFirst = members.sorted { ($1.age, $0.index) < ($0.age, $1.index) }
            for (slot, member) in zip(members, oldestFirst) { ordered[slot.index] = inputs[member.index] }
        }
        return ordered
    }
}
