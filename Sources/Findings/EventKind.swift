/// Kinds of the non-denial events in the `events` table.
public enum EventKind: String, Sendable, CaseIterable, Codable {
    case domainStart = "domain-start"
    case domainStop = "domain-stop"
    case labelCollision = "label-collision"
    case enforcingChange = "enforcing-change"
    case booleanChange = "boolean-change"
    case policyLoad = "policy-load"
    case selinuxError = "selinux-error"
}
