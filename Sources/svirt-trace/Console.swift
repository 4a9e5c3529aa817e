import Store
import Foundation

/// stderr messages and terminal facts, in one place.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("svirt-trace: " + TerminalText.escape(message) + "\n").utf8))
    }

    static func status(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
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
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
