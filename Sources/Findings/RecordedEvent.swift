import AuditStream
import Guests
import Native

/// A non-denial event for the `events` table: lifecycle, collisions and policy changes.
public struct RecordedEvent: Sendable, Equatable {
    public var id: AuditEventID?
    /// nil for a guest bootstrapped from status XML: its start predates the log.
    public var timeMilliseconds: Int64?
    public var node: String?
    public var kind: EventKind
    public var vm: String?
    public var uuid: String?
    public var label: String?
    /// Kind-specific facts as ordered key/value pairs (rendered as a JSON object).
    public var detail: [(String, DetailValue)]

    public init(id: AuditEventID?, timeMilliseconds: Int64?, node: String?, kind: EventKind, vm: String?,
                uuid: String?, label: String?, detail: [(String, DetailValue)]) {
        self.id = id
        self.timeMilliseconds = timeMilliseconds
        self.node = node
        self.kind = kind
        self.vm = vm
        self.uuid = uuid
        self.label = label
        self.detail = detail
    }

    public static func == (a: RecordedEvent, b: RecordedEvent) -> Bool {
        a.id == b.id && a.timeMilliseconds == b.timeMilliseconds && NodeName.same(a.node, b.node) && a.kind == b.kind
            && a.vm.map(ExactText.init) == b.vm.map(ExactText.init) && a.uuid == b.uuid && a.label == b.label
            && a.detail.map(\.0) == b.detail.map(\.0) && a.detail.map(\.1) == b.detail.map(\.1)
    }
}

/// A JSON-able value of an event's detail.
public enum DetailValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case strings([String])
    case null
}
