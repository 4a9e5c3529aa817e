#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Set by the handlers `catchStopAndReload` installs. Lock-free atomics: safe in a handler.
private let stopRequested = Atomic<Bool>(false)
private let reloadRequested = Atomic<Bool>(false)
/// The signal `catchFirstStop`'s handler took (0: none yet).
private let firstStopSignal = Atomic<Int32>(0)
/// Which of SIGTERM (1) and SIGINT (2) `catchFirstStop` caught: its handler puts back the default
/// action of those only.
private let caughtStopSignals = Atomic<Int32>(0)

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
        unblock([SIGTERM, SIGINT, SIGHUP])
    }

    /// For a batch command (ingest): the first SIGTERM or SIGINT asks to stop, and puts the
    /// default action back, so that a second one kills at once; one the parent ignores stays
    /// ignored. A run stopped that way commits what it read with its checkpoint; one killed
    /// loses only its uncommitted batch, which the next run reads again. SIGHUP keeps its
    /// default: nothing is lost by it either.
    public static func catchFirstStop() {
        let handler: @convention(c) (Int32) -> Void = { number in
            _ = firstStopSignal.compareExchange(expected: 0, desired: number, ordering: .relaxed)
            stopRequested.store(true, ordering: .relaxed)
            // Only those caught: one the parent ignores must stay ignored after the first stop.
            if caughtStopSignals.load(ordering: .relaxed) & 1 != 0 { signal(SIGTERM, SIG_DFL) }
            if caughtStopSignals.load(ordering: .relaxed) & 2 != 0 { signal(SIGINT, SIG_DFL) }
        }
        // A signal the parent set to be ignored stays ignored, as POSIX has it across exec (a
        // non-interactive shell's background job ignores SIGINT, nohup-style wrappers others).
        var caught: [Int32] = []
        for (number, bit) in [(SIGTERM, Int32(1)), (SIGINT, Int32(2))] where !isIgnored(number) {
            caughtStopSignals.store(caughtStopSignals.load(ordering: .relaxed) | bit, ordering: .relaxed)
            signal(number, handler)
            caught.append(number)
        }
        unblock(caught)
    }

    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        // C function pointers are not Equatable in Swift: compared as addresses (SIG_IGN is 1).
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// A signal mask is inherited across exec: a parent that blocked SIGTERM in the thread that
    /// started this process (a test runner's, a supervisor's) would leave it pending forever, and
    /// the handler would never run (an ingest under swift-testing ran on after it). Threads
    /// started later inherit this thread's mask, so this is done first, on the main thread.
    private static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal `catchFirstStop` took, if any.
    public static var firstStop: Int32? {
        let number = firstStopSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Whether SIGTERM or SIGINT came since `catchStopAndReload` or `catchFirstStop`.
    public static var stopWasRequested: Bool { stopRequested.load(ordering: .relaxed) }

    /// Whether `catchFirstStop`'s handler took a signal: a batch run is to stop, and stops
    /// waiting for a lock too (watch's stop commits what it holds, and waits for it).
    public static var batchStopWasRequested: Bool { firstStopSignal.load(ordering: .relaxed) != 0 }

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
