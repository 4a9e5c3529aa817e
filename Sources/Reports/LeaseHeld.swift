/// SQL for "this lease held its label at that instant", by the stamps a lease is stored with.
///
/// A lease's start and stop are stored as stamped. When its node's clock stepped back between
/// the two (a `clock-step` event whose serial lies between theirs), the stamps from the step's
/// first one up to the newest one before it were logged twice, and the lease held the label over
/// both: from its start to the newest stamp before the step, and from the step's first stamp to
/// its stop. Read as one interval, its start to its stop, such a lease was missed at the instants
/// it held the label before the step, and when it stopped within the step's stretch its stop
/// lies before its start and it matched no instant at all: `query label --at` then said no guest
/// held a label that one did (session 53).
enum LeaseHeld {
    /// The condition on lease `l`; every `instant` in it is the instant: a bare `?` (bind it
    /// `parameters` times) or a numbered one (`?1`) that the statement binds once.
    static func atInstant(_ l: String, instant: String = "?") -> (sql: String, parameters: Int) {
        let back = "CAST(json_extract(cs.detail, '$.back_ms') AS BIGINT)"
        // A step of another boot has serials of no meaning here: it must also fall between the
        // two stamps as a step between them would (its stretch reaches back to the start, and
        // its first stamp is not after the stop).
        let t = instant
        let sql = """
            (((\(l).valid_from_ms IS NULL OR \(l).valid_from_ms <= \(t)) AND (\(l).valid_to_ms IS NULL OR \(l).valid_to_ms > \(t)))
             OR (\(l).valid_from_serial IS NOT NULL AND \(l).valid_to_serial IS NOT NULL AND \(l).valid_from_ms IS NOT NULL
                 AND \(l).valid_to_ms IS NOT NULL AND EXISTS (
                SELECT 1 FROM events cs WHERE cs.kind = 'clock-step' AND cs.node = \(l).node
                  AND cs.serial > \(l).valid_from_serial AND cs.serial <= \(l).valid_to_serial
                  AND cs.time_ms <= \(l).valid_to_ms AND cs.time_ms + \(back) >= \(l).valid_from_ms
                  AND ((\(l).valid_from_ms <= \(t) AND \(t) <= cs.time_ms + \(back)) OR (cs.time_ms <= \(t) AND \(t) < \(l).valid_to_ms)))))
            """
        return (sql, instant == "?" ? 6 : 0)
    }
}
