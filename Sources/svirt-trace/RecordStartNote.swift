import Formatting
import Reports
import Store

/// Said on stderr when `--at` asks about an instant before the store's oldest event: guests read
/// from status XML are taken to have run since before their log began, so an answer for that
/// instant is that assumption, not anything logged, and must not read as a record.
enum RecordStartNote {
    static func check(at: Int64?, nodes: [String], in db: StoreReader, display: TimeDisplay) {
        guard let at else { return }
        let found: Int64?
        do { found = try StoredSpan.oldestEvent(db, nodes: nodes) } catch { return }
        let whose = nodes.isEmpty ? "" : " of " + ListText.joined(nodes, separator: ", ")
        guard let oldest = found else {
            // Guests from status XML alone (every event pruned, or none logged yet).
            Console.error("note: the store holds no event\(whose): what follows for \(display.render(milliseconds: at)) rests on "
                          + "status XML alone, which takes a guest to have run since before its log began, not on a record")
            return
        }
        guard at < oldest else { return }
        Console.error("note: \(display.render(milliseconds: at)) is before the oldest event stored\(whose) "
                      + "(\(display.render(milliseconds: oldest))): nothing was logged then. A guest read from status XML is "
                      + "taken to have run since before its log began, so what follows for that time is that assumption, not a record")
    }
}
