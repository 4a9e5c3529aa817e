import Findings
import Guests

/// How reports name one side of a denial: the candidate guests' count, the first by name, and a
/// key: the candidates' uuids joined by ',', `label:LEVEL` for an svirt label no guest held, or
/// nil for a host object.
struct SideKey {
    var count: Int
    var vm: String?
    var uuid: String?
    var key: String?

    init(_ leases: [Lease], context: ContextView) {
        let sorted = leases.count > 1 ? leases.sorted { ($0.name, $0.uuid) < ($1.name, $1.uuid) } : leases
        count = sorted.count
        vm = sorted.first?.name
        uuid = sorted.first?.uuid
        if !sorted.isEmpty {
            key = sorted.map(\.uuid).joined(separator: ",")
        } else if TypeSets.guestObject.contains(context.type ?? ""), let level = context.guestLevel {
            key = "label:\(level)"
        } else {
            key = nil
        }
    }
}
