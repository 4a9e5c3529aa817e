import Foundation

/// The part of JSON Schema (draft 2020-12) that the shipped schema/json files use: type (one or
/// a list), required, properties, items and enum. Enough to hold every output to its published
/// shape without a package dependency; a keyword it does not know is a test failure, not a pass.
public struct JSONSchemaValidator {
    public let schema: [String: Any]
    public let name: String

    static let understood: Set<String> = ["$schema", "$id", "title", "description", "type", "properties", "required",
                                          "items", "enum"]

    /// Loads `schema/json/NAME.schema.json` from the repository.
    public init(named name: String) throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("schema/json/\(name).schema.json")
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.schema = object
        self.name = name
    }

    /// The keys the schema lists, for comparing with what a command writes.
    public var propertyNames: Set<String> { Set((schema["properties"] as? [String: Any])?.keys.map { $0 } ?? []) }

    /// Every way `value` breaks the schema, each with its JSON path; empty when it conforms.
    public func problems(_ value: Any) -> [String] {
        var out: [String] = []
        check(value, against: schema, at: "$", into: &out)
        return out
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, into out: inout [String]) {
        for key in schema.keys where !Self.understood.contains(key) {
            out.append("\(name) \(path): schema keyword \(key) is not understood by the test validator")
        }
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? "?"]
            if !allowed.contains(where: { Self.matches(value, $0) }) {
                out.append("\(name) \(path): \(Self.describe(value)) is not \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let choices = schema["enum"] as? [Any], !choices.contains(where: { Self.equal($0, value) }) {
            out.append("\(name) \(path): \(Self.describe(value)) is not one of \(choices)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                out.append("\(name) \(path): required key \(key) is missing")
            }
            if let properties = schema["properties"] as? [String: Any] {
                for (key, sub) in object {
                    if let rule = properties[key] as? [String: Any] { check(sub, against: rule, at: path + "." + key, into: &out) }
                }
            }
        }
        if let array = value as? [Any], !(value is [String: Any]), let items = schema["items"] as? [String: Any] {
            for (i, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(i)]", into: &out) }
        }
    }

    /// JSONSerialization gives NSNumber for numbers and booleans alike; a JSON true or false
    /// is the one whose C type is char ("c"): JSON numbers parse as Int or Double.
    static func isBool(_ value: Any) -> Bool {
        guard let n = value as? NSNumber else { return false }
        return String(cString: n.objCType) == "c"
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "integer":
            guard let n = value as? NSNumber, !isBool(value) else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "number": return value is NSNumber && !isBool(value)
        case "string": return value is String
        case "array": return value is [Any] && !(value is [String: Any])
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b && isBool(a) == isBool(b) }
        return a is NSNull && b is NSNull
    }

    static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBool(value) { return "boolean \(value)" }
        if value is String { return "string \"\(value)\"" }
        if value is NSNumber { return "number \(value)" }
        if value is [String: Any] { return "an object" }
        if value is [Any] { return "an array" }
        return "\(type(of: value))"
    }
}
