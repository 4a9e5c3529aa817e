/// How many parse errors the store keeps in full. A file of random bytes yields one error per
/// "line": past this many per source and reason, errors are only counted (parse_error_counts),
/// and every report adds the counts, so totals stay exact.
public enum ParseErrorLimit {
    public static let keptPerSourceAndReason = 1000
}
