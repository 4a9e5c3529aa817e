/// The rule that closes denial runs (schema/005), which queries rely on to bound a time window.
public enum DenialRuns {
    /// Every event of a run lies within this span of the run's first event (one UTC minute).
    public static let spanMilliseconds: Int64 = 60_000

    /// SQL: `time` (a run's first_ms, or one of its events' time_ms) lies in the run minute that
    /// the party row `party` names (schema/008). A party without a minute bounds nothing: one
    /// written by an older svirt-trace that kept running across the migration is read the slow
    /// way, never left out. The ends are bigint literals in both dialects, so that PostgreSQL
    /// still prunes partitions by them while it executes.
    public static func inPartyMinute(_ time: String, party: String) -> String {
        "\(time) >= coalesce(\(party).run_minute_ms, \(-Int64.max)) "
            + "AND \(time) < coalesce(\(party).run_minute_ms + \(spanMilliseconds), \(Int64.max))"
    }
}
