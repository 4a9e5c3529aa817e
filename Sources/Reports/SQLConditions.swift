import Native
import Store

/// A WHERE clause built from terms with bound values only: user and log text never enters the
/// statement itself.
struct SQLConditions: Sendable {
    private(set) var terms: [String] = []
    private(set) var values: [SQLValue] = []

    /// `column IN (?, ...)`; nothing when `items` is empty.
    mutating func isIn(_ column: String, _ items: [String]) {
        guard !items.isEmpty else { return }
        terms.append("\(column) IN (" + items.map { _ in "?" }.joined(separator: ",") + ")")
        values += items.map { .text($0) }
    }

    mutating func add(_ term: String, _ bound: SQLValue...) {
        add(term, values: bound)
    }

    mutating func add(_ term: String, values bound: [SQLValue]) {
        terms.append(term)
        values += bound
    }

    /// "1 = 1" when there is no condition, so it can follow WHERE as is (in either dialect:
    /// PostgreSQL takes no integer for a truth value).
    var clause: String { terms.isEmpty ? "1 = 1" : terms.joined(separator: " AND ") }
}

extension SQLConditions {
    /// An exact window on event time over the `denials` view, plus the same window on the runs'
    /// start: every event of a run lies within a minute of its start (schema/005), so the index on
    /// the runs' start narrows the search before the events are checked one by one.
    /// - Parameter indexed: false when another term names a few runs (a guest's): then the runs
    ///   lead and their events are found by their bounds, instead of walking the whole window.
    mutating func addTimeWindow(alias: String, since: Int64?, until: Int64?, indexed: Bool = true) {
        let p = indexed ? "" : "+"
        if let since {
            add("\(p)\(alias).time_ms >= ?", .integer(since))
            let (lowest, overflow) = since.subtractingReportingOverflow(DenialRuns.spanMilliseconds)
            add("\(p)\(alias).run_first_ms > ?", .integer(overflow ? Int64.min : lowest))
        }
        if let until {
            add("\(p)\(alias).time_ms < ?", .integer(until))
            add("\(p)\(alias).run_first_ms < ?", .integer(until))
        }
    }
}

extension SQLConditions {
    /// `clock-step` events whose overlap meets the window: a step is stored at the first stamp
    /// logged after it, and the stamps from there to `back_ms` later were logged on both sides of
    /// it. A window inside that stretch holds events of both sides without holding the step's own
    /// stamp (helper-104), so the step is found by the stretch, not by its stamp.
    mutating func addClockStepOverlap(alias: String, since: Int64?, until: Int64?) {
        add("\(alias).kind = 'clock-step'")
        if let until { add("\(alias).time_ms < ?", .integer(until)) }
        if let since {
            add("\(alias).time_ms + \(Self.clockStepBack(alias)) >= ?", .integer(since))
        }
    }

    /// SQL: how far back a `clock-step` event's clock went, in milliseconds (its detail's back_ms).
    static func clockStepBack(_ alias: String) -> String {
        "CAST(json_extract(\(alias).detail, '$.back_ms') AS BIGINT)"
    }
}
