#if canImport(Glibc)
import Glibc
#endif

/// Whether what a process writes to a descriptor goes nowhere: auditd starts its plugins with
/// standard output and standard error on /dev/null (and an empty environment), so a plugin that
/// logs there is silent, even about why it exits.
public enum DiscardedDescriptor {
    /// True when `descriptor` is closed or is /dev/null.
    public static func isDiscarded(_ descriptor: Int32) -> Bool {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return true }
        guard (info.st_mode & S_IFMT) == S_IFCHR else { return false }
        var null = stat()
        guard stat("/dev/null", &null) == 0 else { return false }
        return info.st_rdev == null.st_rdev
    }
}
