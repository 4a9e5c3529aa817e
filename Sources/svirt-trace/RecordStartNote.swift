import Formatting
import Reports
import Store

/// Said on stderr when `--at` asks about an instant before the store's oldest event: guests read
/// from status XML are taken to have run since before their log began, so an answer for that
/// instant is that assumption, not anything logged, and must not read as a record.
enum RecordStartNote {
    static func check(at: Int64?, nodes: [String], in db: StoreReader, display: TimeDisplay) {
        guard let at, let oldest = try? StoredSpan.oldestEvent(db, nodes: nodes) else { return }
        guard at < oldest else { return }
        let whose = nodes.isEmpty ? "" : " of " + ListText.joined(nodes, separator: ", ")
        Console.error("note: \(display.render(milliseconds: at)) is before the oldest event stored\(whose) "
                      + "(\(display.render(milliseconds: oldest))): nothing was logged then. A guest read from status XML is "
                      + "taken to have run since before its log began, so what follows for that time is that assumption, not a record")
    }
}
