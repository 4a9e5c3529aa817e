import AuditStream
import Findings
import Guests

/// Turns findings into alerts: the first matching rule decides, permissive accesses go one level
/// up and say ALLOWED, and repeats of the same pair within a rule's window are folded into one
/// follow-up with their count. Time is the events' own, so a replay alerts exactly as live did.
public struct AlertEngine: Sendable {
    public var rules: [AlertRule]
    /// svirt-trace's own pid: its denials are not alerted, so alerting cannot feed itself.
    public var ownProcessID: Int64?
    private var windows: [String: Window] = [:]
    private var recent: [String: [Int64]] = [:]
    private var limited: [String: (count: Int, last: Alert)] = [:]
    private var sequence = 0

    private struct Window {
        var start: Int64
        var suppressed: Int
        var last: Alert
    }

    public init(rules: [AlertRule] = AlertRule.defaults, ownProcessID: Int64? = nil) {
        self.rules = rules
        self.ownProcessID = ownProcessID
    }

    public mutating func process(_ findings: [Finding]) -> [Alert] {
        var alerts: [Alert] = []
        for finding in findings {
            switch finding {
            case .denial(let denial):
                if let own = ownProcessID, denial.id.node == nil, denial.avcs.contains(where: { $0.pid == own }) { continue }
                guard let rule = rules.first(where: { $0.matches(denial: denial) }) else { continue }
                // Plain joins, not array descriptions: this runs for every alerted denial.
                let source = "\(denial.id.node ?? "")|\(denial.sources.map(\.uuid).joined(separator: ","))|\(denial.source.raw)"
                let admitted = admit(alert(for: denial, rule: rule), rule: rule,
                                     key: "\(rule.name)|\(source)|\(denial.targets.map(\.uuid).joined(separator: ","))|\(denial.target.type ?? "")")
                alerts += limit(admitted, source: "\(rule.name)|\(source)", perMinute: rule.ratePerMinute)
            case .event(let event):
                guard let rule = rules.first(where: { $0.matches(event: event) }) else { continue }
                alerts += admit(alert(for: event, rule: rule), rule: rule, key: "\(rule.name)|\(event.node ?? "")|\(event.uuid ?? "")")
            default:
                continue
            }
        }
        return alerts
    }

    /// Follow-ups for every window still holding suppressed repeats, and for every source that
    /// hit its rate limit (at shutdown).
    public mutating func flush() -> [Alert] {
        defer {
            windows.removeAll()
            limited.removeAll()
        }
        let repeats = windows.values.filter { $0.suppressed > 0 }.sorted { $0.start < $1.start }.map(followUp)
        let dropped = limited.values.sorted { $0.last.time < $1.last.time }.map { entry -> Alert in
            var alert = entry.last
            alert.id += "!"
            alert.count = entry.count
            alert.title = "Rate limit: \(entry.count) more alerts from this source were not sent"
            return alert
        }
        return repeats + dropped
    }

    /// Keeps at most `perMinute` alerts of one source within any minute of event time.
    private mutating func limit(_ alerts: [Alert], source: String, perMinute: Int) -> [Alert] {
        var out: [Alert] = []
        for alert in alerts {
            var times = (recent[source] ?? []).filter { alert.time - $0 < 60_000 }
            if times.count >= perMinute {
                limited[source, default: (0, alert)].count += alert.count
                limited[source]?.last = alert
                recent[source] = times
                continue
            }
            times.append(alert.time)
            recent[source] = times
            out.append(alert)
        }
        return out
    }

    private mutating func admit(_ alert: Alert, rule: AlertRule, key: String) -> [Alert] {
        guard rule.dedupeSeconds > 0 else { return [alert] }
        if var window = windows[key], alert.time - window.start < rule.dedupeSeconds * 1000 {
            window.suppressed += 1
            window.last = alert
            windows[key] = window
            return []
        }
        var out: [Alert] = []
        if let window = windows[key], window.suppressed > 0 { out.append(followUp(window)) }
        windows[key] = Window(start: alert.time, suppressed: 0, last: alert)
        out.append(alert)
        return out
    }

    private func followUp(_ window: Window) -> Alert {
        var alert = window.last
        alert.id += "+"
        alert.count = window.suppressed
        alert.title += " (\(window.suppressed) more since \(window.start / 1000))"
        return alert
    }

    private mutating func nextID(_ evidence: String) -> String {
        sequence += 1
        return "\(evidence)#\(sequence)"
    }

    private mutating func alert(for denial: Denial, rule: AlertRule) -> Alert {
        let permissive = denial.permissive == true
        let evidence = "\(denial.id.node.map { $0 + ":" } ?? "")\(denial.id.serial)"
        var hint = rule.hint
        if denial.kind == .needsBoolean, let boolean = denial.boolean { hint = "setsebool -P \(boolean) on" }
        func side(_ leases: [Lease]) -> (String?, String?) {
            let sorted = leases.sorted { $0.name < $1.name }
            return (sorted.isEmpty ? nil : sorted.map(\.name).joined(separator: ","),
                    sorted.isEmpty ? nil : sorted.map(\.uuid).joined(separator: ","))
        }
        let source = side(denial.sources)
        let target = side(denial.targets)
        return Alert(id: nextID(evidence), time: denial.id.timeMilliseconds,
                     severity: permissive ? rule.severity.raised : rule.severity,
                     title: (permissive ? "ALLOWED: " : "") + rule.title, rule: rule.name, kind: denial.kind.rawValue,
                     node: denial.id.node, sourceVM: source.0, sourceUUID: source.1, targetVM: target.0,
                     targetUUID: target.1, scontext: denial.primary.scontext, tcontext: denial.primary.tcontext,
                     tclass: denial.primary.tclass, perms: denial.perms, permissive: denial.permissive,
                     pid: denial.primary.pid, exe: denial.context.exe, path: denial.path, count: 1,
                     evidence: evidence, hint: hint)
    }

    private mutating func alert(for event: RecordedEvent, rule: AlertRule) -> Alert {
        let evidence = event.id.map { "\($0.node.map { $0 + ":" } ?? "")\($0.serial)" } ?? ""
        return Alert(id: nextID(evidence), time: event.timeMilliseconds ?? 0, severity: rule.severity, title: rule.title,
                     rule: rule.name, kind: event.kind.rawValue, node: event.node, sourceVM: event.vm,
                     sourceUUID: event.uuid, targetVM: nil, targetUUID: nil, scontext: event.label, tcontext: nil,
                     tclass: nil, perms: [], permissive: nil, pid: nil, exe: nil, path: nil, count: 1,
                     evidence: evidence, hint: rule.hint)
    }
}
