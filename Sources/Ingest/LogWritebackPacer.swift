import Foundation
import Native

/// Starts, every `intervalMilliseconds`, the kernel's writeback of what the followed log gained
/// (FileWriteback), on a thread of its own, as auditd's `flush = incremental_async` does for the
/// log it writes. A flood whose log nobody flushes leaves hundreds of megabytes unwritten, and
/// watch's next checkpoint fsync waited for them: 300 ms and more with every alert behind it
/// (tools/bench-watch --flood). Kept small this way, the wait is a few milliseconds.
///
/// It only ever starts writes the kernel would make anyway, a few seconds later; it reads
/// nothing and never waits for them. A log rotated away gets its tail started once more.
final class LogWritebackPacer: @unchecked Sendable {
    enum Step: Equatable {
        /// Nothing at the path, or not a regular file.
        case missing
        case nothingNew
        case started
        /// sync_file_range failed on this file; it is not tried again until the path names
        /// another file.
        case failed
    }

    let path: String
    private let interval: TimeInterval
    /// Guards the flags and counts below; never held across a system call, so neither watch's
    /// loop (takeProblem) nor stop waits for a writeback stuck in the kernel (a hung NFS server).
    private let condition = NSCondition()
    private var stopping = false
    private var running = false
    /// Held for a whole turn: the file and sizes are the turn's own.
    private let turnLock = NSLock()
    private var file: FileWriteback?
    private var startedAtSize: Int64?
    private var failedFile: FileIdentity?
    private var problem: String?
    private var starts = 0

    init(path: String, intervalMilliseconds: Int64) {
        self.path = path
        interval = Double(max(1, intervalMilliseconds)) / 1000
    }

    /// One turn, on the caller's thread (the pacer's own, or a test's).
    func turn() -> Step {
        turnLock.withLock { lockedTurn() }
    }

    private func lockedTurn() -> Step {
        let now = FileIdentity.of(path: path)
        if let open = file, open.identity != now {
            // Rotated (or removed): what was appended to it before is started too.
            if open.size != startedAtSize { try? open.start() }
            file = nil
            startedAtSize = nil
        }
        if file == nil, let now, now != failedFile {
            file = FileWriteback(path: path)
        }
        guard let file else { return now != nil && now == failedFile ? .failed : .missing }
        let size = file.size
        guard size != startedAtSize else { return .nothingNew }
        do {
            try file.start()
            startedAtSize = size
            condition.withLock { starts += 1 }
            return .started
        } catch {
            failedFile = file.identity
            self.file = nil
            let problem = "could not start the writeback of \(path) (sync_file_range: \(error)); its dirty pages are left to the kernel, "
                + "and under a flood watch's database syncs may wait for them"
            condition.withLock { self.problem = problem }
            return .failed
        }
    }

    /// How many writebacks were started, by the thread and by `turn`.
    var startedCount: Int { condition.withLock { starts } }

    /// A failure not yet told, once.
    func takeProblem() -> String? {
        condition.withLock {
            defer { problem = nil }
            return problem
        }
    }

    func start() {
        condition.withLock { stopping = false }
        let thread = Thread { [self] in
            condition.withLock { running = true }
            defer {
                condition.withLock {
                    running = false
                    condition.broadcast()
                }
            }
            while !condition.withLock({ stopping }) {
                _ = turn()
                condition.withLock {
                    if !stopping { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
                }
            }
        }
        thread.name = "log writeback"
        thread.start()
    }

    /// Returns once the thread has ended (at most one turn later), or after 5 s: a turn stuck in
    /// the kernel must not keep watch from stopping.
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
            let deadline = Date().addingTimeInterval(5)
            while running, condition.wait(until: deadline) {}
        }
    }
}
