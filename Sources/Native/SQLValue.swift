/// A value bound to or read from SQLite, as plain Swift.
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

    public var isNull: Bool { self == .null }

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
