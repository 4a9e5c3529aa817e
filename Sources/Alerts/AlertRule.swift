import Findings
import Native

/// When to alert and how loud: what a finding must look like, the severity, a title, and how
/// repeats are folded. Loaded from YAML (`rules/alerts.yaml` is the default).
public struct AlertRule: Sendable, Equatable {
    public var name: String
    public var kinds: Set<String>
    public var tclasses: Set<String> = []
    public var perms: Set<String> = []
    public var permissive: Bool?
    public var targetTypes: Set<String> = []
    public var sourceVM: String?
    public var targetVM: String?
    public var node: String?
    public var enforcing: Int64?
    public var boolean: String?
    public var severity: Severity
    public var title: String
    /// The same pair and kind within this many seconds (event time) gives one alert, then a
    /// follow-up with the count.
    public var dedupeSeconds: Int64 = 60
    public var ratePerMinute = 30
    public var hint: String?

    public init(name: String, kinds: Set<String>, severity: Severity, title: String) {
        self.name = name
        self.kinds = kinds
        self.severity = severity
        self.title = title
    }

    func matches(denial: Denial) -> Bool {
        guard kinds.contains(denial.kind.rawValue) else { return false }
        if !tclasses.isEmpty, !tclasses.contains(denial.primary.tclass) { return false }
        if !perms.isEmpty, !denial.perms.contains(where: perms.contains) { return false }
        if let permissive, (denial.permissive ?? false) != permissive { return false }
        if !targetTypes.isEmpty, !targetTypes.contains(denial.target.type ?? "") { return false }
        if let node, !Glob.matches(node, denial.id.node ?? "") { return false }
        if let sourceVM, !denial.sources.contains(where: { Glob.matches(sourceVM, $0.name) }) { return false }
        if let targetVM, !denial.targets.contains(where: { Glob.matches(targetVM, $0.name) }) { return false }
        return enforcing == nil && boolean == nil
    }

    func matches(event: RecordedEvent) -> Bool {
        guard kinds.contains(event.kind.rawValue) else { return false }
        if let node, !Glob.matches(node, event.node ?? "") { return false }
        if let sourceVM, !Glob.matches(sourceVM, event.vm ?? "") { return false }
        if let enforcing, !event.detail.contains(where: { $0.0 == "enforcing" && $0.1 == .int(enforcing) }) { return false }
        if let boolean, !event.detail.contains(where: {
            if $0.0 == "boolean", case .string(let name) = $0.1 { return Glob.matches(boolean, name) } else { return false }
        }) { return false }
        return true
    }

    /// The shipped rules (`rules/alerts.yaml`, embedded).
    public static let defaults: [AlertRule] = {
        do { return try AlertRules.parse(EmbeddedRules.alertsYAML, file: "rules/alerts.yaml") } catch {
            fatalError("embedded alert rules: \(error)")
        }
    }()
}
