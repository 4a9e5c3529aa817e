import Formatting
import Logging
import Native

/// The daemon's log sent to systemd-journald directly, for when standard error goes nowhere
/// (an auditd plugin). Metadata become fields (SVIRT_TRACE_LOG_<KEY>) and are also appended to
/// the message, so `journalctl -t svirt-trace` reads as the standard-error log does.
struct JournalLogHandler: LogHandler {
    static let defaultSocket = "/run/systemd/journal/socket"

    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    private let socket: DatagramSocket

    init(socketPath: String = Self.defaultSocket) throws {
        socket = try DatagramSocket(path: socketPath)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        send(level: event.level, message: "\(event.message)", metadata: metadata.merging(event.metadata ?? [:]) { $1 })
    }

    func send(level: Logger.Level, message: String, metadata all: Logger.Metadata = [:]) {
        let sorted = all.sorted { $0.key < $1.key }
        var entry = JournalEntry()
        entry.add("MESSAGE", sorted.isEmpty ? message : message + " " + sorted.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        entry.add("PRIORITY", String(Self.priority(level)))
        entry.add("SYSLOG_IDENTIFIER", "svirt-trace")
        for (key, value) in sorted {
            entry.add(JournalEntry.fieldName(key, prefix: "SVIRT_TRACE_LOG_"), "\(value)")
        }
        // A log line that cannot be sent has nowhere else to go.
        try? socket.send(entry.bytes)
    }

    /// syslog(3) priorities, as journald files them.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
