import ArgumentParser
import Foundation
import Store
import Formatting
import Reports

/// Filters shared by the denial reports: time, node, guest, kind, class, permission, mode, path.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only events at or after TIME.", discussion: TimeWords.help, valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Only events before TIME (same forms as --since).", valueName: "time"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only this node (repeatable); `-` for logs without node=.", valueName: "node"), completion: StoreCompletion.nodes)
    var node: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only denials involving this guest (name or UUID), as source or target.", valueName: "vm"), completion: StoreCompletion.guests)
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
        if side != nil && vm == nil { throw ValidationError("--as needs --vm") }
        let (since, until) = try window()
        try TimeWords.checkWindow(since: since, until: until)
    }

    /// (since, until) in milliseconds.
    func window() throws -> (Int64?, Int64?) {
        let now = try TimeWords.now()
        do {
            let s = try since.map { try TimeExpression.parse($0, nowMilliseconds: now) }
            let u = try until.map { try TimeExpression.parse($0, nowMilliseconds: now) }
            return (s, u)
        } catch let failure as TimeExpression.Failure {
            throw ValidationError(failure.description)
        }
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
        TIME is now, recent (10 minutes ago), today, yesterday, this-week, week-ago, this-month, this-year \
        (as ausearch), ISO-8601 such as 2026-11-28T10:15:00Z, YYYY-MM-DD [HH:MM[:SS]] in local time, or @EPOCH-SECONDS; \
        from 1970 to 9999. $SVIRT_TRACE_NOW (epoch milliseconds or any of these forms) replaces the clock.
        """

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

    /// A window that ends before it starts matches nothing, and is surely a slip (the two
    /// swapped): a usage error, not an empty answer.
    static func checkWindow(since: Int64?, until: Int64?) throws {
        if let since, let until, since > until {
            throw ValidationError("--since (\(Timestamp.iso8601(milliseconds: since))) is later than --until (\(Timestamp.iso8601(milliseconds: until)))")
        }
    }

    static func parse(_ text: String) throws -> Int64 {
        let now = try now()
        do {
            return try TimeExpression.parse(text, nowMilliseconds: now)
        } catch let failure as TimeExpression.Failure {
            throw ValidationError(failure.description)
        }
    }
}
