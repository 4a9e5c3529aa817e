private import CAuparse

/// Syscall numbers to names through libaudit's own tables, for the machine the SYSCALL record's
/// `arch` names. Results are cached: the same few syscalls repeat.
public struct SyscallNames: Sendable {
    private var cache: [Int64: String] = [:]

    public init() {}

    /// - Parameters:
    ///   - arch: the record's `arch` field, hex (`c000003e` is x86_64).
    public mutating func name(number: Int, arch: String) -> String? {
        guard let elf = UInt32(arch, radix: 16) else { return nil }
        let key = Int64(elf) << 20 | Int64(number & 0xFFFFF)
        if let hit = cache[key] { return hit }
        let machine = audit_elf_to_machine(elf)
        guard machine >= 0, let cName = audit_syscall_to_name(Int32(number), machine) else { return nil }
        let name = String(cString: cName)
        cache[key] = name
        return name
    }
}
