extension DenialRuns {
    /// SQL, a SET item of an UPDATE of denial_runs: the run's first (time, serial) taken again
    /// from its events, after some of them were removed or moved. A run's events all lie
    /// between its first and last time, so the time index finds them; `andAlso` narrows them
    /// further (events about to be deleted).
    static func firstOfItsEvents(andAlso condition: String? = nil) -> String {
        "(first_ms, first_serial) = (" + itsEvents(condition) + " ORDER BY a.time_ms, a.serial LIMIT 1)"
    }

    /// SQL, a SET item of an UPDATE of denial_runs: the run's last (time, serial), as above.
    static func lastOfItsEvents(andAlso condition: String? = nil) -> String {
        "(last_ms, last_serial) = (" + itsEvents(condition) + " ORDER BY a.time_ms DESC, a.serial DESC LIMIT 1)"
    }

    /// SQL: the run still has an event (without one, the two above would set NULLs).
    static let hasEvents = "EXISTS (" + itsEvents(nil) + ")"

    private static func itsEvents(_ condition: String?) -> String {
        "SELECT a.time_ms, a.serial FROM audit_events a WHERE a.run_id = denial_runs.id "
            + "AND a.time_ms >= denial_runs.first_ms AND a.time_ms <= denial_runs.last_ms"
            + (condition.map { " AND \($0)" } ?? "")
    }
}
