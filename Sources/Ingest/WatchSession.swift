import AuditStream
import Findings
import Foundation
import Native
import Store
import Formatting
import Guests

/// The realtime half of ingest: follows a log file (or auditd's plugin pipe on standard input),
/// stores as events arrive in small transactions, and hands each stored event's findings to the
/// caller for alerting. A lone AVC is completed once the log has been quiet for `idleMilliseconds`
/// instead of waiting for records that will not come. Wall-clock time decides only when to commit
/// and when the log counts as quiet; correlation uses the events' own times.
///
/// The write lock is held only while there is something to store, and at most about
/// `commitMilliseconds`: an idle watch holds no transaction, so an ingest of rotated files or of
/// another node's log can run beside it. When the lock is busy, watch waits and keeps what it
/// read; it never gives up on a busy database.
public final class WatchSession {
    public enum Input {
        case follow(String)
        case standardInput
        /// auditd's plugin stream, after reading the log file from its stored checkpoint to its
        /// end (and the rotated copies written since): the plugin sees only what auditd's
        /// dispatcher hands it after it starts, and this is what it missed while it was down.
        /// Events the stream also brings are already stored and skipped.
        case standardInputAfterCatchingUp(String)
    }

    public struct Options: Sendable {
        public var commitMilliseconds: Int64 = 100
        /// A flood commits by time, not by count: a commit costs 3-5 ms whatever it holds (the
        /// write-ahead log, run counts and totals), and at 1,000 events a commit a 50,000/s flood
        /// spent a sixth of watch's time committing and fell behind.
        public var commitEvents = 100_000
        public var idleMilliseconds: Int64 = 50
        /// How often a followed file is looked at when inotify is unavailable.
        public var pollMilliseconds: UInt32 = 10
        /// The longest wait for inotify before looking anyway (a missed event costs this much).
        public var inotifyMilliseconds: Int32 = 25
        /// How often the checkpoint of a log whose lines are all dropped (no sVirt records) is saved.
        public var checkpointMilliseconds: Int64 = 1000
        /// libvirt's state folder (`--libvirt-state`), looked at again when it changes, at most
        /// once per `stateRefreshMilliseconds`.
        public var stateFolder: String?
        public var stateRefreshMilliseconds: Int64 = 1000
        /// How old a status file of a guest without a lease must be before it is trusted: libvirt
        /// writes a starting guest's status XML a moment before its audit records.
        public var stateSettleMilliseconds: Int64 = 5000
        /// Rotated copies looked at: `audit.log.1` ... `audit.log.N` (auditd's num_logs is at most 999).
        public var rotatedCopies = 999
        /// Tests only: a pause between the catch-up at start and the first read of the followed
        /// file, in which a test rotates the log (SVIRT_TRACE_TEST_PAUSE_BEFORE_FOLLOWING_MS).
        public var pauseBeforeFollowingMilliseconds: UInt32 = 0
        /// How often the kernel's writeback of the followed log's new whole pages may be started
        /// (LogWritebackPacer); 0: never (`--no-log-writeback`).
        public var logWritebackMilliseconds: Int64 = 100

        public init() {}
    }

    private let session: IngestSession

    /// The store's connection, for rows the caller writes in the same transactions (alerts).
    public var database: Database { session.database }
    private let options: Options
    /// Unreadable rotated copies already told (path and reason).
    private var toldUnreadable: Set<String> = []

    private let notice: (String) -> Void
    /// Told what went as expected but is worth a line in the log (a catch-up with nothing missed).
    public var info: (String) -> Void = { _ in }

    /// - Parameter notice: told about conditions an operator should know of (no inotify, a busy
    ///   database, a gap in the logs).
    public init(session: IngestSession, options: Options = Options(), notice: @escaping (String) -> Void = { _ in }) {
        self.session = session
        self.options = options
        self.notice = notice
    }

    public var summary: IngestSummary { session.summary }

    /// A write lock held by another writer for longer than the busy timeout is waited for (and
    /// logged) until `stop` says otherwise, instead of ending watch: a daemon must not exit
    /// because an ingest holds the database.
    public func waitForLock(unless stop: @escaping () -> Bool) {
        let notice = self.notice
        session.onLockBusy = { attempts in
            notice("database is locked by another writer; still waiting (\(attempts))")
            return !stop()
        }
    }

    /// Alerts also on events another writer (an `ingest` of the followed log) stored before watch
    /// read them, past where this watch's alert engine (`owner`, its node) stood: see
    /// JudgedPositions. Without it, such events are skipped as already stored, unalerted.
    public func judgeEventsStoredByOthers(owner: String) throws {
        try session.judgeEventsStoredByOthers(owner: owner)
    }

    /// Opens the write transaction if none is open, for rows the caller writes between events
    /// (delivery outcomes); they are committed with the next batch.
    public func openTransaction() throws {
        try session.begin()
    }

    /// One chunk of retention (`--retain`) inside the open transaction, committed with the next
    /// batch: what the writer gathered in memory is written first and its folding state dropped,
    /// since the chunk may delete runs it holds open.
    public func prune(_ pruner: Pruner, before cutoff: Int64) throws -> Pruner.Summary {
        try session.begin()
        try session.writer.forgetFolding()
        return try pruner.pruneChunk(before: cutoff)
    }

    /// One source being followed: its store identity, line reader and where it stands.
    private final class Source {
        var id: Int64?
        var identity: SourceIdentity?
        var head: [UInt8] = []
        var skip: Int64 = 0
        var reader: PipelinedReader?
        var saved: (offset: Int64, line: Int)?
        let name: String
        init(name: String) { self.name = name }
    }

    /// Whether everything read so far was handled (nothing is being parsed): true between the
    /// turns of a log that is not growing.
    public private(set) var readerIsIdle = true

    /// Runs until `stop()` turns true (a signal) or standard input ends.
    /// - Parameters:
    ///   - onFindings: the findings of each newly stored event, inside the open transaction.
    ///   - onTick: called every turn of the loop; it may write (after `openTransaction()`) and
    ///     returns how many rows it wrote, so they count towards the next commit.
    ///   - afterCommit: called after each commit, when what onFindings saw is durable.
    ///   - urgent: true when something waits for the commit (alerts to announce): the open
    ///     transaction is committed at the end of this turn instead of within commitMilliseconds.
    ///   - beforeCommit: writes what must be durable with the transaction (the alert engine's
    ///     windows), once, just before it commits.
    public func run(_ input: Input, stop: @escaping () -> Bool, onFindings: ([Finding]) throws -> Void,
                    onTick: () throws -> Int = { 0 }, afterCommit: @escaping () throws -> Void = {},
                    beforeCommit: @escaping () throws -> Void = {},
                    urgent: () -> Bool = { false }) throws {
        session.afterCommit = afterCommit
        session.beforeCommit = beforeCommit
        waitForLock(unless: stop)
        defer {
            session.rollback()
            session.afterCommit = nil
            session.beforeCommit = nil
        }
        let pacer = Self.followedLog(input).flatMap { path in
            options.logWritebackMilliseconds > 0 ? LogWritebackPacer(path: path, intervalMilliseconds: options.logWritebackMilliseconds) : nil
        }
        pacer?.start()
        defer {
            if let pacer, !pacer.stop() {
                notice("the log writeback thread did not end within 1 s (a writeback stuck in the kernel: a hung network filesystem?); stopping without it")
            }
        }
        var lastCommit = Self.now()
        var lastData = Self.now()
        var lastEventTime: Int64?
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var source = Source(name: Self.name(input))
        var follower: FollowedFile?
        var pipe: ChunkedReader?
        var changes: DirectoryWatch?
        switch input {
        case .follow(let path):
            // The log is opened first: auditd rotating it during the catch-up below, or right
            // after, renames the file this descriptor reads, which is then read to its end and
            // its rotation followed. Opened after, a rotation in between made the file that was
            // the log a copy no catch-up looked at any more, and it was lost without a word.
            follower = try FollowedFile(path: path, offset: 0)
            // What was written to the file read last, after its checkpoint, and rotated away while
            // watch was stopped, goes in before anything newer.
            // Where watch itself stood in it, when an ingest read further (JudgedPositions).
            let last = try session.writer.lastSource(path: path).map {
                StoredSource(checkpoint: session.startingPoint($0.checkpoint, head: []), lastEventMilliseconds: $0.lastEventMilliseconds)
            }
            try catchUp(path: path, after: last, running: false,
                        truncated: false, stop: stop, onFindings: onFindings)
            if options.pauseBeforeFollowingMilliseconds > 0 {
                notice("pausing \(options.pauseBeforeFollowingMilliseconds) ms before following \(path) (a test's pause)")
                usleep(options.pauseBeforeFollowingMilliseconds * 1000)
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let watch = DirectoryWatch(folder: folder)
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                // Not inotify's fault: a mistyped path would otherwise wait for ever under a
                // warning that names the wrong cause.
                notice("the folder \(folder) of the followed log does not exist (a mistyped --follow?): waiting for "
                       + "\(path) to appear, looking every \(options.pollMilliseconds) ms")
            } else if !isFolder.boolValue {
                notice("\(folder), where the followed log should be, is a file, not a folder (a mistyped --follow?): waiting for "
                       + "\(path) to appear, looking every \(options.pollMilliseconds) ms")
            } else if let reason = watch.unavailableReason {
                notice("no inotify, polling every \(options.pollMilliseconds) ms: \(reason)")
            }
            // A link that leads nowhere waited in silence, as a log not yet created does.
            if FileIdentity.of(path: path) == nil, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                notice("\(path) is a symbolic link to \(target), which leads to no file (missing, or a loop of links): waiting for it")
            }
            changes = watch
        case .standardInput: pipe = ChunkedReader(standardInput: ())
        case .standardInputAfterCatchingUp(let path):
            // Stopped during the catch-up, the stream is left unread: what it stored would move
            // the plugin's own position past the copies not read yet, and the next start's
            // catch-up, which begins there, would skip them. auditd's log holds those records.
            if try catchUpBeforeStream(path: path, stop: stop, onFindings: onFindings) {
                pipe = ChunkedReader(standardInput: ())
            }
        }

        func handle(_ output: ParsedOutput) throws {
            guard let id = source.id else { return }
            let findings = try session.handle(output, sourceID: id, lastEventTime: &lastEventTime)
            if !findings.isEmpty { try onFindings(findings) }
        }
        func checkpoint() throws {
            guard let id = source.id, let identity = source.identity, let reader = source.reader else { return }
            let point = reader.checkpoint
            try session.saveCheckpoint(sourceID: id, identity: identity, offset: point.offset, line: point.line,
                                       path: source.name, eventTimeMilliseconds: lastEventTime)
            source.saved = (point.offset, point.line)
        }
        /// The checkpoint moved without anything to store (lines of no interest): worth a
        /// transaction of its own now and then, so a restart does not read them again.
        var checkpointMoved: Bool {
            guard let reader = source.reader else { return false }
            return source.saved.map { $0.offset != reader.checkpoint.offset } ?? true
        }
        var toldLate = 0
        var toldSteps = 0
        var toldRefused = 0
        func commit() throws {
            if !session.inTransaction {
                guard checkpointMoved, source.id != nil else { return }
                try session.begin()
            }
            try checkpoint()
            try session.commit()
            lastCommit = Self.now()
            // As ingest warns at its end: a clock stepped back (or an older log read late) makes
            // denials near those records name the wrong guest. Once, then at each tenfold count.
            let late = session.summary.lateLifecycleEvents
            if late >= max(1, toldLate * 10), let warning = session.summary.lateLifecycleWarning {
                toldLate = late
                notice(warning + " (the host's clock stepped back, or an older log was read late)")
            }
            // A step of the clock is judged in the order logged; said once, then at each tenfold
            // count of steps (a crafted log may step on every line).
            // Refused libvirt records: an unknown label for every guest of a libvirt confined
            // otherwise, or a forger at work. Once, then at each tenfold count.
            let refused = session.summary.refusedLibvirtSenders.total
            if refused >= max(1, toldRefused * 10),
               let warning = session.summary.refusedLibvirtSenders.warning(believed: session.summary.virtEvents) {
                toldRefused = refused
                notice(warning)
            }
            let steps = session.summary.clockStepCount
            if steps >= max(1, toldSteps * 10), let warning = session.summary.clockStepWarning(counted: false) {
                toldSteps = steps
                notice(warning)
            }
        }
        /// New bytes of the current source. The first line names the source; a stored checkpoint
        /// for it skips what an earlier run already stored.
        func feed(_ bytes: ArraySlice<UInt8>) throws {
            var bytes = bytes
            if source.reader == nil {
                source.head += bytes
                guard source.head.contains(0x0A) || source.head.count >= SourceIdentity.prefixLimit else { return }
                let identity = SourceIdentity(head: source.head)
                try session.begin()
                let checkpoint = session.startingPoint(try session.writer.source(for: identity, path: source.name), head: source.head)
                try session.seedPlacement(from: checkpoint, source: source.name)
                try session.writer.forgetParseErrors(sourceID: checkpoint.id, after: checkpoint.line)
                session.pending += 1
                source.id = checkpoint.id
                source.identity = identity
                source.reader = PipelinedReader(try AuditLogReader(sourceName: source.name,
                                                                   configuration: .init(defaultNode: session.options.defaultNode,
                                                                                        keepField: FieldsRead.isRead),
                                                                   startLine: checkpoint.line,
                                                                   startOffset: checkpoint.byteOffset))
                source.skip = checkpoint.byteOffset
                source.saved = (checkpoint.byteOffset, checkpoint.line)
                bytes = source.head[...]
            }
            if source.skip > 0 {
                let dropped = Int(min(Int64(bytes.count), source.skip))
                source.skip -= Int64(dropped)
                bytes = bytes.dropFirst(dropped)
            }
            if !bytes.isEmpty { try source.reader?.consume(bytes, emit: handle) }
        }

        let stateWatch = options.stateFolder.map { StateFolderWatch(path: $0) }
        var lastStateLook = Self.now()
        var reportedProblems: Set<String> = []
        /// A guest whose VIRT records were lost still gets its lease from a later snapshot.
        var lookAgain = false
        func lookAtStateFolder(now: Int64) throws {
            guard let stateWatch, let folder = options.stateFolder,
                  now - lastStateLook >= options.stateRefreshMilliseconds else { return }
            lastStateLook = now
            guard stateWatch.changed() || lookAgain else { return }
            let settle = Double(options.stateSettleMilliseconds) / 1000
            let refreshed: (findings: [Finding], problems: [GuestsError], unsettled: Int)
            do {
                refreshed = try session.refresh(stateFolder: folder, settled: { file in
                    // The wall clock only judges how long ago libvirt wrote the file.
                    guard let written = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date else {
                        return true
                    }
                    return Date().timeIntervalSince(written) >= settle
                })
            } catch let error as GuestsError {
                if reportedProblems.insert("\(error)").inserted { notice("libvirt state folder: \(error)") }
                return
            }
            lookAgain = refreshed.unsettled > 0
            for problem in refreshed.problems where reportedProblems.insert("\(problem)").inserted {
                notice("libvirt state folder: skipped a status file: \(problem)")
            }
            if !refreshed.findings.isEmpty { try onFindings(refreshed.findings) }
        }

        while !stop() {
            var gotData = false
            if let follower {
                let step: FollowedFile.Step
                do {
                    step = try follower.poll(into: &buffer)
                } catch {
                    // A read that failed (EIO) ends watch; its summary still counts what was read.
                    count(source)
                    throw error
                }
                switch step {
                case .data(let n):
                    try feed(buffer[0..<n])
                    gotData = true
                case .rotated, .truncated:
                    let truncated = step == .truncated
                    // The old source is complete as far as this file shows it: its last events and
                    // checkpoint go in first, then what rotated copies hold beyond it.
                    try source.reader?.finish(emit: handle)
                    session.pending += try onTick()
                    try commit()
                    count(source)
                    let finished = source.id.map {
                        StoredSource(checkpoint: SourceCheckpoint(id: $0, byteOffset: source.saved?.offset ?? 0,
                                                                  line: source.saved?.line ?? 0),
                                     lastEventMilliseconds: lastEventTime)
                    }
                    try catchUp(path: follower.path, after: finished, running: true, truncated: truncated,
                                stop: stop, onFindings: onFindings)
                    source = Source(name: source.name)
                case .unfollowable(let failure):
                    // The renamed file's last events are stored before watch stops: the next start
                    // could not reach them until the path holds a log file again.
                    try source.reader?.finish(emit: handle)
                    session.pending += try onTick()
                    try commit()
                    count(source)
                    throw failure
                case .idle:
                    break
                }
            } else if let pipe {
                // While chunks are being parsed, only look: they are handled below, not after a wait.
                let parsing = !(source.reader?.isIdle ?? true)
                if pipe.waitForInput(milliseconds: parsing ? 0 : Int32(options.pollMilliseconds)) {
                    let n = try pipe.read(into: &buffer)
                    if n == 0 { break }  // auditd closed the pipe
                    try feed(buffer[0..<n])
                    gotData = true
                }
            }
            // No new bytes: what is still being parsed is handled now, before any wait.
            if !gotData { try source.reader?.drain(emit: handle) }
            readerIsIdle = source.reader?.isIdle ?? true
            if let problem = pacer?.takeProblem() { notice(problem) }
            session.pending += try onTick()
            let now = Self.now()
            try lookAtStateFolder(now: now)
            if gotData {
                lastData = now
            } else if now - lastData >= options.idleMilliseconds {
                try source.reader?.completeOpenEvents(emit: handle)
                lastData = now
            }
            if session.inTransaction,
               session.pending >= options.commitEvents || now - lastCommit >= options.commitMilliseconds || urgent() {
                try commit()
            } else if !session.inTransaction, now - lastCommit >= options.checkpointMilliseconds {
                try commit()
            }
            if !gotData, let changes {
                changes.wait(milliseconds: changes.isActive ? options.inotifyMilliseconds : Int32(options.pollMilliseconds))
            }
        }
        // Stopping: what the plugin stream already holds is read first, without waiting for
        // more (auditd hands over its last records as it signals its plugins), for at most 2 s.
        if let pipe {
            let deadline = Self.now() + 2_000
            while Self.now() < deadline, pipe.waitForInput(milliseconds: 0) {
                let n = try pipe.read(into: &buffer)
                if n == 0 { break }
                try feed(buffer[0..<n])
            }
        }
        // Then complete what is open (a partial line stays for the next run), and commit.
        try source.reader?.completeOpenEvents(emit: handle)
        session.pending += try onTick()
        try commit()
        count(source)
    }

    // MARK: the plugin's catch-up

    /// Reads what the plugin stream did not bring, from `path` and its rotated copies: every
    /// file from the newest one that begins at or before the newest stored event of this node
    /// (whatever source stored it, the stream included) to the current log. The log's own
    /// checkpoint is no guide: the stream, not the file, moved the store on since it was
    /// written. Events already stored are recognised and skipped.
    /// A stop asked for is taken after the chunk being read; the next start reads the rest.
    /// - Returns: false when stopped before every file was read.
    private func catchUpBeforeStream(path: String, stop: () -> Bool, onFindings: ([Finding]) throws -> Void) throws -> Bool {
        let listed = RotatedCopyList(of: path, limit: options.rotatedCopies)
        var files = listed.copies.reversed().map { (path: $0.path, first: LogHead.first(in: $0.head)) }
        if let head = RotatedCopyList.head(of: path) { files.append((path, LogHead.first(in: head.bytes))) }
        guard !files.isEmpty else {
            notice("cannot catch up from \(path): "
                   + (ChunkedReader.notARegularFile(path).map { "it \($0)" } ?? "no such log, nor rotated copies")
                   + "; reading only the plugin stream")
            return true
        }
        // The node this host's lines are stored under: --node, else the one auditd writes
        // (name_format), as the log shows it.
        let node = session.options.defaultNode ?? files.last?.first?.node
        let newest = try session.writer.newestEventTime(node: node)
        // An ingest of the log while the plugin was down stored the newest events: starting
        // from those skipped the copies between them and what the plugin's own stream stored
        // (lost in silence). The stream read last says where the plugin stood; it only ever
        // makes the catch-up start earlier (events already stored are skipped).
        let stream = try session.writer.lastStreamEventTime()
        let unreadable = told(unreadable: listed.unreadable, of: path)
        var toRead = files[...]
        if let newest {
            let from = min(newest, stream ?? newest)
            if let start = files.lastIndex(where: { ($0.first?.timeMilliseconds ?? Int64.max) <= from })
                ?? files.lastIndex(where: { ($0.first?.timeMilliseconds ?? Int64.max) <= newest }) {
                toRead = files[start...]
                let startNumber = Self.copyNumber(files[start].path)
                if let blocked = unreadable.first(where: { Self.copyNumber($0.path) < startNumber }) {
                    // Newer than where the catch-up begins: what it holds is not stored.
                    try recordGap(path: path, from: newest, next: files.last?.first, checkpointOffset: nil,
                                  reason: "\(blocked.path), a rotated copy newer than the newest stored event, could not be read (\(blocked.reason)): the events it holds were not stored",
                                  onFindings: onFindings)
                }
            } else if let oldest = files.first?.first, oldest.timeMilliseconds > newest {
                // Even the oldest copy begins after what the store holds: what was logged in
                // between went with a copy auditd deleted (num_logs) while the plugin was down,
                // or is in one that cannot be read.
                let cannotRead = unreadable.map { "\($0.path) (\($0.reason))" }.joined(separator: ", ")
                try recordGap(path: path, from: newest, next: oldest, checkpointOffset: nil,
                              reason: unreadable.isEmpty
                                ? "auditd's log and its rotated copies all begin after the newest stored event: what was logged in between was rotated away (past auditd's num_logs) while the plugin was not running"
                                : "the readable copies of auditd's log all begin after the newest stored event; these could not be read and may hold what was logged in between: \(cannotRead)",
                              onFindings: onFindings)
            }
        } else {
            // An empty store: the current log, not the history its copies hold.
            toRead = files.suffix(1)
        }
        let before = session.summary
        // An ingest of a file while the plugin was down moved its checkpoint past what the plugin
        // never judged: the files read here are read whole (what was judged is skipped).
        session.readsUnreadSourcesFromStart = true
        defer { session.readsUnreadSourcesFromStart = false }
        var read = 0
        for file in toRead {
            if stop() {
                notice("stopped during the catch-up, after \(read) of \(toRead.count) file\(toRead.count == 1 ? "" : "s") (\(file.path) "
                       + "and newer not read); the plugin stream was left unread: the next start catches up on both from the log")
                return false
            }
            do {
                guard try session.ingest(.file(file.path), stop: stop, onFindings: onFindings) else {
                    let newer = toRead.count - read - 1
                    notice("stopped during the catch-up, in the middle of \(file.path) (file \(read + 1) of \(toRead.count)); nothing is "
                           + "lost: the next start reads the rest of it" + (newer > 0 ? " and the \(newer) newer file\(newer == 1 ? "" : "s")" : "")
                           + " from the log, and what the plugin stream brought meanwhile (left unread here: storing its newer "
                           + "events would move the catch-up's start past what is not read yet)")
                    return false
                }
            } catch let failure as IngestError where failure.isUnreadableInput {
                notice("cannot catch up from \(file.path): \(failure); skipped")
            }
            read += 1
        }
        // `events` counts what was stored: events already stored are in `duplicates` alone (the
        // two were subtracted, which said -21718 missed for 21718 judged; helper-81).
        let missed = session.summary.events - before.events, known = session.summary.duplicates - before.duplicates
        let judged = session.summary.judgedStoredByOthers - before.judgedStoredByOthers
        let summary = "caught up from \(toRead.map(\.path).joined(separator: ", ")): \(missed) events the plugin had not stored, \(known) already stored"
            + (judged > 0 ? " (\(judged) of them stored by another writer while the plugin was down, judged for alerts here)" : "")
        if (missed > 0 || judged > 0) && newest != nil { notice(summary) } else { info(summary) }
        return true
    }

    // MARK: rotation

    /// Reads what rotation moved out of `path` before watch read it: the source read last (by its
    /// content, wherever it now is among `path.1` ... `path.N`) from its checkpoint, then every
    /// newer rotated copy, oldest first. When the source read last is nowhere to be found, a
    /// `pipeline-gap` event says which stretch of time may be missing.
    /// - Parameters:
    ///   - running: rotation seen while following. A renamed file was read to its end through its
    ///     open descriptor, so only a truncation (copytruncate) can lose its tail.
    ///   - truncated: the followed file was truncated in place.
    /// A stop asked for is taken after the chunk being read: the copies not read to their end are
    /// read by the next start's catch-up, from their checkpoints (a restart in the middle of one).
    private func catchUp(path: String, after last: StoredSource?, running: Bool, truncated: Bool,
                         stop: () -> Bool = { false }, onFindings: ([Finding]) throws -> Void) throws {
        guard var last else { return }
        if !running {
            // A source gone with copies missed after it comes first: the oldest copy the store
            // holds part of (every checkpoint trails its file's end a little) may be newer.
            let chain = try rotatedCopies(of: path)
            let current = RotatedCopyList.head(of: path)
            let currentSource = try current.flatMap { try storedSource(head: $0.bytes) }
            if let away = try sourceRotatedAway(of: path, chain: chain, current: current?.bytes, currentSource: currentSource,
                                                after: last) {
                last = away
            } else if let behind = oldestUnfinishedCopy(chain: chain, currentSource: currentSource, after: last) {
                last = behind
            }
        }
        let current = RotatedCopyList.head(of: path)
        if !running, let current, let known = try storedSource(head: current.bytes),
           known.id == last.checkpoint.id, current.size >= known.byteOffset {
            return  // not rotated while stopped
        }
        // Which copies come after the source read last: those up to it (it included, from its
        // checkpoint) where it is still among the copies; else those that begin after its last
        // stored event, and any read in part (a restart in the middle of a catch-up).
        let since = last.lastEventMilliseconds ?? Int64.min
        func due(_ copies: [RotatedCopy]) -> [RotatedCopy] {
            if let index = copies.firstIndex(where: { $0.source?.id == last.checkpoint.id }) {
                return copies[...index].filter { !$0.isComplete }
            }
            return copies.filter { copy in
                if let known = copy.source { return known.byteOffset < copy.size }
                return LogHead.first(in: copy.head).map { $0.timeMilliseconds >= since } ?? false
            }
        }
        let listed = RotatedCopyList(of: path, limit: options.rotatedCopies)
        let first = try rotatedCopies(in: listed)
        let unreadable = told(unreadable: listed.unreadable, of: path)
        let lastCopy = first.first(where: { $0.source?.id == last.checkpoint.id })
        if lastCopy == nil, !running || truncated {
            let next = (due(first).last?.head ?? current?.bytes).flatMap(LogHead.first(in:))
            try recordGap(path: path, last: last, next: next, running: running, unreadable: unreadable, onFindings: onFindings)
        } else if let lastCopy, let blocked = unreadable.first(where: { Self.copyNumber($0.path) < Self.copyNumber(lastCopy.path) }) {
            // Newer than the copy read last: what it holds is not stored.
            let next = (due(first).last?.head ?? current?.bytes).flatMap(LogHead.first(in:))
            try recordGap(path: path, from: last.lastEventMilliseconds, next: next, checkpointOffset: last.checkpoint.byteOffset,
                          reason: "\(blocked.path), rotated after the copy read last, could not be read (\(blocked.reason)): the events it holds were not stored",
                          onFindings: onFindings)
        }
        // Oldest first, one file at a time, the copies listed again before each: auditd may
        // rotate again while a copy is read, and a name then stands for another file (reading
        // by a list made before would skip files). A file read before is not read again.
        var attempted: [[UInt8]] = []
        /// The copy a stop came in the middle of.
        var stoppedIn: String?
        var renamedAway = 0
        var copies = first
        while !stop(), let copy = due(copies).last(where: { candidate in !attempted.contains(candidate.head) }) {
            // Opened, then checked to be the file listed: renamed in between, the name stands
            // for a newer file, and reading that first would judge its denials before the
            // guest starts logged in the older one.
            let opened: ChunkedReader
            do {
                opened = try ChunkedReader(regularFileAt: copy.path)
            } catch {
                // Renamed on by a rotation between the listing and the open: the file is still
                // there, under the next name, and its old name may already stand for the next
                // file of the chain. Skipping it would lose it (or read the newer copies first).
                let again = try rotatedCopies(of: path)
                if renamedAway < Self.renamesFollowed,
                   FileIdentity.of(path: copy.path) == nil || again.contains(where: { $0.head == copy.head }) {
                    renamedAway += 1
                    copies = again
                    continue
                }
                attempted.append(copy.head)
                notice("cannot read \(copy.path), rotated before watch had read it to its end: \(error); skipped")
                copies = again
                continue
            }
            let head: [UInt8]
            do {
                head = try opened.bytes(at: 0, count: SourceIdentity.prefixLimit)
            } catch {
                attempted.append(copy.head)
                notice("cannot read \(copy.path), rotated before watch had read it to its end: \(error); skipped")
                copies = try rotatedCopies(of: path)
                continue
            }
            guard head == copy.head else {
                copies = try rotatedCopies(of: path)
                continue
            }
            attempted.append(copy.head)
            // Every checkpoint trails its file's end by the events of its last 2 s (they may go
            // on in the next file), so each rotation reads that tail again. Only a copy that gave
            // watch something is worth a warning (events to store, to complete, or to judge that
            // another writer stored): said at each rotation, it was noise an operator learns to
            // ignore. Parse errors alone do not count: those after the checkpoint are found again
            // at every reading of the tail.
            let before = session.summary
            do {
                if try !session.ingest(.source(opened), stop: stop, onFindings: onFindings) { stoppedIn = copy.path }
            } catch let failure as IngestError where failure.isUnreadableInput {
                // session.ingest reports an unreadable copy so; the others still go in.
                notice("\(failure); skipped")
            }
            let after = session.summary
            let completedFromEarlier = after.grownFromEarlierRuns - before.grownFromEarlierRuns
            let gave = [(after.events - before.events - completedFromEarlier, "stored"), (after.grown - before.grown, "completed"),
                        (after.judgedStoredByOthers - before.judgedStoredByOthers, "stored by another writer first and judged for alerts here"),
                        (after.unjudgedStoredByOthers - before.unjudgedStoredByOthers,
                         "stored by another writer before this watch judged any event of their node, so never alerted on")]
                .filter { $0.0 > 0 }
            if !gave.isEmpty {
                let problems = after.parseErrors - before.parseErrors
                notice("read \(stoppedIn == nil ? "" : "part of ")\(copy.path)\(stoppedIn == nil ? "" : " (asked to stop)"), rotated before watch had read it to its end: "
                       + gave.map { "\($0.0) event\($0.0 == 1 ? "" : "s") \($0.1)" }.joined(separator: ", ")
                       + (problems > 0 ? "; \(problems) parse error\(problems == 1 ? "" : "s")" : ""))
            } else {
                info("read \(copy.path) after its rotation: nothing more to store")
            }
            copies = try rotatedCopies(of: path)
        }
        if stop() {
            let left = due(copies).filter { !attempted.contains($0.head) }.map(\.path)
            var parts: [String] = []
            if let stoppedIn { parts.append("the rest of \(stoppedIn), where it stopped") }
            if !left.isEmpty { parts.append(left.joined(separator: ", ") + " (not read yet)") }
            if !parts.isEmpty {
                notice("stopped during the catch-up of rotated copies; nothing is lost: the next start reads "
                       + parts.joined(separator: ", then "))
            }
        }
    }

    /// The source read last under the path may be another writer's, of a newer file: an
    /// `ingest audit.log` run by hand while watch was stopped (or behind), whose current file it
    /// read to the end. The copies between the one watch had been reading and that file were then
    /// taken as read, and lost without a word. So the chain decides, not who wrote last: when a
    /// copy not stored to its end lies between the oldest copy the store holds anything of and
    /// the newest, the catch-up starts from that oldest one (copies older than it are history
    /// from before this store, left alone as before).
    private func oldestUnfinishedCopy(chain: [RotatedCopy], currentSource: SourceCheckpoint?,
                                      after last: StoredSource) -> StoredSource? {
        guard let oldest = chain.lastIndex(where: { $0.source != nil }), let source = chain[oldest].source,
              source.id != last.checkpoint.id,
              chain[...oldest].contains(where: { !$0.isComplete }) else { return nil }
        // Held by the stored source watch read last (where it still is in the chain), nothing
        // newer than that is owed; the usual catch-up from it does the rest.
        if let index = chain.firstIndex(where: { $0.source?.id == last.checkpoint.id }) {
            if !chain[index...oldest].dropFirst().contains(where: { !$0.isComplete }) { return nil }
        } else {
            // Neither in the chain nor the current file: it rotated away, and the catch-up
            // records that gap (an override would hide it).
            guard currentSource?.id == last.checkpoint.id else { return nil }
        }
        return StoredSource(checkpoint: source, lastEventMilliseconds: nil)
    }

    /// The other way an ingest hid copies watch had not read: the file watch was reading is gone
    /// (rotated past num_logs), and the source read last is the ingest's, of a file still there.
    /// Copies the store holds nothing of, begun between the last event of the newest source that
    /// is no longer among the files and the start of that file, were logged after what watch
    /// read and before what the ingest read: watch missed them. Then the catch-up starts from the
    /// source that is gone (recording the gap it may leave, as without the ingest).
    private func sourceRotatedAway(of path: String, chain: [RotatedCopy], current: [UInt8]?, currentSource: SourceCheckpoint?,
                                   after last: StoredSource) throws -> StoredSource? {
        var present = Set(chain.compactMap { $0.source?.id })
        if let currentSource { present.insert(currentSource.id) }
        // Where last's file begins; a last that is gone itself is the usual catch-up's case.
        let lastHead: [UInt8]?
        if currentSource?.id == last.checkpoint.id {
            lastHead = current
        } else {
            lastHead = chain.first { $0.source?.id == last.checkpoint.id }?.head
        }
        guard let lastHead, let lastBegins = LogHead.first(in: lastHead)?.timeMilliseconds,
              let away = try session.writer.sources(underPath: path, limit: 100).first(where: { !present.contains($0.checkpoint.id) }),
              let readUpTo = away.lastEventMilliseconds else { return nil }
        let missed = chain.contains { copy in
            guard copy.source == nil, let begins = LogHead.first(in: copy.head)?.timeMilliseconds else { return false }
            return begins >= readUpTo && begins < lastBegins
        }
        return missed ? away : nil
    }

    /// How often one catch-up follows a copy that a rotation renamed between listing and opening
    /// it: a bound against a log that rotates without end, never reached by auditd's pace.
    static let renamesFollowed = 10_000

    /// A rotated copy of the followed log (`path.N`): its head, size and what the store holds of it.
    private struct RotatedCopy {
        var path: String
        var head: [UInt8]
        var size: Int64
        var source: SourceCheckpoint?
        /// Stored to its end (a copy no longer grows).
        var isComplete: Bool { source.map { $0.byteOffset >= size } ?? false }
    }

    /// Says which rotated copies are there but cannot be read, each once per run (a failing disk
    /// would otherwise say so at every rotation).
    private func told(unreadable: [RotatedCopyList.Unreadable], of path: String) -> [RotatedCopyList.Unreadable] {
        for copy in unreadable where toldUnreadable.insert("\(copy.path)\u{0}\(copy.reason)").inserted {
            notice("cannot read \(copy.path), a rotated copy of \(path): \(copy.reason); the events it holds are not stored "
                   + "(a failing disk, or its permissions?); the next start tries it again")
        }
        return unreadable
    }

    /// N of `path.N`; Int.max for anything else.
    private static func copyNumber(_ path: String) -> Int {
        path.split(separator: ".").last.flatMap { Int($0) } ?? Int.max
    }

    /// The rotated copies with what the store holds of each.
    private func rotatedCopies(of path: String) throws -> [RotatedCopy] {
        try rotatedCopies(in: RotatedCopyList(of: path, limit: options.rotatedCopies))
    }

    private func rotatedCopies(in listed: RotatedCopyList) throws -> [RotatedCopy] {
        try listed.copies.map { copy in
            RotatedCopy(path: copy.path, head: copy.head, size: copy.size, source: try storedSource(head: copy.head))
        }
    }

    /// The stored source of a file with these first bytes, as far as this watch read it: a copy
    /// another writer read to its end is not done for watch until watch has judged it.
    private func storedSource(head: [UInt8]) throws -> SourceCheckpoint? {
        try session.writer.storedSource(for: SourceIdentity(head: head)).map { session.startingPoint($0, head: head) }
    }

    private func recordGap(path: String, last: StoredSource, next: LogHead?, running: Bool,
                           unreadable: [RotatedCopyList.Unreadable], onFindings: ([Finding]) throws -> Void) throws {
        let cannotRead = unreadable.map { "\($0.path) (\($0.reason))" }.joined(separator: ", ")
        let reason = running
            ? "\(path) was truncated and no rotated copy holds the part not yet read"
                + (unreadable.isEmpty ? "" : "; some could not be read: \(cannotRead)")
            : unreadable.isEmpty
            ? "the log read last is no longer at \(path) nor among its rotated copies \(path).1 ... (rotated past auditd's num_logs while watch was stopped)"
            : "the log read last is no longer at \(path) nor among the rotated copies that could be read; these could not: \(cannotRead)"
        try recordGap(path: path, from: last.lastEventMilliseconds, next: next, checkpointOffset: last.checkpoint.byteOffset,
                      reason: reason, onFindings: onFindings)
    }

    private func recordGap(path: String, from: Int64?, next: LogHead?, checkpointOffset: Int64?, reason: String,
                           onFindings: ([Finding]) throws -> Void) throws {
        let node = session.options.defaultNode ?? next?.node
        try session.begin()
        guard try !session.writer.hasEvent(kind: EventKind.pipelineGap.rawValue, node: node, timeMilliseconds: from) else {
            return
        }
        let gap = RecordedEvent(
            id: nil, timeMilliseconds: from, node: node, kind: .pipelineGap, vm: nil, uuid: nil, label: nil,
            detail: [("path", .string(path)),
                     ("from", from.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                     ("to", next.map { .string(Timestamp.iso8601(milliseconds: $0.timeMilliseconds)) } ?? .null),
                     ("checkpoint_offset", checkpointOffset.map { .int($0) } ?? .null),
                     ("reason", .string(reason))])
        try session.writer.store(findings: [.event(gap)], sourceID: nil)
        session.pending += 1
        try onFindings([.event(gap)])
        try session.commit()
        notice("pipeline gap: events logged after \(from.map(Timestamp.iso8601(milliseconds:)) ?? "the last stored event") and before \(next.map { Timestamp.iso8601(milliseconds: $0.timeMilliseconds) } ?? "the current log") may be lost: \(reason)")
    }

    private func count(_ source: Source) {
        guard let statistics = source.reader?.statistics else { return }
        session.countRead(statistics)
    }

    /// Writes rows of the caller's (late sink outcomes) in a transaction of their own.
    public func record(_ body: () throws -> Int) throws {
        try session.begin()
        do {
            _ = try body()
            try session.commit()
        } catch {
            session.rollback()
            throw error
        }
    }

    /// The log file auditd writes, when there is one.
    private static func followedLog(_ input: Input) -> String? {
        switch input {
        case .follow(let path), .standardInputAfterCatchingUp(let path): return path
        case .standardInput: return nil
        }
    }

    private static func name(_ input: Input) -> String {
        switch input {
        case .follow(let path): return path
        case .standardInput, .standardInputAfterCatchingUp: return "-"
        }
    }

    /// Milliseconds on the monotonic clock: only for commit and idle timing.
    private static func now() -> Int64 {
        Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000)
    }
}
