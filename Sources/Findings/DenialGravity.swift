/// How grave one object of a denial event is, for choosing the object an event that names
/// several is classified by (`Denial.primaryIndex`). The order follows the shipped alert rules'
/// severities: another guest, and a guest reaching host credentials, libvirtd or a whole host
/// disk (critical); a label no guest held, and other host objects (high); what a boolean,
/// stale data or a host process explain last. A record whose contexts did not parse is chosen
/// only when no other one did: judged on a context it could not read, it is no evidence that
/// something graver happened.
enum DenialGravity {
    /// Host objects a guest must never reach: credentials and libvirt's daemon (and, as a
    /// block device, a whole host disk), as rules/alerts.yaml marks them critical.
    static let criticalHostTypes: Set<String> = ["shadow_t", "virtd_t"]

    static func of(kind: DenialKind, target: ContextView, tclass: String, parsed: Bool) -> Int {
        guard parsed else { return 0 }
        switch kind {
        case .crossGuest: return 100
        case .guestHost:
            let type = target.type ?? ""
            if criticalHostTypes.contains(type) || (type == "fixed_disk_t" && tclass == "blk_file") { return 95 }
            return 75
        case .unknownSource, .unknownTarget: return 80
        case .unattributed: return 60
        case .needsBoolean: return 50
        case .hostGuest: return 40
        case .sharedContentWrite: return 30
        case .staleImage: return 20
        case .guestSelf: return 15
        case .hostOther: return 10
        }
    }
}
