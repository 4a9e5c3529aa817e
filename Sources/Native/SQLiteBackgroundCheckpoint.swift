import Foundation
private import CSQLite

/// Copies a writer's WAL back into the database file mostly on a thread and connection of its
/// own.
///
/// SQLite's automatic checkpoint runs inside the COMMIT that crosses its mark (1000 pages): on
/// the writer's thread, with two fdatasyncs and a thousand page writes. Under a flood that is
/// 50–150 ms of every second in which watch reads, judges and alerts on nothing, and a new
/// attack's alert waits behind it.
///
/// Here a commit past the mark only signals, and a PASSIVE checkpoint on the second connection
/// copies while the writer goes on. But the WAL starts again from its beginning only when the
/// writer begins a transaction with every page of it copied, which a writer that never pauses
/// does not see. So once the thread has copied everything before a commit, that commit copies
/// its own pages itself (and syncs them), as the automatic checkpoint would have copied them all,
/// and the next transaction restarts the WAL: under a flood the writer copies one commit's pages
/// (a few hundred) about once a second instead of every page at every mark. Should the thread
/// fall far behind (a slow disk), the commit past `hardLimit` pages waits for it and checkpoints
/// itself: the WAL stays bounded.
///
/// If the second connection cannot be opened the writer keeps SQLite's automatic checkpoint.
final class SQLiteBackgroundCheckpoint: @unchecked Sendable {
    /// Shared by the commit hook (a C callback on the writer's thread) and the thread. Everything
    /// but the constants is guarded by `condition`; `connection` is the thread's alone.
    private final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        let mark: Int32
        let nearlyDone: Int32
        let hardLimit: Int32
        let connection: OpaquePointer
        var wanted = false
        var stopping = false
        var running = false
        /// Pages of the WAL the thread's last checkpoint had copied, in the WAL `generation` it
        /// ran in (a restart makes the figure stale).
        var copied: Int32 = 0
        var generation = 0
        /// The WAL's length at the last commit: a shorter one means it restarted.
        var lastFrames: Int32 = 0
        var checkpointsRun = 0
        var writerCheckpoints = 0
        var forcedCheckpoints = 0

        init(mark: Int32, connection: OpaquePointer) {
            self.mark = max(1, mark)
            nearlyDone = max(1, self.mark / 32)
            hardLimit = self.mark * 2
            self.connection = connection
        }

        /// At every commit, on the writer's thread, with the WAL `frames` pages long: true when
        /// the writer should copy the rest itself.
        func committed(frames: Int32) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            if frames < lastFrames { generation += 1; copied = 0; lastFrames = 0 }
            let thisCommit = frames - lastFrames
            lastFrames = frames
            guard frames >= mark else { return false }
            if frames >= hardLimit {
                // The thread's checkpoint holds the checkpoint lock: its end is waited for, or
                // the commit's own would be refused and the WAL grow on.
                while (wanted || running) && !stopping { condition.wait() }
                forcedCheckpoints += 1
                return true
            }
            // The thread has copied everything before this commit: what is left is this
            // commit's own pages, which the writer copies and syncs itself, so that the next
            // transaction restarts the WAL.
            if frames - copied <= max(nearlyDone, thisCommit), !running { return true }
            // Asked while the thread copies, it goes again once done (one more, not one per
            // commit): a writer that commits in bursts would otherwise find it one burst behind
            // every time, and the WAL would never restart.
            wanted = true
            condition.signal()
            return false
        }

        func writerCopied() {
            condition.lock()
            writerCheckpoints += 1
            condition.unlock()
        }
    }

    private let shared: Shared
    private let writer: OpaquePointer
    private let finished = DispatchSemaphore(value: 0)
    private var stopped = false

    /// Installs the hook on `writer` (replacing SQLite's automatic checkpoint) and starts the
    /// thread; nil when the second connection cannot be opened (the automatic checkpoint stays).
    init?(writer: OpaquePointer, path: String, framesAbove mark: Int32) {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            if let db { sqlite3_close_v2(db) }
            return nil
        }
        self.writer = writer
        shared = Shared(mark: mark, connection: db)
        let shared = shared
        let finished = finished
        sqlite3_wal_hook(writer, { context, writer, _, frames in
            guard let context else { return SQLITE_OK }
            let shared = Unmanaged<Shared>.fromOpaque(context).takeUnretainedValue()
            if shared.committed(frames: frames) {
                // As SQLite's own hook does; BUSY (the thread is copying) leaves it for later.
                if sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) == SQLITE_OK {
                    shared.writerCopied()
                }
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(shared).toOpaque())
        let thread = Thread {
            var walOpened = false
            while true {
                shared.condition.lock()
                while !shared.wanted && !shared.stopping { shared.condition.wait() }
                let stopping = shared.stopping
                let generation = shared.generation
                shared.wanted = false
                shared.running = !stopping
                if stopping { shared.condition.broadcast() }
                shared.condition.unlock()
                if stopping { break }
                // A connection finds the database in WAL mode only when it first reads it; until
                // then a checkpoint is a no-op that says SQLITE_OK.
                if !walOpened {
                    walOpened = sqlite3_exec(shared.connection, "PRAGMA schema_version", nil, nil, nil) == SQLITE_OK
                }
                // PASSIVE never waits for a lock and never blocks the writer; what it cannot copy
                // now (a reader's snapshot, the writer's newest pages) is copied the next time.
                var copied: Int32 = 0
                let rc = walOpened ? sqlite3_wal_checkpoint_v2(shared.connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, &copied) : SQLITE_BUSY
                shared.condition.lock()
                shared.running = false
                shared.condition.broadcast()
                if rc == SQLITE_OK {
                    shared.checkpointsRun += 1
                    if shared.generation == generation, copied > 0 { shared.copied = copied }
                }
                shared.condition.unlock()
            }
            // Not the last connection (the writer closes after it), so closing copies nothing.
            sqlite3_close_v2(shared.connection)
            finished.signal()
        }
        thread.name = "svirt-trace checkpoint"
        thread.start()
    }

    /// Ends the thread (after a checkpoint it is running) and gives the writer back SQLite's
    /// automatic checkpoint, so its own close copies the rest as before. Before the writer closes.
    func stop() {
        guard !stopped else { return }
        stopped = true
        shared.condition.lock()
        shared.stopping = true
        shared.condition.signal()
        shared.condition.unlock()
        finished.wait()
        sqlite3_wal_autocheckpoint(writer, 1000)
    }

    /// Checkpoints the thread ran, those a commit ran itself (the last few pages, or past the
    /// hard limit), and how many times a commit found the hard limit crossed.
    var counts: (thread: Int, writer: Int, forced: Int) {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        return (shared.checkpointsRun, shared.writerCheckpoints, shared.forcedCheckpoints)
    }

    /// No checkpoint asked for or running (for tests: a writer that pauses until the thread is done).
    var isIdle: Bool {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        return !shared.wanted && !shared.running
    }

    deinit { stop() }
}
