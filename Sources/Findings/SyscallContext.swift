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
