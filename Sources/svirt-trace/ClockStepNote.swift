import Formatting
import Reports
import Store

/// Said on stderr when a query's time window (or `--at` instant) reaches into a stretch of stamps
/// that a node's clock stepping back made repeat: events stamped there were logged on both sides
/// of the step, so the window holds some of each, chosen by stamp, and an instant there names two
/// moments. Stats and the digest list such steps in their output; the other reports said nothing.
enum ClockStepNote {
    static func check(since: Int64?, until: Int64?, nodes: [String], in db: StoreReader, display: TimeDisplay) {
        guard since != nil || until != nil else { return }
        say(since: since, until: until, nodes: nodes, in: db, display: display, subject: "this window",
            consequence: "this window reaches into that stretch: the events it selects there by stamp may be of either side")
    }

    static func check(at: Int64?, nodes: [String], in db: StoreReader, display: TimeDisplay) {
        guard let at else { return }
        say(since: at, until: at == .max ? at : at + 1, nodes: nodes, in: db, display: display, subject: "this instant",
            consequence: "\(display.render(milliseconds: at)) lies in that stretch: it names a moment on each side of the step, "
                + "and what follows may be either's")
    }

    private static func say(since: Int64?, until: Int64?, nodes: [String], in db: StoreReader, display: TimeDisplay,
                            subject: String, consequence: String) {
        let found: (steps: [ClockStepOverlaps.Step], total: Int)
        do { found = try ClockStepOverlaps.find(db, nodes: nodes, since: since, until: until) } catch { return }
        for step in found.steps {
            let (end, overflow) = step.from.addingReportingOverflow(step.backMilliseconds)
            let stretch = overflow ? "from \(display.render(milliseconds: step.from)) on"
                : "from \(display.render(milliseconds: step.from)) to \(display.render(milliseconds: end))"
            // As ingest says it: a log without node= is the host's.
            let clock = step.node == "-" ? "the host's clock" : "node \(step.node)'s clock"
            Console.error("note: \(clock) went back \(SecondsText.of(milliseconds: step.backMilliseconds)) s: events stamped "
                          + "\(stretch) were logged both before and after that step, and \(consequence)")
        }
        if found.total > found.steps.count {
            let more = found.total - found.steps.count
            Console.error("note: \(more) more step\(more == 1 ? "" : "s") of a clock back meet\(more == 1 ? "s" : "") \(subject) "
                          + "(svirt-trace query events --kind clock-step lists them)")
        }
    }
}
