import Alerts
import Reports

/// Orders a digest's guest-host groups by what watch would alert them as, so shadow_t, virtd_t
/// and fixed_disk_t come first as they do in the alert stream, and caps the list after that
/// order (the worst are never cut). The digest has groups, not denials: a rule is judged on
/// what the group shares (kind, target type, class, any of its perms); rules that also match on
/// guest names or nodes are judged without them.
enum DigestSeverity {
    static func ranked(_ data: DigestData, rules: [AlertRule]) -> DigestData {
        var d = data
        for i in d.guestHost.indices {
            let g = d.guestHost[i]
            let permissive = g.allowed > 0
            let rule = rules.first { rule in
                rule.kinds.contains("guest-host")
                    && (rule.targetTypes.isEmpty || rule.targetTypes.contains(g.targetType))
                    && (rule.tclasses.isEmpty || rule.tclasses.contains(g.tclass))
                    && (rule.perms.isEmpty || !rule.perms.isDisjoint(with: g.perms))
                    && (rule.permissive == nil || rule.permissive == permissive)
            }
            // One level up when some of them happened (permissive), as watch raises them.
            d.guestHost[i].severity = rule.map { (permissive ? $0.severity.raised : $0.severity).rawValue }
        }
        func rank(_ s: String?) -> Int { s.flatMap { Severity(rawValue: $0) }.flatMap { Severity.allCases.firstIndex(of: $0) } ?? -1 }
        d.guestHost.sort { (rank($0.severity), $0.count, $1.sourceVM, $1.targetType) > (rank($1.severity), $1.count, $0.sourceVM, $0.targetType) }
        if let cap = d.detail.listCap { d.guestHost = Array(d.guestHost.prefix(cap)) }
        return d
    }
}
