/// A value bound to or read from SQLite, as plain Swift. Equal as SQL compares them: text by its
/// bytes (Swift's String equality would call two spellings of one name in different Unicode
/// normalization equal, and a key set would keep one of two rows).
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var int64: Int64? {
        if case .integer(let v) = self { return v }
        return nil
    }

    public var string: String? {
        switch self {
        case .text(let s): return s
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .null, .blob: return nil
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public static func == (a: SQLValue, b: SQLValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.integer(x), .integer(y)): return x == y
        case let (.real(x), .real(y)): return x == y
        case let (.text(x), .text(y)): return ExactText(x) == ExactText(y)
        case let (.blob(x), .blob(y)): return x == y
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .integer(let v): hasher.combine(1); hasher.combine(v)
        case .real(let v): hasher.combine(2); hasher.combine(v)
        case .text(let s): hasher.combine(3); hasher.combine(ExactText(s))
        case .blob(let b): hasher.combine(4); hasher.combine(b)
        }
    }

    public var bytes: [UInt8]? {
        switch self {
        case .blob(let b): return b
        case .text(let s): return Array(s.utf8)
        default: return nil
        }
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension Optional where Wrapped == String {
    public var sql: SQLValue { map { .text($0) } ?? .null }
}

extension Optional where Wrapped == Int64 {
    public var sql: SQLValue { map { .integer($0) } ?? .null }
}

extension Optional where Wrapped == Int {
    public var sql: SQLValue { map { .integer(Int64($0)) } ?? .null }
}

extension Optional where Wrapped == Bool {
    public var sql: SQLValue { map { .integer($0 ? 1 : 0) } ?? .null }
}
