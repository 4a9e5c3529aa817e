/// Kinds of the non-denial events in the `events` table.
public enum EventKind: String, Sendable, CaseIterable, Codable {
    case domainStart = "domain-start"
    case domainStop = "domain-stop"
    case labelCollision = "label-collision"
    case enforcingChange = "enforcing-change"
    case booleanChange = "boolean-change"
    case policyLoad = "policy-load"
    case selinuxError = "selinux-error"
    /// Events that may be lost: the log watch read last was rotated away (past auditd's
    /// num_logs, or truncated without a copy) before it was read to its end.
    case pipelineGap = "pipeline-gap"
}
