import Findings
import Guests

/// Fills a rule's title for one denial. A title names both sides and the access, so the line a
/// terminal or a pager shows says who reached for what without opening the JSON:
/// `web004 → ci001: read,write on blk_file (cross-guest)`. The shipped rules write their titles
/// with these placeholders; a rule's title without any is used as it stands.
///
///   {source}  the source guest(s), else `label LEVEL` for an unknown sVirt label, else its type
///   {target}  the same for the target side (the target type, `shadow_t`, for a host object)
///   {access}  `PERMS on TCLASS`
///   {kind}    the denial's kind; {boolean} the boolean that would allow it; {path} the path
///
/// Names are data here (JSON carries them as they are); whoever prints a title on a terminal
/// escapes it.
enum AlertTitle {
    static func fill(_ template: String, denial: Denial) -> String {
        guard template.contains("{") else { return template }
        return fill(template, [
            ("{source}", side(denial.sources, denial.source)),
            ("{target}", side(denial.targets, denial.target)),
            ("{access}", "\(denial.perms.joined(separator: ",")) on \(denial.primary.tclass)"),
            ("{kind}", denial.kind.rawValue),
            ("{boolean}", denial.boolean ?? "a virt boolean"),
            ("{path}", denial.path ?? "?"),
        ])
    }

    /// For an event: {vm} the guest (else `a guest`), {label} its label, {node}, {kind}, and
    /// {disk}, {boolean}, {value}, {record} and {sender} from the event's detail (`?` when it
    /// has none).
    static func fill(_ template: String, event: RecordedEvent) -> String {
        guard template.contains("{") else { return template }
        func detail(_ key: String) -> String {
            switch event.detail.first(where: { $0.0 == key })?.1 {
            case .string(let s)?: return s
            case .int(let n)?: return String(n)
            case .bool(let b)?: return b ? "1" : "0"
            case .strings(let list)?: return list.joined(separator: ",")
            case .null?, nil: return "?"
            }
        }
        return fill(template, [
            ("{vm}", event.vm ?? "a guest"),
            ("{label}", event.label ?? "?"),
            ("{node}", event.node ?? "-"),
            ("{kind}", event.kind.rawValue),
            ("{disk}", detail("disk")),
            ("{boolean}", detail("boolean")),
            ("{value}", detail("value")),
            ("{record}", detail("record")),
            ("{sender}", detail("sender")),
        ])
    }

    /// One pass over the template: a value is never read again, so a guest named `{target}`
    /// cannot put another guest's name into the title.
    private static func fill(_ template: String, _ values: [(String, String)]) -> String {
        var out = ""
        var rest = template[...]
        while let brace = rest.firstIndex(of: "{") {
            out += rest[..<brace]
            let tail = rest[brace...]
            if let (key, value) = values.first(where: { tail.hasPrefix($0.0) }) {
                out += value
                rest = tail.dropFirst(key.count)
            } else {
                out += "{"
                rest = tail.dropFirst()
            }
        }
        return out + rest
    }

    /// Guests by name (several after a label collision), else what the label says.
    static func side(_ leases: [Lease], _ context: ContextView) -> String {
        if !leases.isEmpty { return leases.map(\.name).sorted().joined(separator: ",") }
        if let level = context.guestLevel, context.type?.hasPrefix("svirt") == true { return "label \(level.description)" }
        return context.type ?? context.raw
    }
}
