#if canImport(Glibc)
import Glibc
#endif

public enum ProcessStatus {
    /// Whether a process with this pid exists (kill(pid, 0); EPERM: it exists, owned by another
    /// user). A pid reused since says yes: good enough for advice, never for a decision.
    public static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
