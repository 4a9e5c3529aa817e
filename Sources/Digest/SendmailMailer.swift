import Foundation

/// The convention cron and logwatch use: the message on the standard input of a
/// sendmail-compatible program (`/usr/sbin/sendmail -t -oi` from postfix, exim or msmtp), which
/// takes the recipients from the To header. The command is split on spaces, never given to a
/// shell.
public struct SendmailMailer: Mailer {
    public var command: [String]
    public var timeout: TimeInterval = 120

    public init(command: String) throws {
        self.command = command.split(separator: " ").map(String.init)
        guard let program = self.command.first, program.hasPrefix("/") else {
            throw MailerError("--sendmail \"\(command)\": give the program's absolute path, then its arguments")
        }
    }

    public func send(_ message: String, from: MailAddress, to: [MailAddress]) throws {
        guard FileManager.default.isExecutableFile(atPath: command[0]) else {
            throw MailerError("\(command[0]): no such program (install a mail transfer agent such as postfix or msmtp-mta, or use --mailer smtp://HOST:PORT)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = errors
        process.standardError = errors
        do { try process.run() } catch { throw MailerError("\(command[0]): \(error)") }
        // Writing and reading run beside the wait, so a mailer that neither reads nor exits is
        // still bounded by the timeout. A mailer that gives up early closes its end: that is its
        // exit status to report, not a SIGPIPE to die of. Local submission uses the local line end.
        signal(SIGPIPE, SIG_IGN)
        let body = Data(message.replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let io = DispatchGroup()
        nonisolated(unsafe) var writeError: Error?
        nonisolated(unsafe) var said = Data()
        DispatchQueue.global().async(group: io) {
            do { try input.fileHandleForWriting.write(contentsOf: body) } catch { writeError = error }
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: io) { said = errors.fileHandleForReading.readDataToEndOfFile() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = io.wait(timeout: .now() + 5)
            throw MailerError("\(command[0]) did not finish within \(Int(timeout)) s")
        }
        // The mailer has exited, so its pipes close and both sides finish (unless a child it left
        // behind holds them: then its words are not waited for).
        let settled = io.wait(timeout: .now() + 10) == .success
        if process.terminationStatus == 0, settled, let writeError {
            throw MailerError("\(command[0]) exited before reading the whole message: \(writeError)")
        }
        guard process.terminationStatus == 0 else {
            let text = settled ? String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            throw MailerError("\(command.joined(separator: " ")) failed (exit status \(process.terminationStatus))"
                              + (text.isEmpty ? "" : ": \(text.prefix(2000))"))
        }
    }
}
