import Foundation
import Native
import Formatting
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Somewhere alerts go. Sinks run on their own queue, so a slow or failing one never holds up
/// ingestion or the other sinks. They receive the alert's JSON text, which is also what the
/// alerts table keeps, so an undelivered alert can be sent again after a restart.
public protocol AlertSink: AnyObject, Sendable {
    var name: String { get }
    /// Delivers one alert; throws a reason when it could not.
    func deliver(_ json: String) throws
}

/// JSON lines appended to a file created with mode 0600 (O_APPEND: after a copytruncate the
/// next line lands at the new end).
public final class FileSink: AlertSink, @unchecked Sendable {
    public let name: String
    // Used only on this sink's own queue.
    private let handle: FileHandle

    public init(path: String) throws {
        name = "file:\(path)"
        if let status = try? FileStatus(path: path), status.isFolder { throw SinkError.cannotOpen(path, "is a folder") }
        let fd: Int32
        do { fd = try FileStatus.openForAppending(path, createMode: 0o600) } catch {
            throw SinkError.cannotOpen(path, "\(error)")
        }
        // Judged after opening: the very file that will be written to.
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let status: FileStatus
        do { status = try FileStatus(descriptor: fd) } catch { throw SinkError.cannotOpen(path, "\(error)") }
        if status.isFolder { throw SinkError.cannotOpen(path, "is a folder") }
        if let problem = TrustedPath.problem(path: path, status: status) { throw SinkError.cannotOpen(path, "refused: it \(problem)") }
        self.handle = handle
    }

    public func deliver(_ json: String) throws {
        do { try handle.write(contentsOf: Data((json + "\n").utf8)) } catch {
            throw SinkError.failed(name, OutputError.reason(error))
        }
    }
}

/// Runs a command through /bin/sh with the alert's JSON on standard input (never on its command
/// line). The delivery counts when the command read the whole alert and exited 0. After the
/// timeout its process group gets SIGTERM, then SIGKILL after a grace period; it is always
/// reaped.
public final class ExecSink: AlertSink, @unchecked Sendable {
    public let name: String
    private let command: String
    private let timeout: TimeInterval
    private let grace: TimeInterval

    public init(command: String, timeout: TimeInterval, grace: TimeInterval = 2) {
        name = "exec:\(command)"
        self.command = command
        self.timeout = timeout
        self.grace = grace
    }

    public func deliver(_ json: String) throws {
        let child: ChildProcess
        do { child = try ChildProcess(arguments: ["/bin/sh", "-c", command]) } catch {
            throw SinkError.failed(name, "cannot start /bin/sh: \(error)")
        }
        let started = Date()
        let written = child.writeInput(Array((json + "\n").utf8), within: timeout)
        child.closeInput()
        let left = max(0, timeout - Date().timeIntervalSince(started))
        guard let termination = child.wait(seconds: left) else {
            child.terminateGroup()
            if child.wait(seconds: grace) == nil {
                child.killGroup()
                _ = child.waitForever()
            } else {
                // The shell ended, but what it started may ignore SIGTERM: the group goes too,
                // or it would outlive watch (nothing tracks it once the shell is reaped).
                child.killRemainingGroup()
            }
            throw SinkError.failed(name, "timed out after \(Self.seconds(timeout)) s (stopped)")
        }
        guard termination == .exited(0) else { throw SinkError.failed(name, "\(termination)") }
        guard written, child.unreadInput == 0 else {
            throw SinkError.failed(name, "the command exited without reading the alert on its standard input")
        }
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// HTTP POST of the alert JSON, with a timeout, retries with exponential backoff, and an
/// optional bearer token read from a file (never from the command line, where `ps` shows it).
public final class WebhookSink: AlertSink, @unchecked Sendable {
    public let name: String
    private let url: URL
    private let token: String?
    private let timeout: TimeInterval
    private let attempts: Int
    private let backoff: TimeInterval

    public init(url text: String, tokenFile: String?, timeout: TimeInterval = 5, attempts: Int = 3,
                backoff: TimeInterval = 0.5) throws {
        let shown = Self.redacted(text)
        let url: URL
        switch WebhookURL.parse(text) {
        case .success(let parsed): url = parsed
        case .failure(let failure): throw SinkError.cannotOpen(shown, "\(failure)")
        }
        // The sink's name goes to logs and the alert_deliveries table: never with a password.
        name = "webhook:\(shown)"
        self.url = url
        if let tokenFile {
            if let status = try? FileStatus(path: tokenFile), status.isFolder {
                throw SinkError.cannotOpen(tokenFile, "the token file is a folder")
            }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: tokenFile)) } catch {
                throw SinkError.cannotOpen(tokenFile, "cannot read the token file: \(OutputError.reason(error))")
            }
            token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            token = nil
        }
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
    }

    /// The URL with any `user:password@` replaced by `***@`.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<scheme.upperBound]) + "***" + String(rest[at...])
    }

    public func deliver(_ json: String) throws {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(json.utf8)
        var lastError = "no attempt"
        for attempt in 0..<attempts {
            if attempt > 0 { Thread.sleep(forTimeInterval: backoff * pow(2, Double(attempt - 1))) }
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var status = 0
            nonisolated(unsafe) var failure: String?
            URLSession.shared.dataTask(with: request) { _, response, error in
                status = (response as? HTTPURLResponse)?.statusCode ?? 0
                failure = error.map { "\($0.localizedDescription)" }
                done.signal()
            }.resume()
            if done.wait(timeout: .now() + timeout + 1) == .timedOut {
                lastError = "no answer within \(Int(timeout)) s"
                continue
            }
            if let failure { lastError = failure; continue }
            if (200..<300).contains(status) { return }
            lastError = "HTTP \(status)"
        }
        throw SinkError.failed(name, "\(lastError) after \(attempts) attempts")
    }
}

public enum SinkError: Error, CustomStringConvertible {
    case cannotOpen(String, String)
    case failed(String, String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "alert sink \(path): \(reason)"
        case .failed(let sink, let reason): return "sink \(sink): \(reason)"
        }
    }
}

/// RFC 5424 messages to the local syslog socket (`/dev/log`; journald reads it too), facility
/// authpriv, the syslog severity from the alert's, and the alert JSON as the message.
public final class SyslogSink: AlertSink, @unchecked Sendable {
    public let name: String
    private let socket: DatagramSocket
    private let host: String

    public init(socketPath: String = "/dev/log") throws {
        name = "syslog:\(socketPath)"
        do { socket = try DatagramSocket(path: socketPath) } catch {
            throw SinkError.cannotOpen(socketPath, "\(error)")
        }
        host = ProcessInfo.processInfo.hostName.isEmpty ? "-" : ProcessInfo.processInfo.hostName
    }

    /// syslog severity codes: critical 2, error 3, warning 4, informational 6.
    static func code(_ severity: String) -> Int {
        switch severity {
        case "critical": return 2
        case "high": return 3
        case "warning": return 4
        default: return 6
        }
    }

    public func deliver(_ json: String) throws {
        let severity = (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["severity"] as? String ?? "info"
        let priority = 10 * 8 + Self.code(severity)  // authpriv
        let stamp = ISO8601DateFormatter().string(from: Date())
        // The message is the alert's JSON: control characters are already escaped in it.
        let message = "<\(priority)>1 \(stamp) \(host) svirt-trace \(getpid()) alert - \(json)"
        do { try socket.send(Array(message.utf8)) } catch { throw SinkError.failed(name, "\(error)") }
    }
}

/// The systemd journal's native protocol: one datagram per alert on journald's socket, with the
/// alert's fields as journal fields (`SVIRT_TRACE_KIND=cross-guest`, ...) so that
/// `journalctl SVIRT_TRACE_SEVERITY=critical` or `-o json` can select and read them without
/// parsing a message. Values go in the protocol's length-prefixed form, so a guest name holding
/// a newline stays inside its own field.
public final class JournalSink: AlertSink, @unchecked Sendable {
    public let name: String
    private let socket: DatagramSocket

    public init(socketPath: String = "/run/systemd/journal/socket") throws {
        name = "journal:\(socketPath)"
        do { socket = try DatagramSocket(path: socketPath) } catch {
            throw SinkError.cannotOpen(socketPath, "\(error)")
        }
    }

    /// The datagram for one alert.
    static func entry(_ json: String) -> [UInt8] {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]) ?? [:]
        func text(_ key: String) -> String? {
            switch object[key] {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            case let list as [Any]: return list.map { "\($0)" }.joined(separator: " ")
            default: return nil
            }
        }
        var entry = JournalEntry()
        let severity = text("severity") ?? "info"
        entry.add("MESSAGE", "\(severity.uppercased()): \(text("title") ?? "alert") (\(text("kind") ?? "?"))")
        entry.add("PRIORITY", String(SyslogSink.code(severity)))
        entry.add("SYSLOG_FACILITY", "10")
        entry.add("SYSLOG_IDENTIFIER", "svirt-trace")
        for key in object.keys.sorted() {
            guard let value = text(key) else { continue }
            entry.add(JournalEntry.fieldName(key, prefix: "SVIRT_TRACE_"), value)
        }
        entry.add("SVIRT_TRACE_JSON", json)
        return entry.bytes
    }

    public func deliver(_ json: String) throws {
        do { try socket.send(Self.entry(json)) } catch { throw SinkError.failed(name, "\(error)") }
    }
}
