#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide signal dispositions.
public enum ProcessSignals {
    /// A reader that went away (`| head`, an --exec command that never reads) must be an EPIPE
    /// error where the write happens, not a silent death by SIGPIPE: as under systemd, which
    /// ignores SIGPIPE for its services anyway.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Whether `signal` waits, blocked, for somebody to take it. libdispatch's signal sources
    /// block the signal and read it from a signalfd; once, at a watch's start, the SIGTERM
    /// source never got its signalfd, and SIGTERM stayed pending while watch ran on. A caller
    /// that checks this as well as its source's flag cannot miss the signal that way.
    public static func isPending(_ signal: Int32) -> Bool {
        var pending = sigset_t()
        sigemptyset(&pending)
        guard sigpending(&pending) == 0 else { return false }
        return sigismember(&pending, signal) == 1
    }

    /// Takes `signal` if it is pending (blocked and not yet taken); never waits.
    public static func takePending(_ signal: Int32) -> Bool {
        guard isPending(signal) else { return false }
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        var noWait = timespec(tv_sec: 0, tv_nsec: 0)
        return sigtimedwait(&set, nil, &noWait) == signal
    }
}
