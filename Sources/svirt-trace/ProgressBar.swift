import Store
import Foundation
import Formatting

/// A one-line progress bar on stderr for large files, redrawn at most once per percent.
final class ProgressBar {
    private let label: String
    private var lastPercent = -1

    init(label: String) {
        self.label = TerminalText.escape(label)
    }

    func update(read: Int64, total: Int64?) {
        guard let total, total > 0 else { return }
        let percent = Int(min(100, read * 100 / total))
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = percent / 4
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 25 - filled)
        let line = "\r[\(bar)] \(percent)% \(read / 1_000_000)/\(total / 1_000_000) MB \(label)"
        Console.writeStandardError(line)
    }

    func clear() {
        guard lastPercent >= 0 else { return }
        Console.writeStandardError("\r\u{1B}[K")
    }
}
