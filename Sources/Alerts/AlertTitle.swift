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
        let values: [(String, String)] = [
            ("{source}", side(denial.sources, denial.source)),
            ("{target}", side(denial.targets, denial.target)),
            ("{access}", "\(denial.perms.joined(separator: ",")) on \(denial.primary.tclass)"),
            ("{kind}", denial.kind.rawValue),
            ("{boolean}", denial.boolean ?? "a virt boolean"),
            ("{path}", denial.path ?? "?"),
        ]
        // One pass over the template: a value is never read again, so a guest named `{target}`
        // cannot put another guest's name into the title.
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
