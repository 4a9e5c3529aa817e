import Reports

/// needs-boolean findings under the boolean that would allow them, so one `setsebool` line
/// covers every guest it concerns. Booleans with the most denials first. The counts are the
/// period's totals, not sums of the rows a capped list holds.
public struct DigestFindingGroups: Sendable {
    public var boolean: String
    public var findings: [DigestData.Finding]
    public var total: DigestData.FindingTotal
    public var count: Int64 { total.denials }
    public var guests: Int { total.guests }

    public static func needsBoolean(_ data: DigestData) -> [DigestFindingGroups] {
        var groups: [String?: [DigestData.Finding]] = [:]
        for f in data.findings where f.kind == "needs-boolean" { groups[f.boolean, default: []].append(f) }
        return groups.map { boolean, rows in
            DigestFindingGroups(boolean: boolean ?? "?",
                                findings: rows.sorted { ($0.count, $1.sourceVM ?? "") > ($1.count, $0.sourceVM ?? "") },
                                total: data.findingTotal(kind: "needs-boolean", boolean: boolean))
        }
        .sorted { ($0.count, $1.boolean) > ($1.count, $0.boolean) }
    }
}
