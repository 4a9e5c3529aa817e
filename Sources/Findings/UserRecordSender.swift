import AuditStream

/// Who sent a user-space record (SYSTEM_BOOT, libvirt's VIRT_*), as the kernel names it: the
/// fields it writes before the sender's own text (` msg='`), which the sender cannot choose.
enum UserRecordSender {
    /// The kernel's `subj=`, read from the record's text (the reader makes no String for subj:
    /// every SYSCALL record carries one), and only before ` msg='`, where a forger could write
    /// one of its choosing on a host whose kernel adds none.
    static func subject(of record: AuditRecord) -> String? {
        let raw = record.raw
        let kernelPart = raw.range(of: " msg='").map { raw[..<$0.lowerBound] } ?? raw[...]
        guard let start = kernelPart.range(of: " subj=") else { return nil }
        let value = kernelPart[start.upperBound...].prefix { $0 != " " }
        return value.isEmpty ? nil : String(value)
    }
}
