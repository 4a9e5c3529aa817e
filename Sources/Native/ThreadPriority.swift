import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Linux nice values per thread (a thread is a task with its own id).
public enum ThreadPriority {
    /// Lowers the calling thread's priority by `niceness` (0 to 19); false if Linux would not.
    @discardableResult
    public static func lowerCurrent(niceness: Int32) -> Bool {
        // The thread's own id, which Glibc's gettid() gives but Swift does not import:
        // /proc/thread-self links to PID/task/TID.
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
              let tid = link.split(separator: "/").last.flatMap({ id_t(String($0)) }) else { return false }
        return setpriority(__priority_which_t(PRIO_PROCESS.rawValue), tid, niceness) == 0
    }
}
