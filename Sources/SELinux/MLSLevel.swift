/// One MLS level: a sensitivity and a category set (`s0:c87,c520`).
public struct MLSLevel: Hashable, Sendable {
    public static let maximumSensitivity = 15

    public var sensitivity: Int
    public var categories: CategorySet

    public init(sensitivity: Int, categories: CategorySet = CategorySet()) {
        self.sensitivity = sensitivity
        self.categories = categories
    }

    public static func parse<S: StringProtocol>(_ text: S) throws -> MLSLevel {
        let text = Substring(text)
        let colon = text.firstIndex(of: ":")
        let sens = colon.map { text[..<$0] } ?? text
        guard sens.first == "s", sens.count >= 2, sens.count <= 4,
              sens.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(sens.dropFirst()) else {
            throw SELinuxError.malformedLevel(String(text))
        }
        guard n <= maximumSensitivity else { throw SELinuxError.sensitivityOutOfRange(n) }
        guard let colon else { return MLSLevel(sensitivity: n) }
        let cats = text[text.index(after: colon)...]
        guard !cats.isEmpty else { throw SELinuxError.malformedLevel(String(text)) }
        return MLSLevel(sensitivity: n, categories: try CategorySet.parse(cats))
    }

    /// `self` dominates `other` when its sensitivity is at least as high and its categories are a
    /// superset: the MCS check that keeps one guest out of another's files.
    public func dominates(_ other: MLSLevel) -> Bool {
        sensitivity >= other.sensitivity && other.categories.isSubset(of: categories)
    }
}

extension MLSLevel: CustomStringConvertible {
    public var description: String {
        categories.isEmpty ? "s" + String(sensitivity) : "s" + String(sensitivity) + ":" + categories.description
    }
}
