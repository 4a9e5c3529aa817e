import AuditStream
import Foundation
import Findings
import Guests
import Native
import Store

/// Streams sources into the store: reader, deduplication by event ID, correlation, storage, in
/// transactions of `batchSize` stored items with the source checkpoint written in the same
/// transaction, so a crash loses nothing and a re-run stores nothing twice.
public final class IngestSession {
    public enum Input {
        case file(String)
        case standardInput
        /// Any other source of log bytes (a generated benchmark log).
        case source(ByteSource)
    }

    public struct Options: Sendable {
        public var defaultNode: String?
        public var batchSize = 20_000
        /// The longest a transaction stays open while input keeps coming.
        public var maximumBatchAge: Duration = .seconds(1)
        /// Ended leases kept in memory before the oldest are forgotten (the store keeps all).
        public var maximumLeasesInMemory = 8192
        /// How far behind the newest event an ended lease is still kept in memory. An event
        /// older than what was forgotten reloads the timeline from the store first.
        public var leaseMemoryMilliseconds: Int64 = 86_400_000
        public var chunkSize = 1 << 20
        public var booleanRules = BooleanRules.standard
        /// The config file's `libvirt_senders`.
        public var libvirtSenders: [String] = []

        public init(defaultNode: String? = nil) { self.defaultNode = defaultNode }
    }

    /// What committed transactions stored; `uncommitted` holds the open transaction's share, so
    /// that a rollback (a full disk, a lost lock) is not reported as stored.
    public var summary: IngestSummary {
        var summary = committed
        summary.clockSteps = correlator.placer.steps
        summary.clockStepCount = correlator.placer.stepCount
        summary.eventsPlacedAfterSteps = correlator.placer.placedEvents
        return summary
    }
    private var committed = IngestSummary()
    var uncommitted = IngestSummary()
    let options: Options
    let writer: IngestWriter
    private var correlator: Correlator
    private var repeats = RepeatedEventMemo()
    var pending = 0
    private var lastCommit = ContinuousClock.now
    /// The newest event time correlated, and the time before which ended leases were forgotten.
    private var newestEventTime = Int64.min
    private var forgottenBefore = Int64.min
    /// The newest event time each node had in the store when this session began (NodeName.key).
    private var storedNewest: [String: Int64]?
    /// The newest event time stored for each node by this session (NodeName.key).
    private var newestStored: [String: Int64] = [:]
    /// How far a node's events may go back in time without a guest start or stop among them being
    /// taken for history read late: the reader's own end-of-event window.
    static let lifecycleSlackMilliseconds: Int64 = 2_000
    static let maximumNodesTracked = 10_000

    let database: Database

    /// watch only: where its alert engine stands per node, and whose rows (`owner`) keep it. nil
    /// for ingest, which does not alert.
    private var judged: (positions: JudgedPositions, owner: String)?

    /// Makes this session judge for alerts the events another writer stored before it read them
    /// (see JudgedPositions); read from the store as `owner` left them.
    func judgeEventsStoredByOthers(owner: String) throws {
        judged = (JudgedPositions(stored: try writer.judgedPositions(owner: owner), read: try writer.readPositions(owner: owner)),
                  owner)
    }

    /// Where to start reading a source whose first bytes are `head`: its checkpoint, or for watch,
    /// where its own reading stood when another writer moved the checkpoint past it
    /// (JudgedPositions.start).
    func startingPoint(_ shared: SourceCheckpoint, head: [UInt8]) -> SourceCheckpoint {
        guard let judged else { return shared }
        let first = LogHead.first(in: Array(head.prefix(SourceIdentity.prefixLimit)))
        return judged.positions.start(for: shared, first: first, node: first?.node ?? options.defaultNode,
                                      unreadFromStart: readsUnreadSourcesFromStart)
    }

    /// A source read on from where an earlier run stopped: the newest events that run stored of it
    /// place the first ones read now, so that a step of the clock between the two runs (a periodic
    /// ingest, a watch restarted) is judged in the order logged as within one run.
    func seedPlacement(from checkpoint: SourceCheckpoint, source name: String) throws {
        guard checkpoint.byteOffset > 0 else { return }
        for newest in try writer.newestEvents(sourceID: checkpoint.id) {
            correlator.seedPlacement(node: newest.node, timeMilliseconds: newest.timeMilliseconds, serial: newest.serial, source: name)
        }
    }

    /// Set by the plugin's catch-up while it reads the log files (JudgedPositions.start).
    var readsUnreadSourcesFromStart = false

    /// Saves a source's checkpoint, and for watch where its own reading stands, in the open
    /// transaction.
    func saveCheckpoint(sourceID: Int64, identity: SourceIdentity, offset: Int64, line: Int, path: String,
                        eventTimeMilliseconds: Int64?) throws {
        try writer.saveCheckpoint(sourceID: sourceID, identity: identity, offset: offset, line: line, path: path,
                                  eventTimeMilliseconds: eventTimeMilliseconds)
        judged?.positions.read(SourceCheckpoint(id: sourceID, byteOffset: offset, line: line))
    }

    public init(database: Database, options: Options = Options()) throws {
        self.database = database
        self.options = options
        writer = try IngestWriter(database: database)
        // Leases are loaded by the first transaction, once the write lock is held: read before it,
        // they may be another writer's stale copy.
        correlator = Correlator(map: GuestMap(), classifier: Classifier(booleans: options.booleanRules))
        correlator.trustedSenders = Set(options.libvirtSenders)
    }

    // MARK: transactions

    /// Opens a transaction; when another writer committed since our last one, the lease timeline
    /// (and with it the next lease id) is read again under the lock.
    func begin() throws {
        guard !writer.inTransaction else { return }
        var attempts = 0
        while true {
            do {
                try lockAndReload()
                break
            } catch StoreError.locked(let path, let waited) {
                attempts += 1
                guard let onLockBusy, onLockBusy(attempts) else { throw StoreError.locked(path: path, waitedMilliseconds: waited) }
            }
        }
        lastCommit = ContinuousClock.now
    }

    private func lockAndReload() throws {
        if try writer.begin() {
            do { try reloadLeases() } catch {
                rollback()
                throw error
            }
        }
    }

    private func reloadLeases() throws {
        if storedNewest == nil { storedNewest = try writer.newestEventTimes() }
        let leases = try writer.loadLeases()
        correlator.replaceMap(GuestMap(leases: leases))
        correlator.replaceCoverage(marks: try writer.loadCoverage())
        repeats.invalidate(boundariesOf: leases)
        forgottenBefore = Int64.min
    }

    /// Keeps the in-memory timeline bounded in a long run: ended leases well behind the newest
    /// event are forgotten once there are many.
    private func boundLeases() {
        guard correlator.map.leases.count > options.maximumLeasesInMemory, newestEventTime != Int64.min else { return }
        let cutoff = newestEventTime - options.leaseMemoryMilliseconds
        if correlator.forgetLeases(endedBefore: cutoff) > 0 {
            forgottenBefore = max(forgottenBefore, cutoff)
            repeats.invalidate()
        }
    }

    func commit() throws {
        guard writer.inTransaction else { return }
        try beforeCommit?()
        if let owner = judged?.owner {
            if let changes = judged?.positions.takeChanges(), !changes.isEmpty { try writer.saveJudgedPositions(changes, owner: owner) }
            if let reads = judged?.positions.takeReadChanges(), !reads.isEmpty { try writer.saveReadPositions(reads, owner: owner) }
        }
        try writer.commit()
        committed.add(uncommitted)
        uncommitted = IngestSummary()
        pending = 0
        lastCommit = ContinuousClock.now
        boundLeases()
        try afterCommit?()
    }

    /// Called after every commit: watch prints and delivers the alerts of a transaction only
    /// once it is durable.
    var afterCommit: (() throws -> Void)?

    /// Called inside each transaction just before it commits: watch stores the alert engine's
    /// windows once per transaction rather than after every batch of events.
    var beforeCommit: (() throws -> Void)?

    /// Asked when the write lock could not be had within the busy timeout, with how many times
    /// in a row: true waits again. Without it, the lock error is thrown (ingest's behaviour).
    var onLockBusy: ((Int) -> Bool)?

    /// Counts what a reader read (watch counts its followed sources itself).
    func countRead(_ statistics: AuditLogReader.Statistics) {
        committed.sources += 1
        committed.bytes += statistics.bytes
        committed.lines += statistics.lines
        committed.records += statistics.records
    }

    func rollback() {
        writer.rollback()
        uncommitted = IngestSummary()
        pending = 0
    }

    var inTransaction: Bool { writer.inTransaction }

    /// A batch is due by size, or by age so that another writer waiting for the lock (a watch
    /// beside a long ingest) gets its turn at least once a second.
    var batchDue: Bool {
        pending >= options.batchSize || (pending > 0 && ContinuousClock.now - lastCommit >= options.maximumBatchAge)
    }

    /// Commits and, when `thenBegin`, opens the next transaction after a short pause: SQLite's
    /// lock is not fair, and without the pause a writer that commits and begins again at once can
    /// keep a waiting one out for as long as it runs.
    func commitBatch(thenBegin: Bool) throws {
        try commit()
        guard thenBegin else { return }
        Thread.sleep(forTimeInterval: 0.002)
        try begin()
    }

    /// The posture events of the guests the last `bootstrap` read, for watch to alert on.
    public private(set) var bootstrapPosture: [Finding] = []

    /// Leases for guests already running before the logs begin. Problems with single files are
    /// returned (and stored as parse errors); an unusable folder throws.
    public func bootstrap(stateFolder: String) throws -> [GuestsError] {
        let loaded = try StateFolder.load(path: stateFolder, defaultNode: options.defaultNode)
        try begin()
        do {
            let findings = correlator.bootstrap(loaded.entries)
            bootstrapPosture = findings.filter {
                if case .event(let e) = $0 { return EventKind.posture.contains(e.kind) } else { return false }
            }
            repeats.invalidate(boundariesOf: findings.compactMap { if case .lease(let lease) = $0 { return lease } else { return nil } })
            try writer.store(findings: findings, sourceID: nil)
            // The folder is a snapshot of each node it names: before every event of a node not
            // seen yet (as its leases are), else from the node's newest stored event on.
            for node in Self.distinctNodes(loaded.nodes) {
                let name = node.isEmpty ? nil : node
                let marks = correlator.snapshotCoverage(nodes: [name], at: try writer.newestPosition(node: name))
                try writer.store(findings: marks, sourceID: nil)
            }
            for problem in loaded.problems {
                try writer.store(issue: ParseIssue(source: stateFolder, line: 0, byteOffset: -1,
                                                   reason: "\(problem)", text: ""), sourceID: nil)
            }
            uncommitted.bootstrapped += findings.filter { if case .event(let e) = $0 { return e.kind == .domainStart } else { return false } }.count
            uncommitted.parseErrors += loaded.problems.count
            try commit()
        } catch {
            rollback()
            throw error
        }
        return loaded.problems
    }

    /// Takes a new look at the state folder inside the open transaction (watch, when the folder
    /// changed): running guests without an open lease get one from their status XML, valid from
    /// the newest event correlated. Returns the findings (for alerting) and the files that could
    /// not be read.
    /// - Parameter settled: whether a status file is old enough to trust. libvirt writes a
    ///   starting guest's status XML before its audit records; a guest without a lease whose file
    ///   is not settled is left for a later look (`unsettled` counts them), and its node's
    ///   snapshot waits with it, so the records, when they come, give the one lease.
    func refresh(stateFolder: String, settled: (String) -> Bool = { _ in true }) throws
        -> (findings: [Finding], problems: [GuestsError], unsettled: Int) {
        let loaded = try StateFolder.load(path: stateFolder, defaultNode: options.defaultNode)
        try begin()
        var findings: [Finding] = []
        var unsettled = 0
        // Each node the folder names is a snapshot taken just after that node's newest stored
        // event: a guest found without a lease is known from there (the interval before, back to
        // the last anchor, ends there as incomplete), and lease data is complete after it.
        for node in Self.distinctNodes(loaded.nodes) {
            let name = node.isEmpty ? nil : node
            let entries = loaded.entries.filter { NodeName.key($0.node) == NodeName.key(node) }
            let young = entries.filter {
                !settled($0.status.file) && correlator.map.openLeases(node: $0.node, uuid: $0.status.uuid).isEmpty
            }
            unsettled += young.count
            let newest = try writer.newestPosition(node: name)
            findings += correlator.refresh(entries.filter { entry in !young.contains { $0.status.file == entry.status.file } },
                                           at: newest.map { $0.after(1) })
            if young.isEmpty { findings += correlator.snapshotCoverage(nodes: [name], at: newest.map { $0.after(2) }) }
        }
        repeats.invalidate(boundariesOf: findings.compactMap { if case .lease(let lease) = $0 { return lease } else { return nil } })
        try writer.store(findings: findings, sourceID: nil)
        for finding in findings {
            guard case .event(let event) = finding else { continue }
            uncommitted.eventsByKind[event.kind.rawValue, default: 0] += 1
            if event.kind == .domainStart { uncommitted.bootstrapped += 1 }
        }
        pending += findings.count
        return (findings, loaded.problems, unsettled)
    }

    /// Reads one source to its end, or until `stop` says so.
    /// - Parameters:
    ///   - progress: called with (bytes read, total bytes or nil) after each chunk.
    ///   - stop: asked after each chunk. A watch told to stop in the middle of a rotated copy of
    ///     hundreds of MB must not read on to its end first (systemd's stop timeout would kill it
    ///     there). What was read is committed with the checkpoint, as a batch commit does, so the
    ///     next run goes on from there.
    ///   - onFindings: the findings of each newly stored event, inside its transaction (watch
    ///     alerts on what it catches up from rotated files).
    /// - Returns: false when stopped before the input's end.
    /// - Throws: `IngestError.unreadable` for an input that cannot be opened or read, a
    ///   `StoreError` for the database.
    @discardableResult
    public func ingest(_ input: Input, progress: ((Int64, Int64?) -> Void)? = nil, stop: () -> Bool = { false },
                       onFindings: ([Finding]) throws -> Void = { _ in }) throws -> Bool {
        do {
            return try ingestUnwrapped(input, progress: progress, stop: stop, onFindings: onFindings)
        } catch let failure as ChunkedReader.Failure {
            throw IngestError.unreadable(path: failure.path, reason: failure.reason)
        }
    }

    private func ingestUnwrapped(_ input: Input, progress: ((Int64, Int64?) -> Void)?, stop: () -> Bool,
                                 onFindings: ([Finding]) throws -> Void) throws -> Bool {
        let reader: ByteSource
        switch input {
        case .file(let path): reader = try ChunkedReader(path: path)
        case .standardInput: reader = ChunkedReader(standardInput: ())
        case .source(let source): reader = source
        }
        let name = reader.path
        guard try awaitBytes(reader, stop: stop) else { return false }
        var first = try reader.read(maximum: options.chunkSize)
        guard !first.isEmpty else { return true }
        // A pipe's first read holds what its writer had written by then: the identity must cover
        // the same first bytes at every run, however the writer splits them (a rerun whose
        // writer wrote 4 KiB first was a new source, and its parse errors were counted twice).
        while !reader.isSeekable, first.count < SourceIdentity.prefixLimit {
            guard try awaitBytes(reader, stop: stop) else { return false }
            let more = try reader.read(maximum: options.chunkSize)
            if more.isEmpty { break }
            first += more
        }
        let identity = SourceIdentity(head: first)
        try begin()
        uncommitted.sources += 1
        do {
            var checkpoint = startingPoint(try writer.source(for: identity, path: name), head: first)
            try seedPlacement(from: checkpoint, source: name)
            if checkpoint.byteOffset > 0 {
                if checkpoint.byteOffset <= Int64(first.count) {
                    first.removeSubrange(0..<Int(checkpoint.byteOffset))
                } else if reader.isSeekable, let size = reader.size, checkpoint.byteOffset <= size {
                    try reader.seek(to: checkpoint.byteOffset)
                    first = try reader.read(maximum: options.chunkSize)
                } else if !reader.isSeekable {
                    // A pipe cannot seek: read past what an earlier run already stored.
                    var skipped = Int64(first.count)
                    first = []
                    while skipped < checkpoint.byteOffset {
                        // No lock is held while the pipe's writer is quiet.
                        guard try awaitBytes(reader, stop: stop, whileQuiet: { if writer.inTransaction { try commit() } }) else {
                            rollback()
                            return false
                        }
                        let chunk = try reader.read(maximum: options.chunkSize)
                        if chunk.isEmpty {
                            // Not the stream read before, or nothing in it is new: either way,
                            // its bytes are gone, and the operator must know.
                            throw IngestError.unreadable(path: name, reason: "ended at byte \(skipped), before byte "
                                + "\(checkpoint.byteOffset), where an earlier run read a stream with the same first bytes "
                                + "to: nothing in it is new, or it is another stream that begins the same (save it to a "
                                + "file and ingest the file: a file shorter than its checkpoint is read whole)")
                        }
                        if skipped + Int64(chunk.count) > checkpoint.byteOffset {
                            first = Array(chunk[Int(checkpoint.byteOffset - skipped)...])
                        }
                        skipped += Int64(chunk.count)
                    }
                    try begin()
                } else {
                    // Shorter than the checkpoint: not the file we read before. Read it whole;
                    // event IDs already stored are skipped.
                    // Its errors go first, while the checkpoint still says how far it was read:
                    // the counts of errors past the cap are judged anew with them.
                    try writer.forgetParseErrors(sourceID: checkpoint.id, after: 0)
                    try writer.resetCheckpoint(sourceID: checkpoint.id)
                    checkpoint.byteOffset = 0
                    checkpoint.line = 0
                }
            }
            try writer.forgetParseErrors(sourceID: checkpoint.id, after: checkpoint.line)
            let stream = try AuditLogReader(sourceName: name,
                                            configuration: .init(defaultNode: options.defaultNode,
                                                                 keepField: FieldsRead.isRead),
                                            startLine: checkpoint.line, startOffset: checkpoint.byteOffset)
            let (statistics, ended) = try consume(reading: ReadingSide(file: reader, stream: stream, first: first,
                                                                       chunkSize: options.chunkSize),
                                                  from: checkpoint, identity: identity, name: name, progress: progress,
                                                  stop: stop, onFindings: onFindings)
            committed.bytes += statistics.bytes
            committed.lines += statistics.lines
            committed.records += statistics.records
            return ended
        } catch {
            rollback()
            throw error
        }
    }

    /// Waits for a pipe's next bytes (or its end), looking for a stop while its writer is
    /// quiet; false: stopped first. A file's reads never wait.
    private func awaitBytes(_ reader: ByteSource, stop: () -> Bool, whileQuiet: () throws -> Void = {}) throws -> Bool {
        guard !reader.isSeekable else { return true }
        while try !reader.waitForBytes(milliseconds: Int32(Self.quietPipeCheck * 1000)) {
            if stop() { return false }
            try whileQuiet()
        }
        return true
    }

    /// What the reading thread hands over: the outputs of one chunk and where the reader stood
    /// after it, so the store commits only checkpoints whose events it already holds.
    enum ReaderHandoff: Sendable {
        case chunk(outputs: [ParsedOutput], checkpoint: SourceCheckpoint, bytesRead: Int64)
        case end(AuditLogReader.Statistics, SourceCheckpoint)
        case failed(any Error)
    }

    /// Reads and parses on a second thread while this one correlates and stores: the two halves
    /// cost about the same, and a hypervisor has more than one core.
    private func consume(reading side: ReadingSide, from start: SourceCheckpoint, identity: SourceIdentity,
                         name: String, progress: ((Int64, Int64?) -> Void)?, stop: () -> Bool,
                         onFindings: ([Finding]) throws -> Void) throws -> (AuditLogReader.Statistics, ended: Bool) {
        let queue = BoundedQueue<ReaderHandoff>(capacity: 2)
        let spent = SpentOutputs()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            side.run(into: queue, spent: spent, start: start)
            done.signal()
        }
        thread.name = "svirt-trace reader"
        thread.start()
        defer {
            queue.close()
            // A stop, or a failure here (another writer's lock not had), while the reading
            // thread waits on a pipe (ingest of standard input) would wait for bytes that may
            // never come. That thread is left to end at its next read, on the closed queue; the
            // process exits first. A file's reading thread ends at once.
            if !side.readMayWait { done.wait() }
        }
        let total = side.total
        var lastEventTime: Int64?
        var checkpoint = start
        // Where the last chunk handled left the reader: every event before it is handled.
        let saveCheckpointHere = { [self] in
            try saveCheckpoint(sourceID: start.id, identity: identity, offset: checkpoint.byteOffset,
                               line: checkpoint.line, path: name, eventTimeMilliseconds: lastEventTime)
        }
        let stopHere = { [self] () throws -> (AuditLogReader.Statistics, ended: Bool) in
            // The reading thread ends when the queue closes (the defer above).
            try begin()
            try saveCheckpointHere()
            try commit()
            var statistics = AuditLogReader.Statistics()
            statistics.bytes = checkpoint.byteOffset - start.byteOffset
            statistics.lines = checkpoint.line - start.line
            return (statistics, false)
        }
        while true {
            let taken: ReaderHandoff
            if side.readMayWait {
                // A pipe's writer decides when its next bytes come. While it is quiet, what was
                // read is committed (the store's lock is not held for the writer's pauses: a
                // watch on the same store would wait for it) and a stop is taken.
                switch queue.take(before: Date().addingTimeInterval(Self.quietPipeCheck)) {
                case .item(let item): taken = item
                case .closed: throw IngestError.readerStopped(name)
                case .timedOut:
                    if stop() { return try stopHere() }
                    if writer.inTransaction, ContinuousClock.now - lastCommit >= options.maximumBatchAge {
                        if pending > 0 { try saveCheckpointHere() }
                        try commit()
                    }
                    continue
                }
            } else {
                guard let item = queue.take() else { throw IngestError.readerStopped(name) }
                taken = item
            }
            switch taken {
            case .chunk(let outputs, let point, let bytesRead):
                for output in outputs {
                    let findings = try handle(output, sourceID: start.id, lastEventTime: &lastEventTime)
                    if !findings.isEmpty { try onFindings(findings) }
                }
                spent.give(outputs)
                checkpoint = point
                progress?(bytesRead, total)
                if stop() { return try stopHere() }
                if batchDue {
                    try saveCheckpointHere()
                    try commitBatch(thenBegin: true)
                }
            case .end(let statistics, let point):
                try begin()
                try saveCheckpoint(sourceID: start.id, identity: identity, offset: point.byteOffset,
                                   line: point.line, path: name, eventTimeMilliseconds: lastEventTime)
                try commit()
                return (statistics, true)
            case .failed(let failure):
                throw failure
            }
        }
    }

    /// How long a pipe may be quiet before ingest commits what it read and looks for a stop.
    static let quietPipeCheck: TimeInterval = 0.25

    /// The nodes a state folder names, each once by its bytes (two spellings of a name in
    /// different Unicode normalization are two hosts; a String set took them for one), in byte order.
    static func distinctNodes(_ nodes: [String?]) -> [String] {
        var byKey: [String: String] = [:]
        for node in nodes {
            let key = NodeName.key(node)
            if byKey[key] == nil { byKey[key] = node ?? "" }
        }
        // Keys are ASCII, so String order is their byte order.
        return byKey.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Stores one reader output; returns the findings of a newly stored event (for alerting).
    @discardableResult
    func handle(_ parsed: ParsedOutput, sourceID: Int64, lastEventTime: inout Int64?) throws -> [Finding] {
        try begin()
        switch parsed.output {
        case .issue(let issue):
            try writer.store(issue: issue, sourceID: sourceID)
            uncommitted.parseErrors += 1
            pending += 1
            return []
        case .event(var event):
            let occurrence: Int64
            var replaced: StoredKinds?
            var storeSourceID = sourceID
            var key = parsed.memoKey
            var decoded = parsed.decoded
            var recordSources: [Int64]?
            let novelty = try writer.novelty(of: event, sourceID: sourceID)
            // A head fragment is only ever the rest of an event stored before.
            if event.isHeadFragment {
                guard case .continues = novelty else { return [] }
            }
            switch novelty {
            case .new: occurrence = 0
            case .continues(let stored, let storedSource, let storedLine, let kept, let records, let added):
                // The second piece of an event split by a rotation: both are stored as the event
                // they were, in the first piece's place (its source and line), counted once and
                // alerted on again only when the whole turned out to be of another kind.
                guard let (whole, sources) = try SplitEventJoin.join(records, line: storedLine, storedSource: storedSource ?? sourceID,
                                                                     with: event, pieceSource: sourceID, added: added,
                                                                     defaultNode: options.defaultNode) else {
                    uncommitted.duplicates += 1
                    return []
                }
                recordSources = sources
                let kinds = try writer.storedKinds(auditEventID: stored)
                if kinds.ours { uncount(kinds) }
                uncommitted.parseErrors -= try writer.delete(auditEventID: stored)
                event = whole
                occurrence = kept
                replaced = kinds
                storeSourceID = storedSource ?? sourceID
                key = nil
                decoded = nil
            case .repeatInSource(let line): occurrence = line
            case .replaces(let stored, let kept):
                // The event was stored incomplete (a lone AVC completed when the log went quiet
                // mid-event); its complete version takes its place. It was counted and alerted on
                // then: it is counted once, and alerted on again only when it turned out to be of
                // another kind (which may have a rule the first had not).
                let kinds = try writer.storedKinds(auditEventID: stored)
                if kinds.ours { uncount(kinds) }
                uncommitted.parseErrors -= try writer.delete(auditEventID: stored)
                occurrence = kept
                replaced = kinds
            case .alreadyStored:
                uncommitted.duplicates += 1
                return try judgeStoredByOther(event, decoded: decoded)
            }
            // Older than what was forgotten (files given newest first, a late event): resolve it
            // against the whole timeline.
            if event.id.timeMilliseconds < forgottenBefore { try reloadLeases() }
            newestEventTime = max(newestEventTime, event.id.timeMilliseconds)
            var findings: [Finding]
            let repeatOf: Int?
            // Every event is placed, a repeat too: a step of the clock is measured against the
            // newest event logged, not the newest judged. One placed in a step goes by its
            // serial, which the memo (by stamps) does not know: it is judged.
            let step = correlator.place(event)
            if !correlator.lastEventFollowedAStep, let known = repeats.findings(for: event, key: key) {
                (findings, repeatOf) = known
            } else {
                findings = correlator.judge(event, decoded: decoded)
                // Not remembered when placed in a step, but a guest's start or stop there still
                // makes the memo forget what it knew.
                repeatOf = repeats.record(event, key: correlator.lastEventFollowedAStep ? nil : key, findings: findings)
            }
            if let step { findings.insert(step, at: 0) }
            guard !findings.isEmpty else { return [] }
            try writer.store(CorrelatedEvent(event: event, findings: findings), sourceID: storeSourceID, occurrence: occurrence,
                             repeatOf: repeatOf, recordSources: recordSources)
            // A stop of an unseen guest moved denials stored before it to unattributed.
            for (kind, count) in writer.takeReclassified() {
                uncommitted.denialsByKind[kind, default: 0] -= count
                uncommitted.denialsByKind[DenialKind.unattributed.rawValue, default: 0] += count
            }
            uncommitted.reclassifiedEarlier.merge(writer.takeReclassifiedEarlier(), uniquingKeysWith: +)
            let time = event.id.timeMilliseconds
            let nodeKey = NodeName.key(event.id.node)
            if event.records.contains(where: { $0.type.hasPrefix("VIRT_") }),
               !findings.contains(where: { if case .event(let e) = $0 { e.kind == .untrustedVirtRecord } else { false } }) {
                uncommitted.virtEvents += 1
                // A guest's start or stop older than what the store held for its node, or than
                // what this run stored before it (logs concatenated newest first, a clock set
                // back): the timeline already went past it, and it is applied after later ones.
                let stored = storedNewest?[nodeKey] ?? .min
                let thisRun = newestStored[nodeKey] ?? .min
                let (slackened, overflow) = thisRun.subtractingReportingOverflow(Self.lifecycleSlackMilliseconds)
                // One a step of the clock put there was placed after them (`ClockStepPlacer`).
                if time < max(stored, overflow ? .min : slackened), !correlator.lastEventFollowedAStep {
                    uncommitted.lateLifecycleEvents += 1
                    if uncommitted.lateLifecycleExample == nil {
                        uncommitted.lateLifecycleExample = .init(node: event.id.node, time: time, storedUpTo: max(stored, thisRun))
                    }
                }
            }
            // Bounded: a crafted log may name a node per line, and watch runs for months.
            if newestStored.count >= Self.maximumNodesTracked { newestStored.removeAll(keepingCapacity: true) }
            newestStored[nodeKey] = max(newestStored[nodeKey] ?? .min, time)
            lastEventTime = max(lastEventTime ?? time, time)
            var storedSomething = false
            for finding in findings {
                switch finding {
                case .denial(let denial):
                    count(denial: denial.kind, by: 1)
                    storedSomething = true
                case .event(let recorded):
                    uncommitted.eventsByKind[recorded.kind.rawValue, default: 0] += 1
                    if recorded.kind == .untrustedVirtRecord, replaced == nil { countRefusedSender(recorded) }
                    storedSomething = true
                case .issue:
                    uncommitted.parseErrors += 1
                case .lease, .resource, .coverage:
                    storedSomething = true
                }
            }
            if storedSomething { uncommitted.events += 1 }
            if storedSomething, let replaced {
                uncommitted.grown += 1
                if !replaced.ours { uncommitted.grownFromEarlierRuns += 1 }
            }
            judged?.positions.judged(node: event.id.node, at: Self.position(event))
            pending += findings.count
            if let replaced, Self.kinds(of: findings) == (replaced.denials.sorted(), replaced.events.sorted()) { return [] }
            return findings
        }
    }

    /// The findings to alert on of an event another writer stored before this watch read it, if
    /// this watch never judged it (JudgedPositions); nothing is stored or counted again. A guest's
    /// start or stop, or a boot, is not judged again: the lease timeline, read again from the store
    /// after the other writer's commit, already holds it, and applied twice it would change it.
    /// Its events as the other writer stored them (a label collision, a posture finding) are
    /// alerted on instead.
    private func judgeStoredByOther(_ event: AuditEvent, decoded: DecodedDenial?) throws -> [Finding] {
        let position = Self.position(event)
        if let judged, !judged.positions.hasMark(node: event.id.node), !event.isHeadFragment { uncommitted.unjudgedStoredByOthers += 1 }
        guard judged?.positions.isUnjudged(node: event.id.node, at: position) == true, !event.isHeadFragment else { return [] }
        judged?.positions.judged(node: event.id.node, at: position)
        uncommitted.judgedStoredByOthers += 1
        if event.records.contains(where: { $0.type.hasPrefix("VIRT_") || $0.type == "SYSTEM_BOOT" }) {
            return try writer.recordedEvents(of: event.id).map(Finding.event)
        }
        if event.id.timeMilliseconds < forgottenBefore { try reloadLeases() }
        return correlator.process(event, decoded: decoded).filter {
            switch $0 {
            case .denial, .event: return true
            default: return false
            }
        }
    }

    private static func position(_ event: AuditEvent) -> EventPosition {
        EventPosition(timeMilliseconds: event.id.timeMilliseconds, serial: event.id.serial)
    }

    typealias StoredKinds = (denials: [String], events: [String], virt: Bool, ours: Bool)

    /// The denials' and recorded events' kinds of an event's findings, sorted.
    private static func kinds(of findings: [Finding]) -> (denials: [String], events: [String]) {
        var denials: [String] = [], events: [String] = []
        for finding in findings {
            switch finding {
            case .denial(let denial): denials.append(denial.kind.rawValue)
            case .event(let event): events.append(event.kind.rawValue)
            default: continue
            }
        }
        return (denials.sorted(), events.sorted())
    }

    /// Counts a denial of `kind` in the open transaction (or takes one back out).
    private func count(denial kind: DenialKind, by delta: Int) {
        uncommitted.denialsByKind[kind.rawValue, default: 0] += delta
        if kind != .hostOther { uncommitted.svirtDenials += delta }
        if [.unattributed, .unknownSource, .unknownTarget].contains(kind) { uncommitted.unresolvedDenials += delta }
    }

    /// A libvirt record refused for its sender, by sender (what `libvirt_senders` would take).
    private func countRefusedSender(_ recorded: RecordedEvent) {
        func text(_ key: String) -> String? {
            guard case .string(let value)? = recorded.detail.first(where: { $0.0 == key })?.1 else { return nil }
            return value
        }
        let sender = LibvirtSender.name(uid: text("uid"), subject: text("sender")) ?? ("a sender without uid or subj", false)
        uncommitted.refusedLibvirtSenders.add(name: sender.name, root: sender.root)
    }

    /// Takes a replaced event this run stored out of the open transaction's counts, as `handle`
    /// counted it.
    private func uncount(_ stored: StoredKinds) {
        for kind in stored.denials {
            if let kind = DenialKind(rawValue: kind) {
                count(denial: kind, by: -1)
            } else {
                uncommitted.denialsByKind[kind, default: 0] -= 1
            }
        }
        for kind in stored.events { uncommitted.eventsByKind[kind, default: 0] -= 1 }
        if stored.virt { uncommitted.virtEvents -= 1 }
        uncommitted.events -= 1
    }
}
