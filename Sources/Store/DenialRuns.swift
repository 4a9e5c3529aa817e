/// The rule that closes denial runs (schema/005), which queries rely on to bound a time window.
public enum DenialRuns {
    /// Every event of a run lies within this span of the run's first event (one UTC minute).
    public static let spanMilliseconds: Int64 = 60_000
}
