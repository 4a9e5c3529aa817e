import Findings
/// The open windows of the alert engine, kept between runs (the `alert_engine_state` table) so
/// that a restart continues them instead of alerting again.

/// Repeats of one pair within a rule's dedupe window: one alert, then a follow-up with the count
/// when the window ends.
struct RepeatWindow: Codable, Sendable, Equatable {
    var start: Int64
    var end: Int64
    /// The id of the alert that opened the window; the follow-up's id derives from it.
    var firstID: String
    var suppressed: Int
    var last: Alert {
        didSet {
            lastJSON = nil
            lastBuiltFrom = nil
        }
    }
    /// `last` as stored, kept while `last` stays: a flood's window is stored in every
    /// transaction, with only its count changed.
    var lastJSON: String?
    /// The rate-limit source the follow-up counts against (nil: not rate-limited).
    var source: String?
    var perMinute: Int
    /// The newest repeat not yet made into `last`: a flood's repeats are only counted, and the
    /// alert of the newest is built when the window is stored or closes.
    var pending: PendingRepeat?

    private enum CodingKeys: String, CodingKey {
        case start, end, firstID, suppressed, last, source, perMinute
    }

    init(start: Int64, end: Int64, firstID: String, suppressed: Int, last: Alert, source: String?, perMinute: Int) {
        self.start = start
        self.end = end
        self.firstID = firstID
        self.suppressed = suppressed
        self.last = last
        self.source = source
        self.perMinute = perMinute
    }

    /// The engine's save generation in which this window last changed (not stored).
    var changedIn = -1
    /// The flood (`Denial.repeatOf`) and rules generation `last` was built from (not stored): a
    /// later repeat of the same flood under the same rules differs from it only in its id, time
    /// and evidence, so it is not built again.
    var lastBuiltFrom: (repeatOf: Int, rules: Int)?

    /// Whether an alert timed `time` repeats this window. One from before the window opened,
    /// by more than the window's length, does not: the host's clock stepped back, or one event
    /// (forged, or stamped by a wrong clock) opened the window far ahead. Such a window ends only
    /// when event time reaches it, and every alert of the pair until then would be folded into
    /// it unseen. Less than a window's length before it is a log's records out of order, and
    /// folds.
    func takes(_ time: Int64) -> Bool {
        guard time < start else { return true }
        let (length, overflow) = end.subtractingReportingOverflow(start)
        return overflow || start - time <= length
    }

    /// Counts a repeat; it becomes the pending one when it is the newest. Called through the
    /// dictionary's in-place accessor, so a flood copies no window per event.
    /// - Returns: whether this is the window's first change in `generation` (to be saved).
    mutating func countRepeat(_ denial: Denial, rule: AlertRule, generation: Int) -> Bool {
        suppressed += 1
        let newest = pending?.denial.id.timeMilliseconds ?? last.time
        if denial.id.timeMilliseconds >= newest {
            pending = PendingRepeat(denial: denial, rule: rule)
        }
        guard changedIn != generation else { return false }
        changedIn = generation
        return true
    }

    static func == (a: RepeatWindow, b: RepeatWindow) -> Bool {
        (a.start, a.end, a.firstID, a.suppressed, a.source, a.perMinute) == (b.start, b.end, b.firstID, b.suppressed, b.source, b.perMinute)
            && a.last == b.last && a.pending == b.pending
    }
}

/// A denial folded into an open window, with the rule that matched it.
struct PendingRepeat: Sendable, Equatable {
    var denial: Denial
    var rule: AlertRule
}

/// Alerts one source could not send within a minute of event time: reported when the minute ends.
struct RateWindow: Codable, Sendable, Equatable {
    var start: Int64
    var end: Int64
    var firstID: String
    var count: Int
    var last: Alert
}

/// The times of the alerts one source sent within the last minute of event time.
struct RecentAlerts: Codable, Sendable, Equatable {
    var times: [Int64]
}
