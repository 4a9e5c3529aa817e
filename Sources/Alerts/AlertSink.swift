import Foundation

/// Somewhere alerts go. Sinks run on their own queue, so a slow or failing one never holds up
/// ingestion or the other sinks.
public protocol AlertSink: AnyObject, Sendable {
    var name: String { get }
    /// Delivers one alert; throws a reason when it could not.
    func deliver(_ alert: Alert) throws
}

/// JSON lines appended to a file created with mode 0600.
public final class FileSink: AlertSink, @unchecked Sendable {
    public let name: String
    // Used only on this sink's own queue.
    private let handle: FileHandle

    public init(path: String) throws {
        name = "file:\(path)"
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw SinkError.cannotOpen(path, "cannot create it")
            }
        }
        let mode = (try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
        if mode & 0o002 != 0 { throw SinkError.cannotOpen(path, "it is world-writable") }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw SinkError.cannotOpen(path, "permission denied") }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    public func deliver(_ alert: Alert) throws {
        try handle.write(contentsOf: Data((alert.json + "\n").utf8))
    }
}

/// Runs a command with the alert's JSON on standard input (never on its command line), killed
/// after a timeout.
public final class ExecSink: AlertSink, @unchecked Sendable {
    public let name: String
    private let command: String
    private let timeout: TimeInterval

    public init(command: String, timeout: TimeInterval) {
        name = "exec:\(command)"
        self.command = command
        self.timeout = timeout
    }

    public func deliver(_ alert: Alert) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((alert.json + "\n").utf8))
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            throw SinkError.failed(name, "timed out after \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0 else { throw SinkError.failed(name, "exit status \(process.terminationStatus)") }
    }
}

public enum SinkError: Error, CustomStringConvertible {
    case cannotOpen(String, String)
    case failed(String, String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "alert file \(path): \(reason)"
        case .failed(let sink, let reason): return "sink \(sink): \(reason)"
        }
    }
}

/// Hands each alert to every sink on that sink's own serial queue.
public final class SinkDispatcher: Sendable {
    private let sinks: [(AlertSink, DispatchQueue)]
    private let report: @Sendable (String) -> Void

    public init(sinks: [AlertSink], report: @escaping @Sendable (String) -> Void) {
        self.sinks = sinks.map { ($0, DispatchQueue(label: "svirt-trace.sink.\($0.name)")) }
        self.report = report
    }

    public func send(_ alert: Alert) {
        for (sink, queue) in sinks {
            queue.async { [report] in
                do { try sink.deliver(alert) } catch { report("\(error)") }
            }
        }
    }

    /// Waits (bounded) for queued deliveries, at shutdown.
    public func drain(timeout: TimeInterval) {
        let group = DispatchGroup()
        for (_, queue) in sinks {
            group.enter()
            queue.async { group.leave() }
        }
        _ = group.wait(timeout: .now() + timeout)
    }
}
