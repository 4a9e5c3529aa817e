import Alerts
import Foundation
import Native
import Store
import Formatting

/// stderr messages, standard output and terminal facts, in one place.
enum Console {
    static func error(_ message: String) {
        writeStandardError("svirt-trace: " + TerminalText.escape(message) + "\n")
        journalIfStandardErrorIsDiscarded(message)
    }

    /// An auditd plugin's standard error is /dev/null: an error that makes it exit (and auditd
    /// restart it) would otherwise leave no word anywhere.
    static func journalIfStandardErrorIsDiscarded(_ message: String) {
        if discardedStandardError { errorJournal?.send(level: .error, message: message) }
    }

    /// Standard error is closed or /dev/null (auditd's plugins).
    static let discardedStandardError = DiscardedDescriptor.isDiscarded(2)
    private static let errorJournal: JournalLogHandler? = discardedStandardError ? try? JournalLogHandler() : nil

    static func status(_ message: String) {
        writeStandardError(message + "\n")
    }

    /// Nothing more can be said when standard error itself fails: the message is dropped.
    static func writeStandardError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// Writes to standard output for queries and the digest. A reader that went away (`| head`)
    /// ends the command quietly with status 0, as it ends any Unix filter; another failure (a
    /// full disk) is named and ends it with status 6.
    static func writeStandardOutput(_ data: Data) {
        do { try FileHandle.standardOutput.write(contentsOf: data) } catch {
            if OutputError.isBrokenPipe(error) { exit(0) }
            self.error("standard output: \(OutputError.reason(error))")
            exit(SvirtTrace.Status.output)
        }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// The width tables fit: the terminal's, else $COLUMNS (set by shells, and by hand for a
    /// pipe), else 80.
    static var terminalColumns: Int {
        if let columns = TerminalSize.columns(of: 1) { return columns }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return 80
    }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org) or TERM is dumb.
    static var useColour: Bool {
        let env = ProcessInfo.processInfo.environment
        return stdoutIsTerminal && env["NO_COLOR"].map(\.isEmpty) ?? true && env["TERM"] != "dumb"
    }
}

/// Buffered stdout: queries can print millions of rows.
final class StandardOutput {
    private var buffer: [UInt8] = []

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        Console.writeStandardOutput(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
