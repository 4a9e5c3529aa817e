import AuditStream
import Guests

/// What one audit event contributes to the store.
public enum Finding: Sendable, Equatable {
    case denial(Denial)
    case event(RecordedEvent)
    /// A new or changed lease (opened, pid learnt, closed).
    case lease(Lease)
    case resource(GuestResource)
    /// A record that parsed but could not be used (a context with no level, ...).
    case issue(ParseIssue)
    /// A boot, a status-XML snapshot or a stop of an unseen guest: where lease data is complete.
    case coverage(CoverageMark)
}

/// An audit event with its findings: the store keeps the raw records as evidence whenever a
/// finding refers to the event.
public struct CorrelatedEvent: Sendable {
    public var event: AuditEvent
    public var findings: [Finding]

    public init(event: AuditEvent, findings: [Finding]) {
        self.event = event
        self.findings = findings
    }
}
