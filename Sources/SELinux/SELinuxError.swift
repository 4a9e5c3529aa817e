/// Why a context, level or category list could not be parsed. Carries the offending text.
public enum SELinuxError: Error, Equatable, CustomStringConvertible, Sendable {
    case malformedContext(String)
    case malformedLevel(String)
    case malformedCategory(String)
    /// The number as written: it may not fit an Int.
    case categoryOutOfRange(String)
    case sensitivityOutOfRange(Int)
    case reversedCategoryRange(String)

    public var description: String {
        switch self {
        case .malformedContext(let s): return "malformed SELinux context \"\(s)\": expected user:role:type[:level]"
        case .malformedLevel(let s): return "malformed MLS level \"\(s)\": expected sN[:categories]"
        case .malformedCategory(let s): return "malformed category \"\(s)\": expected cN or cN.cM"
        case .categoryOutOfRange(let n): return "category c\(n) is out of range (c0...c\(CategorySet.maximumCategory))"
        case .sensitivityOutOfRange(let n): return "sensitivity s\(n) is out of range (s0...s\(MLSLevel.maximumSensitivity))"
        case .reversedCategoryRange(let s): return "category range \"\(s)\" runs backwards"
        }
    }
}
