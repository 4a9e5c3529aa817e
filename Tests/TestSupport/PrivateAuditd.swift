import Foundation

/// Debian's auditd run in the foreground with a private config folder (`auditd -n -c DIR`), its
/// plugin folder holding the shipped svirt-trace plugin conf: the kernel hands it every user
/// message, and its dispatcher hands them to the plugin exactly as on a hypervisor.
///
/// It runs in its own mount namespace, so the plugin finds the test's files at the paths an
/// installed svirt-trace uses, and the host's are neither read nor changed:
/// - `/etc/svirt-trace` is the test's config folder (a plugin gets no environment from auditd,
///   so `$SVIRT_TRACE_CONFIG` cannot name another file);
/// - `/run` is an empty tmpfs (no libvirt state folder), with `/run/systemd/journal` the test's
///   journal stand-in, where the plugin's own log goes (its standard error is /dev/null).
///
/// The kernel's audit connection is not namespaced: auditd takes it (pid and enabled flag), and
/// `stop()` gives it back, restoring the enabled flag found at start.
public final class PrivateAuditd: @unchecked Sendable {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// What `auditctl -s` reports.
    public struct KernelStatus: Sendable {
        public var enabled: Int
        public var pid: Int32
    }

    public let folder: URL
    public let process: Process
    public let journal: Process
    public var etcFolder: URL { folder.appendingPathComponent("etc") }
    public var auditLog: URL { folder.appendingPathComponent("audit/log/audit.log") }
    public var journalReceived: URL { folder.appendingPathComponent("journal-received") }
    private let enabledAtStart: Int
    private let madeConfigFolder: Bool
    private var stopped = false

    /// Environment variable that lets a local run skip these tests on a host without the audit
    /// netlink; CI never sets it, so there they fail rather than pass without having run.
    public static let skipVariable = "SVIRT_TRACE_SKIP_AUDITD"

    public static func kernelStatus() throws -> KernelStatus {
        let r = try runProcess("/usr/sbin/auditctl", ["-s"])
        let text = String(decoding: r.stdout + r.stderr, as: UTF8.self)
        guard r.status == 0 else {
            throw Unavailable(description: "auditctl -s failed (no kernel audit netlink here, or no CAP_AUDIT_CONTROL): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        func value(_ key: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count + 1)) }
        }
        guard let enabled = value("enabled").flatMap(Int.init), let pid = value("pid").flatMap(Int32.init) else {
            throw Unavailable(description: "auditctl -s said nothing usable: \(text)")
        }
        return KernelStatus(enabled: enabled, pid: pid)
    }

    /// - Parameters:
    ///   - pluginConf: the plugin conf as auditd reads it (the shipped one, `path` pointed at the
    ///     binary under test).
    ///   - config: `/etc/svirt-trace/svirt-trace.conf` as the plugin will read it.
    public init(folder: URL, pluginConf: String, config: String, auditdSettings: [String: String] = [:]) throws {
        self.folder = folder
        Self.stopLeftovers()
        let status = try Self.kernelStatus()
        guard status.pid == 0 else {
            throw Unavailable(description: "another audit daemon (pid \(status.pid)) holds the kernel's audit connection; stop it to run these tests")
        }
        enabledAtStart = status.enabled
        let fm = FileManager.default
        let audit = folder.appendingPathComponent("audit")
        for sub in ["audit/log", "audit/plugins.d", "etc", "journal"] {
            try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o755])
        }
        try Self.auditdConf(logFile: folder.appendingPathComponent("audit/log/audit.log").path, pluginFolder: audit.appendingPathComponent("plugins.d").path,
                            overrides: auditdSettings)
            .write(to: audit.appendingPathComponent("auditd.conf"), atomically: true, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: audit.appendingPathComponent("auditd.conf").path)
        let plugin = audit.appendingPathComponent("plugins.d/svirt-trace.conf")
        try pluginConf.write(to: plugin, atomically: true, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: plugin.path)
        let configFile = folder.appendingPathComponent("etc/svirt-trace.conf")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: configFile.path)

        journal = try Self.journalStandIn(socket: folder.appendingPathComponent("journal/socket").path,
                                          received: folder.appendingPathComponent("journal-received").path)
        // The bind mount needs its mount point; made (and later removed) only where it is missing.
        madeConfigFolder = !fm.fileExists(atPath: "/etc/svirt-trace")
        if madeConfigFolder { try fm.createDirectory(atPath: "/etc/svirt-trace", withIntermediateDirectories: false) }

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--mount", "--propagation", "private", "/bin/sh", "-c", """
            mount -t tmpfs -o mode=0755 svirt-trace-test /run &&
            mkdir -p /run/systemd/journal &&
            mount --bind "$1/journal" /run/systemd/journal &&
            mount --bind "$1/etc" /etc/svirt-trace &&
            exec /usr/sbin/auditd -n -c "$1/audit"
            """, "sh", folder.path]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let log = folder.appendingPathComponent("auditd.out")
        fm.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
    }

    deinit { stop() }

    static func auditdConf(logFile: String, pluginFolder: String, overrides: [String: String] = [:]) -> String {
        let text = """
        local_events = yes
        write_logs = yes
        log_file = \(logFile)
        log_format = ENRICHED
        flush = INCREMENTAL_ASYNC
        freq = 50
        max_log_file = 64
        num_logs = 2
        max_log_file_action = ROTATE
        space_left = 75
        space_left_action = IGNORE
        admin_space_left = 50
        admin_space_left_action = IGNORE
        disk_full_action = IGNORE
        disk_error_action = IGNORE
        q_depth = 20000
        overflow_action = SYSLOG
        max_restarts = 10
        plugin_dir = \(pluginFolder)
        end_of_event_timeout = 2

        """
        return text.split(separator: "\n").map { line in
            let key = line.split(separator: "=").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return overrides[key].map { "\(key) = \($0)" } ?? String(line)
        }.joined(separator: "\n") + "\n"
    }

    /// A test process killed mid-test (SIGKILL, a crash) leaves its auditd holding the kernel's
    /// audit connection, and its journal stand-in: both are recognised by their command lines
    /// (a private folder made by these tests) and stopped, so the next run is not stuck.
    static func stopLeftovers() {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("svirt-trace-auditd").path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var stopped = false
        for pid in entries.compactMap(Int32.init) where pid != getpid() {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            let isAuditd = arguments.first?.hasSuffix("auditd") == true && arguments.contains { $0.hasPrefix(marker) }
            let isStandIn = arguments.contains { $0.hasPrefix(marker) && $0.hasSuffix("/journal/socket") }
            if isAuditd || isStandIn {
                kill(pid, SIGKILL)
                stopped = stopped || isAuditd
            }
        }
        // What a crashed run found can no longer be known: the flag goes back to off, as auditd
        // leaves it on a host where it does not run.
        if stopped {
            Thread.sleep(forTimeInterval: 0.5)
            _ = try? runProcess("/usr/sbin/auditctl", ["-e", "0"])
        }
    }

    /// A journal stand-in that writes each entry it gets as one JSON object per line.
    static func journalStandIn(socket: String, received: String) throws -> Process {
        try DatagramServer.start(socket: socket, received: received, decode: """
            def decode(d):
                out, i = {}, 0
                while i < len(d):
                    j = d.index(b'\\n', i)
                    name = d[i:j]
                    if b'=' in name:
                        k, v = name.split(b'=', 1); out[k.decode()] = v.decode('utf-8', 'replace'); i = j + 1; continue
                    n = struct.unpack('<Q', d[j + 1:j + 9])[0]
                    out[name.decode()] = d[j + 9:j + 9 + n].decode('utf-8', 'replace'); i = j + 9 + n + 1
                return json.dumps(out)
            """)
    }

    /// The journal entries the plugin sent so far.
    public func journalEntries() -> [[String: String]] {
        let text = (try? String(contentsOf: journalReceived, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: String]
        }
    }

    /// auditd's children: its plugins.
    public func pluginProcesses() -> [(pid: Int32, arguments: [String])] {
        let parent = process.processIdentifier
        // Until the shell has exec'd auditd, its children are the mounts that prepare it.
        guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(parent)/exe"))?.hasSuffix("/auditd") == true else {
            return []
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).compactMap { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // Fields after the command name: state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == parent,
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            // A child between fork and exec (or exiting) has no command line yet: not a plugin.
            guard !cmdline.isEmpty else { return nil }
            return (pid, cmdline.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) })
        }
    }

    /// Waits for a plugin process other than those in `excluding`. auditd starts one within a
    /// second when idle; the whole suite running beside it on two cores has made that take over
    /// 15 s, and twice over 30 s. A timeout says what auditd logged meanwhile.
    /// - Parameter nudge: after a plugin was killed, auditd starts the next one only when a
    ///   write to the dead one's socket fails; one message sent to make it may have gone into
    ///   the socket's buffer first (see killPlugin). Called every 5 s while no plugin is there.
    public func waitForPlugin(excluding: Set<Int32> = [], timeout: TimeInterval = 60,
                              nudge: (() throws -> Void)? = nil) throws -> (pid: Int32, arguments: [String]) {
        let deadline = Date().addingTimeInterval(timeout)
        var nextNudge = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let nudge, Date() >= nextNudge {
                FileHandle.standardError.write(Data("PrivateAuditd: no new plugin yet; sending auditd another message\n".utf8))
                try nudge()
                nextNudge = Date().addingTimeInterval(5)
            }
            guard process.isRunning else {
                let log = (try? String(contentsOf: folder.appendingPathComponent("auditd.out"), encoding: .utf8)) ?? ""
                throw Unavailable(description: "auditd exited (status \(process.terminationStatus)): \(log)")
            }
            if let plugin = pluginProcesses().first(where: { !excluding.contains($0.pid) }) { return plugin }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("auditd.out"), encoding: .utf8)) ?? ""
        // A plugin that starts and exits at once is never seen here: what it wrote to the journal says why.
        let journal = journalEntries().compactMap { $0["MESSAGE"] }.suffix(20).joined(separator: "\n")
        throw Unavailable(description: "auditd started no plugin within \(Int(timeout)) s; auditd said: \(log.suffix(2000)); the plugins' journal: \(journal)")
    }

    /// SIGKILL to a plugin, returning once it has exited (gone, or a zombie: its end of auditd's
    /// socket is closed either way). auditd restarts a plugin only when a write to it fails with
    /// EPIPE; a message sent while the killed plugin still holds its socket goes into that
    /// socket's buffer, and with no message after it auditd never restarts the plugin.
    public func killPlugin(_ pid: Int32, timeout: TimeInterval = 10) throws {
        kill(pid, SIGKILL)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return }
            if stat[stat.index(after: close)...].split(separator: " ").first == "Z" { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw Unavailable(description: "plugin \(pid) still running \(Int(timeout)) s after SIGKILL")
    }

    /// Sends `TYPE MESSAGE` lines through the kernel with Tests/AuditSend (`--rate` when given);
    /// returns the realtime stamp of each send, in nanoseconds.
    @discardableResult
    public static func send(_ lines: [String], rate: Double? = nil) throws -> [Int64] {
        let sender = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().appendingPathComponent("audit-send").path
        let r = try runProcess(sender, ["--stamps"] + (rate.map { ["--rate", String($0)] } ?? []),
                               stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        guard r.status == 0 else {
            throw Unavailable(description: "audit-send: \(String(decoding: r.stderr, as: UTF8.self))")
        }
        return String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").compactMap { Int64($0) }
    }

    /// auditd's SIGHUP: it re-reads its config and passes the signal to its plugins.
    public func hangUp() {
        kill(process.processIdentifier, SIGHUP)
    }

    /// SIGTERM to auditd (which passes it to its plugins); waits for auditd and every plugin to
    /// exit, then gives the kernel's audit connection back as it was found.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        let plugins = pluginProcesses().map(\.pid)
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning || plugins.contains(where: { kill($0, 0) == 0 }), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for pid in plugins where kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        process.waitUntilExit()
        _ = try? runProcess("/usr/sbin/auditctl", ["-e", String(enabledAtStart)])
        kill(journal.processIdentifier, SIGKILL)
        journal.waitUntilExit()
        // rmdir: only while empty, as it was made.
        if madeConfigFolder { rmdir("/etc/svirt-trace") }
    }
}
