/// Every field name the decoders here read. The reader can skip making Strings for the rest
/// (a0..a3, gid, cap_fp, ...): the raw record text keeps them as evidence either way.
public enum FieldsRead {
    public static let names: Set<String> = [
        "seresult", "seperms", "pid", "comm", "name", "dev", "ino", "scontext", "tcontext", "tclass", "permissive",
        "arch", "syscall", "success", "exit", "exe", "uid", "auid", "cwd", "proctitle",
        "virt", "vm", "uuid", "vm-ctx", "img-ctx", "model", "op", "vm-pid", "res", "reason", "resrc", "path", "device",
        "enforcing", "old_enforcing", "bool", "val", "old_val",
        "invalid_context", "oldcontext", "newcontext",
    ]

    /// Prefixes of field names read as a family (VIRT_RESOURCE's old-disk, new-disk, ...).
    public static let prefixes: [String] = ["old-", "new-"]

    @Sendable public static func isRead(_ name: String) -> Bool {
        if names.contains(name) { return true }
        let utf8 = name.utf8
        return utf8.count > 4 && (utf8.starts(with: "old-".utf8) || utf8.starts(with: "new-".utf8))
    }
}
