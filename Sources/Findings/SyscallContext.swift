import AuditStream

/// What the SYSCALL, CWD, PATH and PROCTITLE records of the same event add to a denial.
public struct SyscallContext: Sendable, Equatable {
    public var syscall: String?
    public var success: Bool?
    public var exit: Int64?
    public var exe: String?
    public var comm: String?
    public var uid: Int64?
    public var auid: Int64?
    /// auid as a user name, where the ENRICHED part of the log gives it.
    public var auidName: String?
    public var cwd: String?
    public var paths: [String] = []
    public var proctitle: String?

    public init() {}
}

extension AuditRecord {
    /// A numeric field within `range`, or nil with the reason added to `problems` when the record
    /// holds a number outside it.
    func checkedNumber(_ name: String, in range: ClosedRange<Int64>, problems: inout [String]) -> Int64? {
        switch number(name, in: range) {
        case .absent: return nil
        case .value(let value): return value
        case .outOfRange(let text):
            problems.append(NumericField.reason(type: type, field: name, text: text, range: range))
            return nil
        }
    }
}
