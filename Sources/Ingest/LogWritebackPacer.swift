import Dispatch
import Foundation
import Native

/// Starts the kernel's writeback of the followed log's new whole pages (FileWriteback), on a
/// thread of its own, every `intervalMilliseconds` once at least `minimumBytes` of them piled up.
/// A flood whose log nobody flushes leaves hundreds of megabytes unwritten, and watch's next
/// checkpoint fsync waited for them (on ext4, data=ordered): 300 ms and more with every alert
/// behind it (tools/bench-watch --flood). Kept small this way, the wait is a few milliseconds.
///
/// A log growing at an ordinary pace never gathers `minimumBytes` before the kernel writes it out
/// itself (within dirty_expire_centisecs, 30 s by default), so the pacer then starts nothing; a
/// page is started once, when whole, never while the writer still fills it. A log rotated away
/// gets its tail started once more.
final class LogWritebackPacer: @unchecked Sendable {
    enum Step: Equatable {
        /// Nothing at the path, or not a regular file.
        case missing
        /// Fewer than `minimumBytes` of whole pages written since the last start.
        case nothingNew
        case started
        /// sync_file_range failed on this file; it is not tried again until the path names
        /// another file.
        case failed
    }

    let path: String
    private let interval: DispatchTimeInterval
    private let minimumBytes: Int64

    /// Guards the flags and counts below; never held across a system call, so neither watch's
    /// loop (takeProblem) nor stop waits for a writeback stuck in the kernel (a hung NFS server).
    private let lock = NSLock()
    private var stopping = false
    private var problem: String?
    private var starts = 0
    /// The waits run on the monotonic clock: a wall clock stepped back must not stall the pacer.
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Held for a whole turn: the file and offsets are the turn's own.
    private let turnLock = NSLock()
    private var file: FileWriteback?
    /// Where the next start begins: every whole page before it was started.
    private var startedUpTo: Int64 = 0
    private var failedFile: FileIdentity?

    init(path: String, intervalMilliseconds: Int64, minimumBytes: Int64 = 1 << 20) {
        self.path = path
        interval = .milliseconds(Int(max(1, min(intervalMilliseconds, 3_600_000))))
        self.minimumBytes = max(1, minimumBytes)
    }

    /// One turn, on the caller's thread (the pacer's own, or a test's).
    func turn() -> Step {
        turnLock.withLock { lockedTurn() }
    }

    private func lockedTurn() -> Step {
        let now = FileIdentity.of(path: path)
        if let open = file, open.identity != now {
            // Rotated (or removed): what was appended to it since the last start is started too.
            if let size = open.size, size > startedUpTo { try? open.start(offset: startedUpTo) }
            file = nil
            startedUpTo = 0
        }
        if file == nil, let now, now != failedFile {
            file = FileWriteback(path: path)
        }
        guard let file else { return now != nil && now == failedFile ? .failed : .missing }
        guard let size = file.size else { return .nothingNew }
        // Truncated in place (copytruncate): its pages start again from the top.
        if size < startedUpTo { startedUpTo = 0 }
        let whole = size - size % FileWriteback.pageSize
        guard whole - startedUpTo >= minimumBytes else { return .nothingNew }
        do {
            try file.start(offset: startedUpTo, length: whole - startedUpTo)
            startedUpTo = whole
            lock.withLock { starts += 1 }
            return .started
        } catch {
            failedFile = file.identity
            self.file = nil
            let problem = "could not start the writeback of \(path) (sync_file_range: \(error)); its dirty pages are left to the kernel, "
                + "and under a flood watch's database syncs may wait for them"
            lock.withLock { self.problem = problem }
            return .failed
        }
    }

    /// How many writebacks were started, by the thread and by `turn`.
    var startedCount: Int { lock.withLock { starts } }

    /// A failure not yet told, once.
    func takeProblem() -> String? {
        lock.withLock {
            defer { problem = nil }
            return problem
        }
    }

    func start() {
        let thread = Thread { [self] in
            defer { finished.signal() }
            while !lock.withLock({ stopping }) {
                _ = turn()
                _ = wake.wait(timeout: .now() + interval)
            }
        }
        thread.name = "log writeback"
        thread.start()
    }

    /// Whether the thread ended within `seconds`: one stuck in the kernel (a writeback that does
    /// not return) is left behind rather than keep watch from stopping.
    @discardableResult
    func stop(waitingAtMost seconds: Double = 1) -> Bool {
        lock.withLock { stopping = true }
        wake.signal()
        return finished.wait(timeout: .now() + seconds) == .success
    }
}
