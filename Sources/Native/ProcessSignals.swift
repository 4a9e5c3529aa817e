#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Set by the handlers `catchStopAndReload` installs. Lock-free atomics: safe in a handler.
private let stopRequested = Atomic<Bool>(false)
private let reloadRequested = Atomic<Bool>(false)

/// Process-wide signal dispositions.
public enum ProcessSignals {
    /// A reader that went away (`| head`, an --exec command that never reads) must be an EPIPE
    /// error where the write happens, not a silent death by SIGPIPE: as under systemd, which
    /// ignores SIGPIPE for its services anyway.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// SIGTERM and SIGINT ask to stop, SIGHUP to reload: each sets a flag, whichever thread it
    /// is delivered to. libdispatch's signal sources (used before) set SIG_IGN and then block the
    /// signal for a signalfd on another thread, later: a SIGTERM delivered in between, or to a
    /// thread that did not block it, was ignored, and one watch ran on for 15 minutes after it
    /// (helper-79). A handler has no such window.
    public static func catchStopAndReload() {
        signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
        signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
        signal(SIGHUP) { _ in reloadRequested.store(true, ordering: .relaxed) }
    }

    /// Whether SIGTERM or SIGINT came since `catchStopAndReload`.
    public static var stopWasRequested: Bool { stopRequested.load(ordering: .relaxed) }

    /// Whether SIGHUP came since the last call.
    public static func takeReloadRequest() -> Bool { reloadRequested.exchange(false, ordering: .relaxed) }

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
