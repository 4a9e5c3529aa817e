import AuditStream
import Findings
import Foundation
import Guests
import Native
import Formatting

/// Turns findings into alerts: the first matching rule decides, permissive accesses go one level
/// up and say ALLOWED, and repeats of the same pair within a rule's window are folded into one
/// follow-up with their count. Time is the events' own, so a replay alerts exactly as live did.
///
/// Windows close on event time: the first finding timed at or past a window's end closes it (and
/// every other window that ended by then, oldest end first) and sends its follow-up or rate-limit
/// report. While the log is quiet, `closeQuiet` lets the wall clock stand in for event time.
/// Every map is bounded: entries go when their window ends, and a hard cap (`Limits`) closes the
/// oldest early (`evictions` counts them).
public struct AlertEngine: Sendable {
    public struct Limits: Sendable {
        /// Open dedupe windows at most.
        public var windows = 10_000
        /// Rate-limit sources (recent alert times, and open rate-limit reports) at most.
        public var sources = 10_000

        public init() {}
    }

    /// After this much wall-clock quiet, event time is taken to advance with the wall clock from
    /// the newest event seen (see `closeQuiet`).
    public static let quietMilliseconds: Int64 = 2_000
    static let rateWindowMilliseconds: Int64 = 60_000

    public var rules: [AlertRule] {
        didSet {
            shapes.removeAll()
            rulesGeneration += 1
        }
    }
    /// What a flood's first denial came to (its rule, rate-limit source and window key; nil for
    /// no rule), by `Denial.repeatOf`: its repeats differ only in identity, so they match alike.
    private var shapes: [Int: Shape?] = [:]
    /// Counts rule changes (SIGHUP): an alert built under other rules is built again.
    private var rulesGeneration = 0

    private struct Shape {
        var rule: AlertRule
        var source: String
        var key: String
    }
    /// svirt-trace's own pid: its denials are not alerted, so alerting cannot feed itself.
    public var ownProcessID: Int64?
    /// The node this host's own lines are filed under (watch's --node; nil: no node= prefix):
    /// the pid is ours only there.
    public var ownNode: String?
    public var limits: Limits
    /// Windows and sources closed or forgotten early because a cap was reached.
    public private(set) var evictions = 0
    /// The newest event time seen: "now" on the events' own clock.
    public private(set) var newestTime: Int64?

    // Keyed by the keys' bytes: as Strings, a host spelt in NFC and one spelt in NFD shared
    // windows, and one host's attack was counted as the other's repeat. The keys are stored as
    // they are, so a restart finds the windows an earlier build saved.
    private var windows: [ExactText: RepeatWindow] = [:]
    private var recent: [ExactText: RecentAlerts] = [:]
    private var limited: [ExactText: RateWindow] = [:]
    private var windowEnds = DeadlineHeap()
    private var limitEnds = DeadlineHeap()
    private var lastSweep: Int64 = .min
    /// State keys changed since `takeChanges`.
    private var changed: Set<ExactText> = []
    /// Windows whose repeat count changed, by window key: a flood's repeats build no state key.
    private var countedRepeats: Set<ExactText> = []
    private var newestChanged = false
    /// Counts `takeChanges` calls: a window counted again in the same generation is already
    /// among the changed ones.
    private var saveGeneration = 0

    public init(rules: [AlertRule] = AlertRule.defaults, ownProcessID: Int64? = nil, ownNode: String? = nil,
                limits: Limits = Limits()) {
        self.rules = rules
        self.ownProcessID = ownProcessID
        self.ownNode = ownNode
        self.limits = limits
    }

    /// Entries held, for tests and the shutdown log: open dedupe windows, sources with recent
    /// alerts, open rate-limit reports.
    public var sizes: (windows: Int, recent: Int, limited: Int) { (windows.count, recent.count, limited.count) }

    public mutating func process(_ findings: [Finding]) -> [Alert] {
        var alerts: [Alert] = []
        // By bytes: ids that differ only in a node's normalization are two ids already.
        var occurrences: [ExactText: Int] = [:]
        func id(_ base: String) -> String {
            occurrences[ExactText(base), default: 0] += 1
            let n = occurrences[ExactText(base)] ?? 1
            return n == 1 ? base : "\(base)#\(n)"
        }
        for finding in findings {
            switch finding {
            case .denial(let denial):
                alerts += advance(to: denial.id.timeMilliseconds)
                if let own = ownProcessID, NodeName.same(denial.id.node, ownNode), denial.avcs.contains(where: { $0.pid == own }) { continue }
                guard let shape = shape(of: denial) else { continue }
                let (rule, source, key) = (shape.rule, shape.source, shape.key)
                // A repeat inside an open window is only counted, in place: a flood builds no
                // alert and copies no window per event.
                if rule.dedupeSeconds > 0, let index = windows.index(forKey: ExactText(key)),
                   windows.values[index].takes(denial.id.timeMilliseconds) {
                    if windows.values[index].countRepeat(denial, rule: rule, generation: saveGeneration) {
                        countedRepeats.insert(ExactText(key))
                    }
                    continue
                }
                let alert = alert(for: denial, rule: rule,
                                  id: id(AlertID.event(node: denial.id.node, stamp: denial.id.stamp, rule: rule.name)))
                let admitted = admit(alert, rule: rule, key: key, source: source)
                alerts += admitted.closed
                if admitted.send { alerts += limit(alert, source: source, perMinute: rule.ratePerMinute) }
            case .event(let event):
                if let time = event.timeMilliseconds { alerts += advance(to: time) }
                guard let rule = rules.first(where: { $0.matches(event: event) }) else { continue }
                let base = event.id.map { AlertID.event(node: $0.node, stamp: $0.stamp, rule: rule.name) }
                    ?? AlertID.event(node: event.node, stamp: Self.stamp(of: event), rule: rule.name)
                let alert = alert(for: event, rule: rule, id: id(base))
                let admitted = admit(alert, rule: rule, key: "\(rule.name)|\(event.node ?? "")|\(Self.windowSubject(event))", source: nil)
                alerts += admitted.closed
                if admitted.send { alerts.append(alert) }
            default:
                continue
            }
        }
        return alerts
    }

    /// Whose events one dedupe window folds: the guest's, and for an untrusted libvirt record its
    /// sender's, which the kernel names: a forger chooses the uuids it writes, and one window per
    /// uuid let 56,024 forged stops raise 54,888 alerts (helper-99).
    static func windowSubject(_ event: RecordedEvent) -> String {
        guard event.kind == .untrustedVirtRecord else { return event.uuid ?? "" }
        var sender = "sender"
        for key in ["sender", "uid"] {
            sender += "|"
            if case .string(let value)? = event.detail.first(where: { $0.0 == key })?.1 { sender += value }
        }
        return sender
    }

    private mutating func shape(of denial: Denial) -> Shape? {
        if let template = denial.repeatOf, let known = shapes[template] { return known }
        let shape = rules.first(where: { $0.matches(denial: denial) }).map { rule in
            let source = Self.sourceKey(rule: rule, denial: denial)
            return Shape(rule: rule, source: source, key: Self.pairKey(source: source, denial: denial))
        }
        if let template = denial.repeatOf {
            if shapes.count >= 4_096 { shapes.removeAll(keepingCapacity: true) }
            shapes[template] = .some(shape)
        }
        return shape
    }

    /// Who a rate limit counts against: the rule, node and source side. Plain joins, not array
    /// descriptions: this runs for every alerted denial.
    static func sourceKey(rule: AlertRule, denial: Denial) -> String {
        var key = rule.name
        key += "|"
        key += denial.id.node ?? ""
        key += "|"
        appendUUIDs(denial.sources, to: &key)
        key += "|"
        key += denial.source.raw
        return key
    }

    /// The dedupe window's key: the source side, the target side and whether the access was
    /// allowed. A target no guest held is told apart by its whole label, not its type alone, so
    /// a follow-up never names another label's denials; an allowed (permissive) access opens a
    /// window of its own, so its ALLOWED alert is never folded into a denied one's follow-up.
    static func pairKey(source: String, denial: Denial) -> String {
        var key = source
        key += "|"
        appendUUIDs(denial.targets, to: &key)
        key += "|"
        key += denial.targets.isEmpty ? denial.target.raw : denial.target.type ?? ""
        if denial.permissive == true { key += "|allowed" }
        return key
    }

    private static func appendUUIDs(_ leases: [Lease], to key: inout String) {
        for (index, lease) in leases.enumerated() {
            if index > 0 { key += "," }
            key += lease.uuid
        }
    }

    /// The id part of an event without an audit event of its own: a guest from status XML by its
    /// UUID, a pipeline gap by the time it begins (each gap is its own alert).
    static func stamp(of event: RecordedEvent) -> String {
        if let time = event.timeMilliseconds { return "at:\(time)" + (event.uuid.map { ":" + AlertID.part($0) } ?? "") }
        return "status:" + AlertID.part(event.uuid ?? event.vm ?? "")
    }

    /// While no event arrives, event time is taken to run on with the wall clock: after
    /// `quietMilliseconds` of quiet, every window that ends by the newest event time plus the
    /// quiet time closes. A window of 60 s therefore reports 60 s after its last repeat arrived
    /// (never sooner than 2 s after it), as it would have had a later event come in.
    public mutating func closeQuiet(quietMilliseconds quiet: Int64) -> [Alert] {
        guard quiet >= Self.quietMilliseconds, let newestTime else { return [] }
        let (sum, overflow) = newestTime.addingReportingOverflow(quiet)
        return close(through: overflow ? .max : sum)
    }

    /// Follow-ups for every window still holding suppressed repeats, and the report of every
    /// source that hit its rate limit (at shutdown), oldest end first.
    public mutating func flush() -> [Alert] {
        close(through: .max)
    }

    // MARK: windows

    /// Event time moves on to `time`: windows that ended by then close.
    ///
    /// By this event's time, not the newest seen: one event stamped ahead (a wrong clock, a
    /// forged record, a node of a central log whose clock is ahead) would otherwise close every
    /// window at its first event, and each denial of a flood would be an alert of its own. A
    /// window opened ahead closes when event time reaches it, when an alert of its pair from
    /// well before it comes (`RepeatWindow.takes`), when the log goes quiet, or at shutdown.
    private mutating func advance(to time: Int64) -> [Alert] {
        if time > newestTime ?? .min {
            newestTime = time
            newestChanged = true
        }
        sweepRecent()
        return close(through: time)
    }

    /// Closes, oldest end first, every dedupe and rate-limit window that ends by `time`.
    private mutating func close(through time: Int64) -> [Alert] {
        var out: [Alert] = []
        while true {
            let repeatEnd = windowEnds.first, limitEnd = limitEnds.first
            let takeRepeat: Bool
            switch (repeatEnd, limitEnd) {
            case (let r?, let l?): takeRepeat = r.end <= l.end
            case (.some, nil): takeRepeat = true
            case (nil, .some): takeRepeat = false
            case (nil, nil): return out
            }
            guard let next = takeRepeat ? repeatEnd : limitEnd, next.end <= time else { return out }
            if takeRepeat {
                _ = windowEnds.popFirst()
                out += closeWindow(next)
            } else {
                _ = limitEnds.popFirst()
                out += closeLimit(next)
            }
        }
    }

    /// The window with its newest repeat made into `last`.
    private func settled(_ window: RepeatWindow) -> RepeatWindow {
        guard let pending = window.pending else { return window }
        var window = window
        let denial = pending.denial
        let id = AlertID.event(node: denial.id.node, stamp: denial.id.stamp, rule: pending.rule.name)
        if let token = denial.repeatOf, let built = window.lastBuiltFrom, built == (token, rulesGeneration) {
            // Stored with every transaction of a flood: building the whole alert each time cost
            // more than the flood's counting.
            window.last.id = id
            window.last.time = denial.id.timeMilliseconds
            window.last.evidence = Self.evidence(of: denial)
            window.lastBuiltFrom = built
        } else {
            window.last = alert(for: denial, rule: pending.rule, id: id)
            window.lastBuiltFrom = denial.repeatOf.map { ($0, rulesGeneration) }
        }
        window.pending = nil
        return window
    }

    /// Where `query evidence` finds the denial: `NODE:SERIAL`, or the serial alone.
    private static func evidence(of denial: Denial) -> String {
        "\(denial.id.node.map { $0 + ":" } ?? "")\(denial.id.serial)"
    }

    private mutating func closeWindow(_ entry: DeadlineHeap.Entry) -> [Alert] {
        let key = ExactText(entry.key)
        guard let stored = windows[key], stored.end == entry.end else { return [] }
        let window = settled(stored)
        windows[key] = nil
        changed.insert(ExactText(StateKey.repeats + entry.key))
        guard window.suppressed > 0 else { return [] }
        var alert = window.last
        alert.id = AlertID.followUp(of: window.firstID)
        alert.count = window.suppressed
        alert.title += " (\(window.suppressed) more since \(Timestamp.iso8601(milliseconds: window.start)))"
        guard let source = window.source else { return [alert] }
        return limit(alert, source: source, perMinute: window.perMinute)
    }

    private mutating func closeLimit(_ entry: DeadlineHeap.Entry) -> [Alert] {
        let key = ExactText(entry.key)
        guard let window = limited[key], window.end == entry.end else { return [] }
        limited[key] = nil
        changed.insert(ExactText(StateKey.limited + entry.key))
        var alert = window.last
        alert.id = AlertID.rateLimited(from: window.firstID)
        alert.count = window.count
        alert.title = "Rate limit: \(window.count) more alerts from this source were not sent between "
            + "\(Timestamp.iso8601(milliseconds: window.start)) and \(Timestamp.iso8601(milliseconds: window.last.time))"
        return [alert]
    }

    /// Whether an alert goes out now or is folded into its key's open window; with the
    /// follow-ups of windows the cap closed early.
    private mutating func admit(_ alert: Alert, rule: AlertRule, key: String, source: String?) -> (send: Bool, closed: [Alert]) {
        guard rule.dedupeSeconds > 0 else { return (true, []) }
        changed.insert(ExactText(StateKey.repeats + key))
        let windowKey = ExactText(key)
        var closed: [Alert] = []
        // An open window of this key holds the alert (one that ended was closed by `advance`),
        // unless the alert is from well before it: then the window closes now, with its
        // follow-up, and the alert opens a window of its own.
        if let index = windows.index(forKey: windowKey) {
            let window = windows.values[index]
            if window.takes(alert.time) {
                let newest = window.pending?.denial.id.timeMilliseconds ?? window.last.time
                windows.values[index].suppressed += 1
                if alert.time >= newest {
                    windows.values[index].last = alert
                    windows.values[index].pending = nil
                }
                return (false, [])
            }
            closed += closeWindow(.init(end: window.end, key: key))
        }
        let (length, tooLong) = rule.dedupeSeconds.multipliedReportingOverflow(by: 1000)
        let (sum, overflow) = alert.time.addingReportingOverflow(tooLong ? .max : length)
        let end = overflow || tooLong ? Int64.max : sum
        windows[windowKey] = RepeatWindow(start: alert.time, end: end, firstID: alert.id, suppressed: 0,
                                          last: alert, source: source, perMinute: rule.ratePerMinute)
        windowEnds.insert(.init(end: end, key: key))
        while windows.count > limits.windows, let oldest = windowEnds.popFirst() {
            if windows[ExactText(oldest.key)]?.end == oldest.end { evictions += 1 }
            closed += closeWindow(oldest)
        }
        return (true, closed)
    }

    /// Keeps at most `perMinute` alerts of one source within any minute of event time; the rest
    /// are counted into a report sent when that minute ends.
    private mutating func limit(_ alert: Alert, source: String, perMinute: Int) -> [Alert] {
        var out: [Alert] = []
        let sourceKey = ExactText(source)
        changed.insert(ExactText(StateKey.recent + source))
        // A rate window opened well after this alert (a clock stepped back, a record stamped
        // ahead) would hold every alert of the source until event time reached it: it reports now.
        if let window = limited[sourceKey], Self.span(from: alert.time, to: window.start) > Self.rateWindowMilliseconds {
            out += closeLimit(.init(end: window.end, key: source))
        }
        // Alerts of the last minute, and those stamped after this one: a source whose records
        // alternate between two clocks (two hosts logging under one name) is limited as one.
        var times = (recent[sourceKey]?.times ?? []).filter { Self.span(from: $0, to: alert.time) < Self.rateWindowMilliseconds }
        if times.count >= perMinute {
            recent[sourceKey] = RecentAlerts(times: times)
            changed.insert(ExactText(StateKey.limited + source))
            if var window = limited[sourceKey] {
                window.count += alert.count
                window.last = alert
                limited[sourceKey] = window
            } else {
                let (end, overflow) = alert.time.addingReportingOverflow(Self.rateWindowMilliseconds)
                limited[sourceKey] = RateWindow(start: alert.time, end: overflow ? .max : end, firstID: alert.id,
                                                count: alert.count, last: alert)
                limitEnds.insert(.init(end: overflow ? .max : end, key: source))
                while limited.count > limits.sources, let oldest = limitEnds.popFirst() {
                    if limited[ExactText(oldest.key)]?.end == oldest.end { evictions += 1 }
                    out += closeLimit(oldest)
                }
            }
            return out
        }
        times.append(alert.time)
        recent[sourceKey] = RecentAlerts(times: times)
        if recent.count > limits.sources { sweepRecent(force: true) }
        return out + [alert]
    }

    /// Forgets sources whose last alert is a minute of event time old (they limit nothing any
    /// more), at most once per minute of event time; over the cap, the longest quiet go first.
    private mutating func sweepRecent(force: Bool = false) {
        guard let now = newestTime else { return }
        guard force || Self.span(from: lastSweep, to: now) >= Self.rateWindowMilliseconds || recent.count > limits.sources else { return }
        lastSweep = now
        for (source, entry) in recent where Self.span(from: entry.times.last ?? .min, to: now) >= Self.rateWindowMilliseconds {
            recent[source] = nil
            changed.insert(ExactText(StateKey.recent + source.text))
        }
        guard recent.count > limits.sources else { return }
        let keep = limits.sources * 9 / 10
        let oldest = recent.sorted { a, b in
            let (x, y) = (a.value.times.last ?? .min, b.value.times.last ?? .min)
            return x != y ? x < y : ExactText.byBytes(a.key.text, b.key.text)
        }
        for (source, _) in oldest.prefix(recent.count - keep) {
            recent[source] = nil
            changed.insert(ExactText(StateKey.recent + source.text))
            evictions += 1
        }
    }

    /// `to - from`, saturating: times come from the log, where a crafted record can hold anything.
    static func span(from: Int64, to: Int64) -> Int64 {
        let (difference, overflow) = to.subtractingReportingOverflow(from)
        return overflow ? (to > from ? .max : .min) : difference
    }

    // MARK: alerts

    private func alert(for denial: Denial, rule: AlertRule, id: String) -> Alert {
        let permissive = denial.permissive == true
        let evidence = Self.evidence(of: denial)
        var hint = rule.hint
        if denial.kind == .needsBoolean, let boolean = denial.boolean { hint = "setsebool -P \(boolean) on" }
        // Why it could not be attributed comes first: it says what input is missing.
        if denial.kind == .unattributed, let reason = denial.reason { hint = [reason, hint].compactMap { $0 }.joined(separator: ". ") }
        func side(_ leases: [Lease]) -> (String?, String?) {
            let sorted = leases.sorted { $0.name < $1.name }
            return (sorted.isEmpty ? nil : sorted.map(\.name).joined(separator: ","),
                    sorted.isEmpty ? nil : sorted.map(\.uuid).joined(separator: ","))
        }
        let source = side(denial.sources)
        let target = side(denial.targets)
        return Alert(id: id, time: denial.id.timeMilliseconds,
                     severity: permissive ? rule.severity.raised : rule.severity,
                     title: (permissive ? "ALLOWED: " : "") + AlertTitle.fill(rule.title, denial: denial), rule: rule.name, kind: denial.kind.rawValue,
                     node: denial.id.node, sourceVM: source.0, sourceUUID: source.1, targetVM: target.0,
                     targetUUID: target.1, scontext: denial.primary.scontext, tcontext: denial.primary.tcontext,
                     tclass: denial.primary.tclass, perms: denial.perms, permissive: denial.permissive,
                     pid: denial.primary.pid, exe: denial.context.exe, path: denial.path, count: 1,
                     evidence: evidence, hint: hint)
    }

    private func alert(for event: RecordedEvent, rule: AlertRule, id: String) -> Alert {
        let evidence = event.id.map { "\($0.node.map { $0 + ":" } ?? "")\($0.serial)" } ?? ""
        return Alert(id: id, time: event.timeMilliseconds ?? 0, severity: rule.severity,
                     title: AlertTitle.fill(rule.title, event: event),
                     rule: rule.name, kind: event.kind.rawValue, node: event.node, sourceVM: event.vm,
                     sourceUUID: event.uuid, targetVM: nil, targetUUID: nil, scontext: event.label ?? Self.sender(of: event), tcontext: nil,
                     tclass: nil, perms: [], permissive: nil, pid: Self.senderPID(of: event), exe: nil, path: Self.disk(of: event), count: 1,
                     evidence: evidence, hint: rule.hint)
    }

    /// The kernel's subj and pid of an untrusted libvirt record's sender, where whoever answers the
    /// alert starts (its exe is the sender's own words, and left out).
    private static func sender(of event: RecordedEvent) -> String? {
        guard event.kind == .untrustedVirtRecord, case .string(let subject)? = event.detail.first(where: { $0.0 == "sender" })?.1 else { return nil }
        return subject
    }

    private static func senderPID(of event: RecordedEvent) -> Int64? {
        guard event.kind == .untrustedVirtRecord, case .int(let pid)? = event.detail.first(where: { $0.0 == "pid" })?.1 else { return nil }
        return pid
    }

    /// The disk a posture event is about (whole-disk, shared-writable), shown as the alert's path.
    private static func disk(of event: RecordedEvent) -> String? {
        guard case .string(let disk)? = event.detail.first(where: { $0.0 == "disk" })?.1 else { return nil }
        return disk
    }

    // MARK: state kept between runs

    enum StateKey {
        static let newest = "newest"
        static let repeats = "repeats|"
        static let recent = "recent|"
        static let limited = "limited|"

        /// By bytes: a key whose first character after the `|` is a combining mark is still a
        /// key of that kind (as Characters, `|` and the mark are one).
        static func starts(_ key: String, with prefix: String) -> Bool { key.utf8.starts(with: prefix.utf8) }

        static func name(in key: String, after prefix: String) -> String {
            String(decoding: key.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
        }
    }

    /// The state rows changed since the last call: a value to store, or nil to delete the row.
    /// Written in the transaction that stores the events, so a restart resumes exactly here.
    public mutating func takeChanges() -> [(key: String, value: String?)] {
        for key in countedRepeats { changed.insert(ExactText(StateKey.repeats + key.text)) }
        countedRepeats.removeAll(keepingCapacity: true)
        saveGeneration += 1
        if newestChanged { changed.insert(ExactText(StateKey.newest)) }
        newestChanged = false
        guard !changed.isEmpty else { return [] }
        defer { changed.removeAll(keepingCapacity: true) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func text<T: Encodable>(_ value: T?) -> String? {
            value.flatMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        return changed.map(\.text).sorted(by: ExactText.byBytes).map { key -> (String, String?) in
            if key == StateKey.newest { return (key, newestTime.map(String.init)) }
            if StateKey.starts(key, with: StateKey.repeats) {
                let name = ExactText(StateKey.name(in: key, after: StateKey.repeats))
                guard let stored = windows[name] else { return (key, nil) }
                // The newest repeat is made into `last`, so a restart after a crash closes the
                // window with the very follow-up an uninterrupted run sends.
                var window = settled(stored)
                let text = window.stateJSON()
                windows[name] = window
                return (key, text)
            }
            if StateKey.starts(key, with: StateKey.recent) { return (key, text(recent[ExactText(StateKey.name(in: key, after: StateKey.recent))])) }
            return (key, text(limited[ExactText(StateKey.name(in: key, after: StateKey.limited))]))
        }
    }

    /// Takes up the state stored by an earlier run. Rows that do not decode are skipped and
    /// counted (the return value): a damaged row costs one window, not the daemon.
    @discardableResult
    public mutating func restore(_ rows: [(key: String, value: String)]) -> Int {
        let decoder = JSONDecoder()
        var skipped = 0
        for (key, value) in rows {
            let data = Data(value.utf8)
            if key == StateKey.newest, let time = Int64(value) {
                newestTime = time
            } else if StateKey.starts(key, with: StateKey.repeats), let window = try? decoder.decode(RepeatWindow.self, from: data) {
                let name = StateKey.name(in: key, after: StateKey.repeats)
                windows[ExactText(name)] = window
                windowEnds.insert(.init(end: window.end, key: name))
            } else if StateKey.starts(key, with: StateKey.recent), let entry = try? decoder.decode(RecentAlerts.self, from: data) {
                recent[ExactText(StateKey.name(in: key, after: StateKey.recent))] = entry
            } else if StateKey.starts(key, with: StateKey.limited), let window = try? decoder.decode(RateWindow.self, from: data) {
                let name = StateKey.name(in: key, after: StateKey.limited)
                limited[ExactText(name)] = window
                limitEnds.insert(.init(end: window.end, key: name))
            } else {
                skipped += 1
            }
        }
        return skipped
    }
}
