/// How much a digest says (`digest --detail`, logwatch's habit): `low` the headline and the top
/// few items of each list, `med` the everyday digest with capped lists, `high` everything,
/// uncapped.
public enum DigestDetail: String, Sendable, CaseIterable {
    case low, med, high

    /// Items per list before "and N more"; nil: no cap.
    public var listCap: Int? {
        switch self {
        case .low: return 5
        case .med: return 20
        case .high: return nil
        }
    }

    /// Guests per heatmap axis (the rest are left out and said so).
    public var matrixCap: Int? {
        switch self {
        case .low: return 0
        case .med: return 12
        case .high: return nil
        }
    }
}
