/// An MLS range `low[-high]`. A context printed with one level has `high == low`.
public struct MLSRange: Hashable, Sendable {
    public var low: MLSLevel
    public var high: MLSLevel

    public init(low: MLSLevel, high: MLSLevel? = nil) {
        self.low = low
        self.high = high ?? low
    }

    public static func parse<S: StringProtocol>(_ text: S) throws -> MLSRange {
        let text = Substring(text)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return MLSRange(low: try MLSLevel.parse(parts[0]))
        case 2:
            let low = try MLSLevel.parse(parts[0])
            let high = try MLSLevel.parse(parts[1])
            guard high.dominates(low) else { throw SELinuxError.malformedLevel(String(text)) }
            return MLSRange(low: low, high: high)
        default: throw SELinuxError.malformedLevel(String(text))
        }
    }

    public var isSingleLevel: Bool { low == high }

    public func dominates(_ other: MLSRange) -> Bool {
        high.dominates(other.high) && other.low.dominates(low)
    }
}

extension MLSRange: CustomStringConvertible {
    public var description: String { isSingleLevel ? low.description : "\(low)-\(high)" }
}
