#if canImport(Glibc)
import Glibc
#endif

/// One lock wait of `SQLiteDatabase.pollWhileBusy`: when it began, and how long it may last.
struct PolledWait {
    let timeoutNanoseconds: UInt64
    var started: UInt64

    /// CLOCK_MONOTONIC, in nanoseconds: a wall clock stepped back would lengthen the wait.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}
