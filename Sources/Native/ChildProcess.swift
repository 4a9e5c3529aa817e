#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A command run with a pipe on its standard input and /dev/null for its output, in a process
/// group of its own so that a timeout stops everything it started. The child always gets the
/// default signal dispositions (the parent ignores SIGPIPE and handles SIGTERM itself), and is
/// always reaped: by `wait`, or at the latest when this object goes away.
public final class ChildProcess {
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signalled(let signal): return "killed by signal \(signal)"
            }
        }
    }

    public let pid: pid_t
    private var input: Int32
    /// Kept open so that a write to a child that exits without reading cannot fail with EPIPE,
    /// and so that what it left unread can be counted (FIONREAD) after it exited.
    private let inputReadEnd: Int32
    private var termination: Termination?

    /// pipe2(2) is not visible from Swift: creating a pipe, marking it close-on-exec and spawning
    /// happen under this lock, so that a child started by another sink meanwhile cannot inherit
    /// this pipe (and keep its reader from seeing end of file).
    private static let spawning = Mutex<Void>(())
    /// Process groups of children not reaped yet, and whether new ones may start.
    private static let running = Mutex<(groups: Set<pid_t>, closed: Bool)>(([], false))

    /// At exit: no child starts any more, and every child still running gets SIGKILL (its
    /// process group), so that a command stuck past the shutdown's wait does not outlive its
    /// parent.
    public static func shutDown() {
        // Under the spawning lock: a child being started at this moment is registered before
        // the groups are read, so it is killed too instead of outliving its parent.
        let groups = spawning.withLock { _ in
            running.withLock { state in
                state.closed = true
                return state.groups
            }
        }
        for group in groups { _ = kill(-group, SIGKILL) }
    }

    /// Starts `arguments[0]` (an absolute path) with `arguments`.
    public init(arguments: [String]) throws {
        guard let program = arguments.first else { throw SystemError(code: EINVAL) }
        (pid, inputReadEnd, input) = try Self.spawning.withLock { _ in
            guard !Self.running.withLock({ $0.closed }) else { throw SystemError(code: ECANCELED) }
            let started = try Self.spawn(program, arguments)
            _ = Self.running.withLock { $0.groups.insert(started.0) }
            return started
        }
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
    }

    private static func spawn(_ program: String, _ arguments: [String]) throws -> (pid_t, Int32, Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SystemError.last }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else of the parent's reaches the command: a descriptor it kept open (a socket
        // its own parent watches for the end of watch, say) would outlive watch with it.
        if let closeFrom = Self.closeFrom {
            _ = closeFrom(&actions, 3)
        } else {
            for fd in Self.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, program, &actions, &attributes, &argv, environ)
        guard rc == 0 else {
            close(ends[0])
            close(ends[1])
            throw SystemError(code: rc)
        }
        return (child, ends[0], ends[1])
    }

    deinit {
        if termination == nil {
            signalGroup(SIGKILL)
            _ = waitForever()
        }
        closeInput()
        close(inputReadEnd)
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34), which Swift does not see
    /// without _GNU_SOURCE: looked up at run time.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    /// This process's open descriptors (/proc/self/fd), where closefrom is unavailable.
    private static func openDescriptors() -> [Int32] {
        guard let folder = opendir("/proc/self/fd") else { return [] }
        defer { closedir(folder) }
        var out: [Int32] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let fd = Int32(name) { out.append(fd) }
        }
        return out
    }

    /// Writes all of `bytes` to the child's standard input unless the child exits or `seconds`
    /// pass first. Returns whether everything was written.
    public func writeInput(_ bytes: [UInt8], within seconds: Double) -> Bool {
        let deadline = Self.now() + seconds
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if n > 0 {
                offset += n
                continue
            }
            if n < 0, errno == EINTR { continue }
            if n < 0, errno != EAGAIN { return false }
            // The pipe is full: wait for room, a little at a time, watching for the child's exit.
            if poll(until: deadline) != nil || Self.now() >= deadline { return false }
            var entry = pollfd(fd: input, events: Int16(POLLOUT), revents: 0)
            _ = Glibc.poll(&entry, 1, 10)
        }
        return true
    }

    /// Ends the child's input: it reads end of file.
    public func closeInput() {
        guard input >= 0 else { return }
        close(input)
        input = -1
    }

    /// Bytes written to the child's standard input that it never read.
    public var unreadInput: Int {
        var count: Int32 = 0
        return ioctl(inputReadEnd, UInt(FIONREAD), &count) == 0 ? Int(count) : 0
    }

    /// How the child ended, waiting at most `seconds`; nil if it still runs.
    public func wait(seconds: Double) -> Termination? {
        let deadline = Self.now() + seconds
        while true {
            if let done = poll(until: deadline) { return done }
            if Self.now() >= deadline { return nil }
            usleep(5_000)
        }
    }

    /// Waits for the child to end, however long that takes (after SIGKILL: not long).
    public func waitForever() -> Termination {
        if let termination { return termination }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                termination = .exited(-1)
                _ = Self.running.withLock { $0.groups.remove(pid) }
                return .exited(-1)
            }
        }
        let done = Self.decode(status)
        termination = done
        _ = Self.running.withLock { $0.groups.remove(pid) }
        return done
    }

    /// SIGTERM to the child's whole process group (it and what it started).
    public func terminateGroup() { signalGroup(SIGTERM) }

    /// SIGKILL to the child's whole process group.
    public func killGroup() { signalGroup(SIGKILL) }

    /// SIGKILL to what is left of the group after the child itself ended (processes it started
    /// that outlived it). Called at once after the child is reaped: its number stays the
    /// group's id while any member lives, and is not handed out again while one does.
    public func killRemainingGroup() { _ = kill(-pid, SIGKILL) }

    private func signalGroup(_ signal: Int32) {
        guard termination == nil else { return }
        _ = kill(-pid, signal)
    }

    /// A non-blocking look at whether the child ended.
    private func poll(until deadline: Double) -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        let rc = waitpid(pid, &status, WNOHANG)
        if rc == pid {
            termination = Self.decode(status)
        } else if rc < 0, errno == ECHILD {
            termination = .exited(-1)
        }
        if termination != nil { _ = Self.running.withLock { $0.groups.remove(pid) } }
        return termination
    }

    private static func decode(_ status: Int32) -> Termination {
        // WIFEXITED / WTERMSIG, which Swift does not import as functions.
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
