import Findings

/// When to alert and how loud. A rule matches a denial by kind, target type, class and mode, or a
/// non-denial event by kind and a test of its detail.
public struct AlertRule: Sendable {
    public var name: String
    public var kinds: Set<String>
    public var targetTypes: Set<String> = []
    public var tclasses: Set<String> = []
    public var severity: Severity
    public var title: String
    /// The same pair and kind within this many seconds (event time) gives one alert, then a
    /// follow-up with the count.
    public var dedupeSeconds: Int64 = 60
    /// For events: which details count (enforcing turned off, a virt_* boolean, ...).
    public var detail: (@Sendable ([(String, DetailValue)]) -> Bool)?
    public var hint: String?

    public init(name: String, kinds: Set<String>, targetTypes: Set<String> = [], tclasses: Set<String> = [],
                severity: Severity, title: String, dedupeSeconds: Int64 = 60, hint: String? = nil,
                detail: (@Sendable ([(String, DetailValue)]) -> Bool)? = nil) {
        self.name = name
        self.kinds = kinds
        self.targetTypes = targetTypes
        self.tclasses = tclasses
        self.severity = severity
        self.title = title
        self.dedupeSeconds = dedupeSeconds
        self.hint = hint
        self.detail = detail
    }

    func matches(denial: Denial) -> Bool {
        kinds.contains(denial.kind.rawValue)
            && (targetTypes.isEmpty || targetTypes.contains(denial.target.type ?? ""))
            && (tclasses.isEmpty || tclasses.contains(denial.primary.tclass))
    }

    func matches(event: RecordedEvent) -> Bool {
        kinds.contains(event.kind.rawValue) && (detail?(event.detail) ?? true)
    }

    static let neverAllow = "Investigate and isolate the source guest; never write an allow rule (audit2allow) for this."

    /// The shipped rules, most specific first: the first that matches decides.
    public static let defaults: [AlertRule] = [
        AlertRule(name: "cross-guest", kinds: ["cross-guest"], severity: .critical,
                  title: "Guest reached for another guest's resources", hint: neverAllow),
        AlertRule(name: "unknown-label", kinds: ["unknown-source", "unknown-target"], severity: .high,
                  title: "sVirt label held by no known guest", hint: neverAllow),
        AlertRule(name: "guest-host-whole-disk", kinds: ["guest-host"], targetTypes: ["fixed_disk_t"], tclasses: ["blk_file"],
                  severity: .critical, title: "Guest reached for a whole host disk",
                  hint: "Give guests partitions or LVM volumes, never whole disks; " + neverAllow),
        AlertRule(name: "guest-host-critical", kinds: ["guest-host"], targetTypes: ["shadow_t", "virtd_t"], severity: .critical,
                  title: "Guest reached for host credentials or libvirtd", hint: neverAllow),
        AlertRule(name: "guest-host", kinds: ["guest-host"], severity: .high, title: "Guest reached for a host object",
                  hint: neverAllow),
        AlertRule(name: "needs-boolean", kinds: ["needs-boolean"], severity: .warning,
                  title: "Denied; a virt boolean would allow it"),
        AlertRule(name: "enforcing-off", kinds: ["enforcing-change"], severity: .critical,
                  title: "SELinux switched to permissive", dedupeSeconds: 0,
                  detail: { $0.contains { $0.0 == "enforcing" && $0.1 == .int(0) } }),
        AlertRule(name: "label-collision", kinds: ["label-collision"], severity: .critical,
                  title: "Two live guests share one MCS label", dedupeSeconds: 0),
        AlertRule(name: "virt-boolean-change", kinds: ["boolean-change"], severity: .warning,
                  title: "A virt boolean changed", dedupeSeconds: 0,
                  detail: { $0.contains { if $0.0 == "boolean", case .string(let b) = $0.1 { return b.hasPrefix("virt_") } else { return false } } }),
        AlertRule(name: "policy-load", kinds: ["policy-load"], severity: .info, title: "SELinux policy loaded", dedupeSeconds: 0),
    ]
}
