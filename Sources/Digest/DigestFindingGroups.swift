import Reports

/// needs-boolean findings under the boolean that would allow them, so one `setsebool` line
/// covers every guest it concerns. Booleans with the most denials first.
public struct DigestFindingGroups: Sendable {
    public var boolean: String
    public var findings: [DigestData.Finding]
    public var count: Int64 { findings.reduce(0) { $0 + $1.count } }
    public var guests: Set<String> { Set(findings.map { $0.sourceVM ?? "-" }) }

    public static func needsBoolean(_ findings: [DigestData.Finding]) -> [DigestFindingGroups] {
        var groups: [String: [DigestData.Finding]] = [:]
        for f in findings where f.kind == "needs-boolean" { groups[f.boolean ?? "?", default: []].append(f) }
        return groups.map { DigestFindingGroups(boolean: $0.key, findings: $0.value.sorted { ($0.count, $1.sourceVM ?? "") > ($1.count, $0.sourceVM ?? "") }) }
            .sorted { ($0.count, $1.boolean) > ($1.count, $0.boolean) }
    }
}
