/// How urgent an alert is. Ordered: one level higher is `raised`.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, warning, high, critical

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// One level higher, for an access that actually happened (permissive).
    public var raised: Severity {
        let all = Severity.allCases
        return all[min(all.count - 1, all.firstIndex(of: self)! + 1)]
    }
}
