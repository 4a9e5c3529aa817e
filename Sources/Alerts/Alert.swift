import Formatting

/// One alert as the sinks receive it: a JSON object with stable keys.
public struct Alert: Sendable, Equatable, Codable {
    /// Derived from what the alert is about (see `AlertID`), never from a counter: the same input
    /// gives the same ids in any run, so a consumer can drop an alert it has already seen.
    public var id: String
    public var time: Int64
    public var severity: Severity
    public var title: String
    public var rule: String
    public var kind: String
    public var node: String?
    public var sourceVM: String?
    public var sourceUUID: String?
    public var targetVM: String?
    public var targetUUID: String?
    public var scontext: String?
    public var tcontext: String?
    public var tclass: String?
    public var perms: [String]
    public var permissive: Bool?
    public var pid: Int64?
    public var exe: String?
    public var path: String?
    /// How many events this alert stands for (more than one for a dedupe follow-up).
    public var count: Int
    /// `NODE:SERIAL` for `svirt-trace query evidence`.
    public var evidence: String
    public var hint: String?

    public static let keys = ["id", "time", "severity", "title", "rule", "kind", "node", "source_vm", "source_uuid",
                              "target_vm", "target_uuid", "scontext", "tcontext", "tclass", "perms", "permissive",
                              "pid", "exe", "path", "count", "evidence", "hint"]

    public var json: String {
        var out: [UInt8] = [0x7B]
        func key(_ k: String) {
            if out.count > 1 { out.append(0x2C) }
            JSONText.appendQuoted(k, to: &out)
            out.append(0x3A)
        }
        func string(_ k: String, _ v: String?) {
            key(k)
            if let v { JSONText.appendQuoted(v, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        string("id", id)
        string("time", Timestamp.iso8601(milliseconds: time))
        string("severity", severity.rawValue)
        string("title", title)
        string("rule", rule)
        string("kind", kind)
        string("node", node)
        string("source_vm", sourceVM)
        string("source_uuid", sourceUUID)
        string("target_vm", targetVM)
        string("target_uuid", targetUUID)
        string("scontext", scontext)
        string("tcontext", tcontext)
        string("tclass", tclass)
        key("perms")
        JSONText.appendArray(perms, to: &out)
        key("permissive")
        out.append(contentsOf: (permissive.map { $0 ? "true" : "false" } ?? "null").utf8)
        key("pid")
        out.append(contentsOf: (pid.map(String.init) ?? "null").utf8)
        string("exe", exe)
        string("path", path)
        key("count")
        out.append(contentsOf: String(count).utf8)
        string("evidence", evidence)
        string("hint", hint)
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }
}
