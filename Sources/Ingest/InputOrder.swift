import AuditStream
import Native

/// The files of one `ingest` in the order their events were logged.
///
/// The correlator's map moves forward with the log: a guest's start opens its lease, its stop
/// closes the lease it holds then. Read newest first, as the shell's `audit.log*` gives a rotated
/// set (audit.log, audit.log.1, audit.log.2), the older files' starts and stops were applied to
/// the leases of the newer ones: on a generated log cut in three, 545 denials named another guest
/// than the oldest-first reading did and 2,134 lost their guest. So files are read by the time of
/// their first record, whatever order they were given in.
public enum InputOrder {
    /// `inputs` with the files whose first record's time is known put in time order, in the places
    /// such files held; the others (standard input, a file with no record in its head) keep their
    /// place. Ties keep the order given.
    public static func chronological(_ inputs: [IngestSession.Input],
                                     firstTime: (String) -> Int64?) -> [IngestSession.Input] {
        var timed: [(index: Int, time: Int64)] = []
        let files = inputs.filter { if case .file = $0 { return true } else { return false } }
        guard files.count > 1 else { return inputs }
        for (index, input) in inputs.enumerated() {
            if case .file(let path) = input, let time = firstTime(path) { timed.append((index, time)) }
        }
        let sorted = timed.sorted { ($0.time, $0.index) < ($1.time, $1.index) }
        var ordered = inputs
        for (slot, source) in zip(timed, sorted) { ordered[slot.index] = inputs[source.index] }
        return ordered
    }

    /// The time of the first record in the head of the file at `path` (its first 64 KiB), if any.
    /// Only a regular file is opened: opening a named pipe to look would take its writer's first
    /// bytes, or leave it writing to no reader, and a device may block.
    public static func firstTime(ofFileAt path: String) -> Int64? {
        guard (try? FileStatus(path: path))?.isRegularFile == true else { return nil }
        return RotatedCopyList.head(of: path).flatMap { LogHead.first(in: $0.bytes) }?.timeMilliseconds
    }
}
