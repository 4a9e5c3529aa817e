/// Which virt_* boolean would allow a denial: data from `rules/virt-booleans.tsv`.
public struct BooleanRules: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public enum Match: String, Sendable { case ttype, tclass, perm }
        public var boolean: String
        public var match: Match
        public var value: String
        public var tradeOff: String
    }

    public var rules: [Rule]

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var reason: String
        public var description: String { "boolean rules line \(line): \(reason)" }
    }

    public init(rules: [Rule]) { self.rules = rules }

    /// The rules shipped in `rules/virt-booleans.tsv`.
    public static let standard: BooleanRules = {
        do { return try parse(EmbeddedData.virtBooleansTSV) } catch { fatalError("embedded boolean rules: \(error)") }
    }()

    public static func parse(_ text: String) throws -> BooleanRules {
        var rules: [Rule] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else {
                throw ParseError(line: offset + 1, reason: "expected boolean<TAB>match<TAB>value[<TAB>trade-off]")
            }
            guard parts[0].hasPrefix("virt_") || parts[0].contains("_") else {
                throw ParseError(line: offset + 1, reason: "\"\(parts[0])\" is not a boolean name")
            }
            guard let match = Rule.Match(rawValue: parts[1]) else {
                throw ParseError(line: offset + 1, reason: "match must be ttype, tclass or perm, not \"\(parts[1])\"")
            }
            guard !parts[2].isEmpty else { throw ParseError(line: offset + 1, reason: "empty value") }
            rules.append(Rule(boolean: parts[0], match: match, value: parts[2],
                              tradeOff: parts.count > 3 ? parts[3] : ""))
        }
        return BooleanRules(rules: rules)
    }

    public func boolean(ttype: String, tclass: String, perms: [String]) -> Rule? {
        rules.first { rule in
            switch rule.match {
            case .ttype: return rule.value == ttype
            case .tclass: return rule.value == tclass
            case .perm: return perms.contains(rule.value)
            }
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> Substring {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return s
    }
}
