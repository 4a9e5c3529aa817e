import Foundation

/// Where the repository, the shared corpus and the workload generator are, and scratch folders.
public enum Fixtures {
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/Fixtures.swift
        return url
    }()

    /// `../shared` beside the checkout (CI lays a copy there), or $SVIRT_TRACE_SHARED.
    public static let shared: URL = {
        if let path = ProcessInfo.processInfo.environment["SVIRT_TRACE_SHARED"] { return URL(fileURLWithPath: path) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    public static var corpus: URL { shared.appendingPathComponent("corpus") }
    public static var generator: URL { shared.appendingPathComponent("workload/gen_audit_log.py") }

    /// A fresh folder inside this test process's scratch folder.
    public static func temporaryFolder(_ label: String = "t") throws -> URL {
        let url = scratchRoot.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One folder per test process, `svirt-trace-tests-PID` under the system temp folder, removed
    /// when the process exits. A run's hundreds of scratch folders (logs of up to 150 MB among
    /// them) were left behind before, and on a machine that runs the tests often they filled the
    /// disk: a PostgreSQL test then failed for want of space. One a killed run left behind is
    /// removed by the next run, once its process is gone.
    public static let scratchRoot: URL = {
        let temp = FileManager.default.temporaryDirectory
        removeAbandonedScratch(in: temp)
        let root = temp.appendingPathComponent("\(scratchPrefix)\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory
                .appendingPathComponent("\(Fixtures.scratchPrefix)\(getpid())"))
        }
        return root
    }()

    static let scratchPrefix = "svirt-trace-tests-"

    private static func removeAbandonedScratch(in temp: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temp.path)) ?? []
        for name in names where name.hasPrefix(scratchPrefix) {
            guard let pid = pid_t(name.dropFirst(scratchPrefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) == -1, errno == ESRCH {
                try? FileManager.default.removeItem(at: temp.appendingPathComponent(name))
            }
        }
    }

    public static func read(_ relativeToRoot: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(relativeToRoot), encoding: .utf8)
    }

    /// `KEY = VALUE` lines of a shipped configuration file (auditd plugin, systemd unit, defaults
    /// file), comments skipped.
    public static func settings(_ relativeToRoot: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try read(relativeToRoot).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { out[parts[0]] = parts[1] }
        }
        return out
    }
}

/// Runs a program and returns its exit status, standard output and standard error.
public func runProcess(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                       environment: [String: String]? = nil) throws -> (status: Int32, stdout: Data, stderr: Data) {
    let r = try runProcessReportingSignal(executable, arguments, stdin: stdin, environment: environment)
    return (r.status, r.stdout, r.stderr)
}

/// As `runProcess`, and whether a signal ended the child (`status` is then the signal's number,
/// which Foundation does not tell apart from an exit status: a trap is SIGILL, exit 4).
public func runProcessReportingSignal(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                                      environment: [String: String]? = nil)
    throws -> (status: Int32, signalled: Bool, stdout: Data, stderr: Data) {
    // A child that exits before reading its input (a usage error) must not kill the test run
    // with SIGPIPE: the write fails with EPIPE instead. The sink code under test ignores SIGPIPE
    // in this process anyway (so a whole run already did); a filtered run needs it said here.
    // Children inherit the ignored disposition; svirt-trace ignores it itself.
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    // Standard input is written beside the reading: a child that answers each line (more than
    // a pipe's 64 KB) while more input waits would otherwise block it and this forever.
    let group = DispatchGroup()
    let writer = input.fileHandleForWriting
    group.enter()
    DispatchQueue.global().async {
        if let stdin { try? writer.write(contentsOf: stdin) }
        try? writer.close()
        group.leave()
    }
    // Read both pipes concurrently so a chatty child cannot block on a full pipe.
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, process.terminationReason == .uncaughtSignal, outData, errData)
}
