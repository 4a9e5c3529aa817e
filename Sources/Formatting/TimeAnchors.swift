import Foundation

/// The times behind the words `boot` and `checkpoint`, which depend on the host and the user
/// rather than on the clock: the caller looks them up, so that `TimeExpression` stays pure and
/// tests can pin them. nil means unknown; the text says why, for the message.
public struct TimeAnchors: Sendable, Equatable {
    /// This host's boot time (from /proc/stat's btime), in milliseconds.
    public var boot: Int64?
    /// The end of the window of the last query run with --save-checkpoint, in milliseconds.
    public var checkpoint: Int64?
    /// Why `checkpoint` is nil, e.g. "no checkpoint was saved for /var/lib/svirt-trace/svirt-trace.db".
    public var checkpointMissing: String

    public init(boot: Int64? = nil, checkpoint: Int64? = nil,
                checkpointMissing: String = "no checkpoint was saved (run a query with --save-checkpoint first)") {
        self.boot = boot
        self.checkpoint = checkpoint
        self.checkpointMissing = checkpointMissing
    }

    /// Linux's /proc/stat: the line `btime SECONDS` is the boot time in seconds since the epoch.
    public static func bootMilliseconds(procStat: String) -> Int64? {
        for line in procStat.split(separator: "\n") where line.hasPrefix("btime ") {
            guard let seconds = Int64(line.dropFirst(6).trimmingCharacters(in: .whitespaces)),
                  seconds >= 0, seconds < TimeExpression.range.upperBound / 1000 else { return nil }
            return seconds * 1000
        }
        return nil
    }
}
