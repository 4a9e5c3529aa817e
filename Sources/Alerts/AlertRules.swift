import Findings
import Foundation
import Native
import Yams

/// Reads and checks a rules file. Every mistake names the file, the rule and the key.
public enum AlertRules {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var file: String
        public var reason: String
        public var description: String { "\(file): \(reason)" }
    }

    static let knownKinds = Set(DenialKind.allCases.map(\.rawValue) + EventKind.allCases.map(\.rawValue))
    static let ruleKeys: Set<String> = ["name", "match", "severity", "title", "dedupe_seconds", "rate_per_minute", "hint"]
    static let matchKeys: Set<String> = ["kind", "tclass", "perms", "permissive", "target_type", "source_vm", "target_vm",
                                         "node", "enforcing", "boolean"]

    /// Loads a rules file, refusing one that anybody may write: rules decide what an operator
    /// is told.
    public static let maximumFileSize: Int64 = 1 << 20

    public static func load(path: String) throws -> [AlertRule] {
        let status: FileStatus
        do { status = try FileStatus(path: path) } catch { throw Failure(file: path, reason: "cannot read it: \(error)") }
        if status.isFolder { throw Failure(file: path, reason: "is a folder, not a rules file") }
        if let problem = TrustedPath.problem(path: path, status: status) {
            throw Failure(file: path, reason: "refused: it \(problem)")
        }
        // Rules files are a few KB; a huge one is a mistake or an attack on watch's memory.
        guard status.size <= maximumFileSize else {
            throw Failure(file: path, reason: "is \(status.size) bytes; a rules file may be at most \(maximumFileSize) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(file: path, reason: "cannot read it") }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws -> [AlertRule] {
        let root: Any?
        do {
            root = try YAMLValues.load(text)
        } catch {
            throw Failure(file: file, reason: "not valid YAML: \(error)")
        }
        guard let document = root as? [String: Any], let list = document["rules"] as? [Any] else {
            throw Failure(file: file, reason: "expected a top-level `rules:` list")
        }
        var rules: [AlertRule] = []
        var names: Set<String> = []
        for (index, item) in list.enumerated() {
            let place = "rule \(index + 1)"
            guard let entry = item as? [String: Any] else { throw Failure(file: file, reason: "\(place): expected a mapping") }
            // Every unknown key, in one order: a mapping's own order changes from run to run.
            let unknownKeys = entry.keys.filter { !ruleKeys.contains($0) }.sorted()
            if !unknownKeys.isEmpty {
                throw Failure(file: file, reason: "\(place): unknown \(unknownKeys.count == 1 ? "key" : "keys") \(unknownKeys.map { "`\($0)`" }.joined(separator: ", ")) (one of \(ruleKeys.sorted().joined(separator: ", ")))")
            }
            guard let name = entry["name"] as? String, !name.isEmpty else { throw Failure(file: file, reason: "\(place): needs a `name`") }
            let here = "rule \(index + 1) (\(name))"
            guard names.insert(name).inserted else { throw Failure(file: file, reason: "\(here): the name is used twice") }
            guard let severityText = entry["severity"] as? String, let severity = Severity(rawValue: severityText) else {
                throw Failure(file: file, reason: "\(here): `severity` must be one of info, warning, high, critical")
            }
            guard let title = entry["title"] as? String, !title.isEmpty else { throw Failure(file: file, reason: "\(here): needs a `title`") }
            guard let match = entry["match"] as? [String: Any] else { throw Failure(file: file, reason: "\(here): needs a `match` mapping") }
            let unknownMatchKeys = match.keys.filter { !matchKeys.contains($0) }.sorted()
            if !unknownMatchKeys.isEmpty {
                throw Failure(file: file, reason: "\(here): unknown match \(unknownMatchKeys.count == 1 ? "key" : "keys") \(unknownMatchKeys.map { "`\($0)`" }.joined(separator: ", ")) (one of \(matchKeys.sorted().joined(separator: ", ")))")
            }
            func strings(_ key: String) throws -> [String] {
                guard let value = match[key] else { return [] }
                if let one = value as? String { return [one] }
                guard let many = value as? [Any], let list = many as? [String] else {
                    throw Failure(file: file, reason: "\(here): `\(key)` must be a string or a list of strings")
                }
                return list
            }
            func string(_ key: String) throws -> String? {
                guard let value = match[key] else { return nil }
                guard let text = value as? String else { throw Failure(file: file, reason: "\(here): `\(key)` must be a string") }
                return text
            }
            let kinds = try strings("kind")
            guard !kinds.isEmpty else { throw Failure(file: file, reason: "\(here): `match.kind` must name at least one kind") }
            for kind in kinds where !knownKinds.contains(kind) {
                throw Failure(file: file, reason: "\(here): unknown kind `\(kind)`")
            }
            var rule = AlertRule(name: name, kinds: Set(kinds), severity: severity, title: title)
            rule.tclasses = Set(try strings("tclass"))
            rule.perms = Set(try strings("perms"))
            rule.targetTypes = Set(try strings("target_type"))
            rule.sourceVM = try string("source_vm")
            rule.targetVM = try string("target_vm")
            rule.node = try string("node")
            rule.boolean = try string("boolean")
            if let value = match["permissive"] {
                guard let flag = value as? Bool else { throw Failure(file: file, reason: "\(here): `permissive` must be true or false") }
                rule.permissive = flag
            }
            if let value = match["enforcing"] {
                guard let number = value as? Int, number == 0 || number == 1 else {
                    throw Failure(file: file, reason: "\(here): `enforcing` must be 0 or 1")
                }
                rule.enforcing = Int64(number)
            }
            if let value = entry["dedupe_seconds"] {
                guard let seconds = value as? Int, seconds >= 0 else {
                    throw Failure(file: file, reason: "\(here): `dedupe_seconds` must be a whole number of seconds, 0 or more")
                }
                rule.dedupeSeconds = Int64(seconds)
            }
            if let value = entry["rate_per_minute"] {
                guard let rate = value as? Int, rate > 0 else { throw Failure(file: file, reason: "\(here): `rate_per_minute` must be 1 or more") }
                rule.ratePerMinute = rate
            }
            if let value = entry["hint"] {
                guard let hint = value as? String else { throw Failure(file: file, reason: "\(here): `hint` must be a string") }
                if hint.lowercased().contains("audit2allow"), !hint.lowercased().contains("never"),
                   !Set(kinds).isDisjoint(with: ["cross-guest", "guest-host", "unknown-source", "unknown-target", "unattributed"]) {
                    throw Failure(file: file, reason: "\(here): do not suggest audit2allow for a guest reaching outside its label")
                }
                rule.hint = hint
            }
            rules.append(rule)
        }
        guard !rules.isEmpty else { throw Failure(file: file, reason: "no rules") }
        return rules
    }
}
