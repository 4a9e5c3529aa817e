import AuditStream
import Findings
import Foundation
import Native
import Store

/// The realtime half of ingest: follows a log file (or auditd's plugin pipe on standard input),
/// stores as events arrive in small transactions, and hands each stored event's findings to the
/// caller for alerting. A lone AVC is completed once the log has been quiet for `idleMilliseconds`
/// instead of waiting for records that will not come. Wall-clock time decides only when to commit
/// and when the log counts as quiet; correlation uses the events' own times.
public final class WatchSession {
    public enum Input {
        case follow(String)
        case standardInput
    }

    public struct Options: Sendable {
        public var commitMilliseconds: Int64 = 100
        public var commitEvents = 1000
        public var idleMilliseconds: Int64 = 50
        /// How often a followed file is looked at when inotify is unavailable.
        public var pollMilliseconds: UInt32 = 10
        /// The longest wait for inotify before looking anyway (a missed event costs this much).
        public var inotifyMilliseconds: Int32 = 25

        public init() {}
    }

    private let session: IngestSession

    /// The store's connection, for rows the caller writes in the same transactions (alerts).
    public var database: Database { session.database }
    private let options: Options

    private let notice: (String) -> Void

    /// - Parameter notice: told about conditions an operator should know of (no inotify).
    public init(session: IngestSession, options: Options = Options(), notice: @escaping (String) -> Void = { _ in }) {
        self.session = session
        self.options = options
        self.notice = notice
    }

    public var summary: IngestSummary { session.summary }

    /// One source being followed: its store identity, line reader and where it stands.
    private final class Source {
        var id: Int64?
        var identity: SourceIdentity?
        var head: [UInt8] = []
        var skip: Int64 = 0
        var reader: AuditLogReader?
        let name: String
        init(name: String) { self.name = name }
    }

    /// Runs until `stop()` turns true (a signal) or standard input ends.
    /// - Parameters:
    ///   - onFindings: the findings of each newly stored event, inside the open transaction.
    ///   - onTick: called every turn of the loop inside the open transaction; returns how many rows
    ///     it wrote, so they are committed with the next batch.
    ///   - afterCommit: called right after each commit, outside any transaction: what the
    ///     committed transaction recorded (alerts) may now be announced.
    public func run(_ input: Input, stop: () -> Bool, onFindings: ([Finding]) throws -> Void,
                    onTick: () throws -> Int = { 0 }, afterCommit: () throws -> Void = {}) throws {
        let writer = session.writer
        try writer.begin()
        defer { writer.rollback() }
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
            follower = try FollowedFile(path: path, offset: 0)
            let watch = DirectoryWatch(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
            if let reason = watch.unavailableReason {
                notice("no inotify, polling every \(options.pollMilliseconds) ms: \(reason)")
            }
            changes = watch
        case .standardInput: pipe = ChunkedReader(standardInput: ())
        }

        func handle(_ output: AuditLogReader.Output) throws {
            guard let id = source.id else { return }
            let findings = try session.handle(output, sourceID: id, lastEventTime: &lastEventTime)
            if !findings.isEmpty { try onFindings(findings) }
        }
        func checkpoint() throws {
            guard let id = source.id, let identity = source.identity, let reader = source.reader else { return }
            let point = reader.checkpoint
            try writer.saveCheckpoint(sourceID: id, identity: identity, offset: point.offset, line: point.line,
                                      path: source.name, eventTimeMilliseconds: lastEventTime)
        }
        func commit() throws {
            try checkpoint()
            try writer.commit()
            try afterCommit()
            try writer.begin()
            session.pending = 0
            lastCommit = Self.now()
        }
        /// New bytes of the current source. The first line names the source; a stored checkpoint
        /// for it skips what an earlier run already stored.
        func feed(_ bytes: ArraySlice<UInt8>) throws {
            var bytes = bytes
            if source.reader == nil {
                source.head += bytes
                guard source.head.contains(0x0A) || source.head.count >= SourceIdentity.prefixLimit else { return }
                let identity = SourceIdentity(head: source.head)
                let checkpoint = try writer.source(for: identity, path: source.name)
                try writer.forgetParseErrors(sourceID: checkpoint.id, after: checkpoint.line)
                source.id = checkpoint.id
                source.identity = identity
                source.reader = try AuditLogReader(sourceName: source.name,
                                                   configuration: .init(defaultNode: session.options.defaultNode,
                                                                        keepField: FieldsRead.isRead),
                                                   startLine: checkpoint.line, startOffset: checkpoint.byteOffset)
                source.skip = checkpoint.byteOffset
                bytes = source.head[...]
            }
            if source.skip > 0 {
                let dropped = Int(min(Int64(bytes.count), source.skip))
                source.skip -= Int64(dropped)
                bytes = bytes.dropFirst(dropped)
            }
            if !bytes.isEmpty { try source.reader?.consume(bytes, emit: handle) }
        }

        while !stop() {
            var gotData = false
            if let follower {
                switch try follower.poll(into: &buffer) {
                case .data(let n):
                    try feed(buffer[0..<n])
                    gotData = true
                case .rotated, .truncated:
                    // The old source is complete: its last events and checkpoint go in first.
                    try source.reader?.finish(emit: handle)
                    try commit()
                    count(source)
                    source = Source(name: source.name)
                case .idle:
                    break
                }
            } else if let pipe {
                if pipe.waitForInput(milliseconds: Int32(options.pollMilliseconds)) {
                    let n = try pipe.read(into: &buffer)
                    if n == 0 { break }  // auditd closed the pipe
                    try feed(buffer[0..<n])
                    gotData = true
                }
            }
            session.pending += try onTick()
            let now = Self.now()
            if gotData {
                lastData = now
            } else if now - lastData >= options.idleMilliseconds {
                try source.reader?.completeOpenEvents(emit: handle)
                lastData = now
            }
            if session.pending > 0, session.pending >= options.commitEvents || now - lastCommit >= options.commitMilliseconds {
                try commit()
            }
            if !gotData, let changes {
                changes.wait(milliseconds: changes.isActive ? options.inotifyMilliseconds : Int32(options.pollMilliseconds))
            }
        }
        // Stopping: complete what is open (a partial line stays for the next run), then commit.
        try source.reader?.completeOpenEvents(emit: handle)
        _ = try onTick()
        try commit()
        count(source)
    }

    private func count(_ source: Source) {
        guard let statistics = source.reader?.statistics else { return }
        session.summary.sources += 1
        session.summary.bytes += statistics.bytes
        session.summary.lines += statistics.lines
        session.summary.records += statistics.records
    }

    /// Writes rows of the caller's (late sink outcomes) in a transaction of their own.
    public func record(_ body: () throws -> Int) throws {
        let writer = session.writer
        try writer.begin()
        do {
            _ = try body()
            try writer.commit()
        } catch {
            writer.rollback()
            throw error
        }
    }

    private static func name(_ input: Input) -> String {
        switch input {
        case .follow(let path): return path
        case .standardInput: return "-"
        }
    }

    /// Milliseconds on the monotonic clock: only for commit and idle timing.
    private static func now() -> Int64 {
        Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000)
    }
}
