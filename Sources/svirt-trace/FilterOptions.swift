import ArgumentParser
import Foundation
import Store
import Formatting
import Reports
import Synchronization

/// Filters shared by the denial reports: time, node, guest, kind, class, permission, mode, path.
struct FilterOptions: ParsableArguments {
    // .unconditional: `--since -1h` is a time, not an unknown option -1h.
    @Option(parsing: .unconditional, help: ArgumentHelp("Only events at or after TIME.", discussion: TimeWords.help, valueName: "time"))
    var since: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Only events before TIME (same forms as --since).", valueName: "time"))
    var until: String?

    @Flag(help: ArgumentHelp("Save where this run's window ends (--until, else now: the window then ends there too) as the checkpoint that `--since checkpoint` reads next time, so no event is read twice. Not with -n, which would leave rows behind it.",
                             discussion: TimeWords.checkpointHelp))
    var saveCheckpoint = false

    @Option(name: .long, help: ArgumentHelp("Only this node (repeatable); `-` for logs without node=.", valueName: "node"), completion: StoreCompletion.nodes)
    var node: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only denials involving this guest (name, UUID or NODE/NAME; -/NAME, for logs without node=, as --vm=-/NAME), as source or target.", valueName: "vm"), completion: StoreCompletion.guests)
    var vm: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("With --vm: only where the guest is the source or the target.", valueName: "source|target"))
    var side: String?

    @Option(name: .long, help: ArgumentHelp("Only this object class (repeatable), e.g. file, blk_file, process.", valueName: "tclass"))
    var tclass: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only denials that include this permission (repeatable: all must be present).", valueName: "perm"))
    var perm: [String] = []

    @Flag(inversion: .prefixedNo, help: "Only denials logged in permissive mode (the access happened), or with --no-permissive only enforced ones.")
    var permissive: Bool?

    @Option(name: .long, help: ArgumentHelp("Only paths matching this shell glob (case-sensitive), e.g. '/var/lib/libvirt/images/*'.", valueName: "glob"))
    var path: String?

    func validate() throws {
        if let side, DenialFilter.Side(rawValue: side) == nil { throw ValidationError("--as must be source or target") }
        if side != nil && vm == nil { throw ValidationError("--as needs --vm (query who-touched takes neither: its guest is its argument, always the target)") }
        // The time window is read in run(), not here: argument-parser, after a validation error,
        // takes `--until -1h` for `-1 -h` and prints the help with status 0.
    }

    /// (since, until) in milliseconds.
    func window() throws -> (Int64?, Int64?) {
        try TimeWords.window(since: since, until: until, endsAtCheckpoint: saveCheckpoint)
    }

    /// Runs `body` (the query) and then saves the checkpoint when --save-checkpoint asks for it.
    func checkpointing(limit: Int?, _ body: () throws -> Void) throws {
        try TimeWords.checkpointing(saveCheckpoint, until: until, limit: limit, body)
    }

    /// `filter` with --vm resolved in the store: a UUID without dashes or `NODE/NAME` becomes what
    /// the SQL matches, and a guest the store does not know is GuestNotFound (exit 1, close names).
    func resolvingGuest(_ filter: DenialFilter, _ database: StoreReader) throws -> DenialFilter {
        guard let vm = filter.vm else { return filter }
        var filter = filter
        (filter.vm, filter.nodes) = try GuestSelector(vm, nodes: filter.nodes).filterTerms(database.connection)
        return filter
    }

    func filter(kinds: [String]) throws -> DenialFilter {
        var filter = DenialFilter()
        filter.kinds = kinds
        (filter.since, filter.until) = try window()
        filter.nodes = node
        filter.vm = vm
        filter.side = side.flatMap(DenialFilter.Side.init(rawValue:))
        filter.tclasses = tclass
        filter.perms = perm
        filter.permissive = permissive
        filter.pathGlob = path
        return filter
    }
}

/// The clock for time words: the wall clock, or $SVIRT_TRACE_NOW (epoch milliseconds or any time
/// form) so a run can be replayed against a fixed "now".
enum TimeWords {
    static let help = """
        TIME is now, recent (10 minutes ago), today, yesterday, this-week, week-ago, this-month, \
        this-year, boot (this host's boot), checkpoint (see --save-checkpoint) as ausearch takes them; -1h, \
        -30min, +2d, -1h30min, "2 hours ago" as journalctl takes them (units ms, s, min, h, d, w, M, y); \
        ISO-8601 such as 2026-11-28T10:15:00Z; YYYY-MM-DD [HH:MM[:SS]] or MM/DD/YYYY [HH:MM[:SS]] in local time \
        (quote the space); or @EPOCH-SECONDS; from 1970 to 9999. $SVIRT_TRACE_NOW (epoch milliseconds or any of \
        these forms) replaces the clock.
        """

    static let checkpointHelp = """
        The checkpoint is kept per user and per database in $XDG_STATE_HOME/svirt-trace/checkpoints (else \
        ~/.local/state/svirt-trace/checkpoints), not in the store, which queries only read. It is saved when the \
        query ran, matched or not (exit 0 or 1). For a job that reads each denial once: \
        --since checkpoint --save-checkpoint (the first run needs another --since, e.g. today).
        """

    /// The words that depend on the host and the user, looked up only when the text uses one.
    static func anchors(for text: String) -> TimeAnchors {
        var anchors = TimeAnchors()
        // Each side of a digest's SINCE..UNTIL too.
        let words = Set(text.components(separatedBy: "..").map { $0.trimmingCharacters(in: .whitespaces) })
        if words.contains("boot") {
            anchors.boot = (try? String(contentsOfFile: "/proc/stat", encoding: .utf8)).flatMap(TimeAnchors.bootMilliseconds)
        }
        if words.contains("checkpoint") {
            let (saved, missing) = Checkpoint.saved()
            anchors.checkpoint = saved
            anchors.checkpointMissing = missing
        }
        return anchors
    }

    /// Where a query run with --save-checkpoint and without --until ends: "now", taken once per
    /// process, so the window and the checkpoint saved end at the same instant and the next
    /// `--since checkpoint` reads nothing twice (windows are half-open).
    static func checkpointEnd() throws -> Int64 {
        try pinnedEnd.withLock { pinned in
            let end = try pinned ?? now()
            pinned = end
            return end
        }
    }

    private static let pinnedEnd = Mutex<Int64?>(nil)

    /// --since and --until in milliseconds; --since later than --until is a usage error (exit 2):
    /// such a window holds nothing, and saying so beats an empty answer.
    static func window(since: String?, until: String?, endsAtCheckpoint: Bool = false) throws -> (Int64?, Int64?) {
        let now = try now()
        let s = try since.map { try parse($0, now: now) }
        let u = try until.map { try parse($0, now: now) } ?? (endsAtCheckpoint ? checkpointEnd() : nil)
        if let s, let u, s > u, let since, let until {
            throw ValidationError("--since \(since) (\(Timestamp.iso8601(milliseconds: s))) is later than "
                + "--until \(until) (\(Timestamp.iso8601(milliseconds: u))): nothing can match")
        }
        return (s, u)
    }

    /// Runs a query and, when `save` is set, records where its window ended (`until`, else the
    /// now it started at) once it ran, matched or not.
    static func checkpointing(_ save: Bool, until: String?, limit: Int?, _ body: () throws -> Void) throws {
        guard save else { return try body() }
        // The checkpoint moves past every event of the window: rows -n left out would never be
        // read by the next `--since checkpoint`.
        if limit != nil {
            throw ValidationError("--save-checkpoint and -n/--limit together would move the checkpoint past rows never shown; drop -n")
        }
        let end = try until.map(parse) ?? checkpointEnd()
        func store() throws {
            do { try Checkpoint.save(end) } catch {
                Console.error("cannot save the checkpoint: \(error)")
                throw ExitCode(SvirtTrace.Status.database)
            }
        }
        do {
            try body()
        } catch let exit as ExitCode where exit.rawValue == SvirtTrace.Status.noMatch {
            try store()
            throw exit
        }
        try store()
    }

    /// - Throws: ValidationError (exit 2) when $SVIRT_TRACE_NOW is set but is no time: a replay
    ///   against the wrong "now" would answer a different question without saying so.
    static func now() throws -> Int64 {
        let wall = Int64(Date().timeIntervalSince1970 * 1000)
        guard let fixed = ProcessInfo.processInfo.environment["SVIRT_TRACE_NOW"], !fixed.isEmpty else { return wall }
        if let ms = Int64(fixed) {
            guard TimeExpression.range.contains(ms) else {
                throw ValidationError("$SVIRT_TRACE_NOW=\(fixed): \(TimeExpression.Failure(text: fixed, outOfRange: true))")
            }
            return ms
        }
        do {
            return try TimeExpression.parse(fixed, nowMilliseconds: wall)
        } catch let failure as TimeExpression.Failure {
            throw ValidationError("$SVIRT_TRACE_NOW=\(fixed): \(failure.description)")
        }
    }

    static func parse(_ text: String) throws -> Int64 {
        try parse(text, now: try now())
    }

    static func parse(_ text: String, now: Int64) throws -> Int64 {
        do {
            return try TimeExpression.parse(text, nowMilliseconds: now, anchors: anchors(for: text))
        } catch let failure as TimeExpression.Failure {
            throw ValidationError(failure.description)
        }
    }
}
