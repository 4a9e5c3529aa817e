import Alerts
import ArgumentParser
import Foundation
import Ingest
import Logging
import Store
import Synchronization

extension SvirtTrace {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow the audit log, store as events arrive, and print alerts as JSON lines.",
            discussion: """
                --follow FILE (default /var/log/audit/audit.log) follows the file as tail -F does, \
                woken by inotify on its folder (polling every 10 ms where inotify is unavailable), \
                through rotation by rename and copytruncate, resuming from the stored checkpoint. \
                --stdin reads auditd's plugin stream instead (ship rules/auditd/plugins.d); it \
                exits when the stream ends.

                Alerts go to standard output, one JSON object per line (keys: id, time, severity, \
                title, rule, kind, node, source_vm, source_uuid, target_vm, target_uuid, scontext, \
                tcontext, tclass, perms, permissive, pid, exe, path, count, evidence, hint). The \
                built-in rules (rules/alerts.yaml; --rules FILE for another): cross-guest critical; unknown labels high; guest-host high \
                (critical for whole disks, shadow_t, virtd_t); permissive accesses one level \
                higher, titled ALLOWED; enforcing turned off and label collisions critical; virt \
                boolean changes and needs-boolean warning; policy loads info. Repeats of one pair \
                within 60 s (event time) are folded into a follow-up with their count.

                SIGTERM or SIGINT: complete open events, commit, write the checkpoint, exit 0.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Log file to follow.", valueName: "file"))
        var follow: String?

        @Flag(help: "Read auditd's plugin stream on standard input instead of following a file.")
        var stdin = false

        @Option(name: .long, help: ArgumentHelp("Node name for lines without a node= prefix.", valueName: "name"))
        var node: String?

        @Option(name: .long, help: ArgumentHelp("libvirt live status folder for guests already running.", valueName: "dir"))
        var libvirtState: String?

        @Option(name: .long, help: ArgumentHelp(
            "Alert rules (YAML; default: the built-in copy of rules/alerts.yaml). SIGHUP reloads it; a bad file keeps the rules in force.",
            valueName: "file"))
        var rules: String?

        @Option(name: .long, help: ArgumentHelp("Only check a rules file: print its rules, or what is wrong (exit 2), and exit.", valueName: "file"))
        var checkRules: String?

        @Option(name: .long, help: ArgumentHelp("Also append alerts as JSON lines to this file (created 0600; a world-writable file is refused).", valueName: "file"))
        var alertFile: [String] = []

        @Option(name: .long, help: ArgumentHelp("Also run this command (through /bin/sh) for each alert, with the alert's JSON on its standard input.", valueName: "command"))
        var exec: [String] = []

        @Option(name: .long, help: ArgumentHelp("Seconds before an --exec command is killed.", valueName: "seconds"))
        var execTimeout: Double = 10

        @Option(name: .long, help: ArgumentHelp("Also POST each alert's JSON to this http(s) URL (5 s timeout, 3 attempts with backoff).", valueName: "url"))
        var webhook: [String] = []

        @Option(name: .long, help: ArgumentHelp("File holding a bearer token for --webhook.", valueName: "file"))
        var webhookTokenFile: String?

        @Flag(help: "Also send alerts to syslog (RFC 5424 on /dev/log, facility authpriv; the journal reads it too).")
        var syslog = false

        @Option(name: .long, help: .hidden)
        var syslogSocket = "/dev/log"

        @Option(name: .long, help: ArgumentHelp("Seconds between retries of alert deliveries that failed (each sink gets up to 10 tries per alert; a restart tries again).", valueName: "seconds"))
        var retrySeconds: Double = 60

        @Flag(help: "Also send alerts to the systemd journal with structured fields (SVIRT_TRACE_KIND, SVIRT_TRACE_SOURCE_VM, ...; journalctl SVIRT_TRACE_SEVERITY=critical selects them).")
        var journal = false

        @Option(name: .long, help: .hidden)
        var journalSocket = "/run/systemd/journal/socket"

        func validate() throws {
            if stdin && follow != nil { throw ValidationError("--follow and --stdin exclude each other") }
            guard retrySeconds > 0 else { throw ValidationError("--retry-seconds must be more than zero") }
        }

        func run() throws {
            if let checkRules {
                do {
                    let loaded = try AlertRules.load(path: checkRules)
                    for rule in loaded {
                        Swift.print("\(rule.name): \(rule.severity.rawValue), kinds \(rule.kinds.sorted().joined(separator: ","))")
                    }
                    Console.status("\(checkRules): \(loaded.count) rules, all valid")
                    return
                } catch {
                    Console.error("\(error)")
                    throw ExitCode(Status.usage)
                }
            }
            var ruleSet = AlertRule.defaults
            if let rules {
                do { ruleSet = try AlertRules.load(path: rules) } catch {
                    Console.error("\(error)")
                    throw ExitCode(Status.usage)
                }
            }
            let stopping = StopFlag()
            stopping.install()
            let out = FileHandle.standardOutput
            var engine = AlertEngine(rules: ruleSet, ownProcessID: Int64(getpid()))
            let dispatcher: SinkDispatcher
            do {
                let sinks: [AlertSink] = try alertFile.map { try FileSink(path: $0) }
                    + exec.map { ExecSink(command: $0, timeout: max(0.1, execTimeout)) }
                    + webhook.map { try WebhookSink(url: $0, tokenFile: webhookTokenFile) }
                    + (syslog ? [try SyslogSink(socketPath: syslogSocket)] : [])
                    + (journal ? [try JournalSink(socketPath: journalSocket)] : [])
                let sinkLogger = Self.logger
                dispatcher = SinkDispatcher(sinks: sinks) { sinkLogger.warning("alert delivery failed", metadata: ["error": "\($0)"]) }
            } catch {
                Console.error("\(error)")
                throw ExitCode(Status.usage)
            }
            var ledger: AlertLedger?
            /// Stdout at once; the other sinks through the alerts table, so a delivery a restart
            /// interrupted is sent again.
            func deliver(_ alert: Alert) throws {
                let json = alert.json
                out.write(Data((json + "\n").utf8))
                guard let ledger, !dispatcher.sinkNames.isEmpty else { return }
                let row = try ledger.record(alertID: alert.id, time: alert.time, severity: alert.severity.rawValue,
                                            rule: alert.rule, kind: alert.kind, node: alert.node, json: json,
                                            sinks: dispatcher.sinkNames)
                dispatcher.send(alert: row, json: json)
            }
            /// Rows written between events need the write lock; the watch session opens it.
            var openTransaction: () throws -> Void = {}
            var lastRetry = Date()
            /// Failed deliveries go out again every --retry-seconds, while watch runs.
            func retryFailed() throws -> Int {
                guard let ledger, Date().timeIntervalSince(lastRetry) >= retrySeconds else { return 0 }
                lastRetry = Date()
                try openTransaction()
                let due = try ledger.takeFailed(sinks: dispatcher.sinkNames, maximumAttempts: Self.maximumAttempts)
                for entry in due { dispatcher.send(alert: entry.alert, json: entry.json, sink: entry.sink) }
                return due.count
            }
            func settle() throws -> Int {
                let outcomes = dispatcher.takeOutcomes()
                if !outcomes.isEmpty { try openTransaction() }
                for o in outcomes {
                    try ledger?.settle(alert: o.alert, sink: o.sink, delivered: o.delivered, attempts: 1, error: o.error)
                }
                return outcomes.count
            }
            let watch: WatchSession
            do {
                try database.prepareDefaultFolder()
                let db = try Database(path: database.path, access: .readWrite,
                                      busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                let session = try IngestSession(database: db, options: .init(defaultNode: node))
                if let libvirtState {
                    for problem in try session.bootstrap(stateFolder: libvirtState) {
                        Self.logger.warning("skipped status file", metadata: ["problem": "\(problem)"])
                    }
                }
                watch = WatchSession(session: session) { Self.logger.warning("\($0)") }
                openTransaction = watch.openTransaction
                ledger = try AlertLedger(database: watch.database)
                for pending in try ledger?.unsettled(sinks: dispatcher.sinkNames) ?? [] {
                    dispatcher.send(alert: pending.alert, json: pending.json, sink: pending.sink)
                }
            } catch {
                Console.error("\(error)")
                throw ExitCode(error is StoreError ? Status.database : Status.input)
            }
            let input: WatchSession.Input = stdin ? .standardInput : .follow(follow ?? "/var/log/audit/audit.log")
            Self.logger.info("watching", metadata: [
                "input": "\(stdin ? "stdin" : follow ?? "/var/log/audit/audit.log")", "database": "\(database.path)",
                "rules": "\(rules ?? "built-in")", "sinks": "\(dispatcher.sinkNames.joined(separator: ","))",
            ])
            do {
                try watch.run(input, stop: { stopping.isSet }) { findings in
                    if stopping.takeReload(), let rules {
                        do {
                            engine.rules = try AlertRules.load(path: rules)
                            Self.logger.notice("reloaded rules", metadata: ["file": "\(rules)", "rules": "\(engine.rules.count)"])
                        } catch {
                            Self.logger.error("rules reload failed; keeping the rules in force", metadata: ["error": "\(error)"])
                        }
                    }
                    for alert in engine.process(findings) { try deliver(alert) }
                } onTick: {
                    try settle() + retryFailed()
                }
                try watch.record {
                    for alert in engine.flush() { try deliver(alert) }
                    return 0
                }
                // Deliveries still running finish (bounded); their outcomes are recorded below.
                dispatcher.drain(timeout: max(1, execTimeout + 1))
                try watch.record { try settle() }
            } catch {
                Self.logger.critical("watch stopped", metadata: ["error": "\(error)", "summary": "\(watch.summary.line)"])
                throw ExitCode(Status.database)
            }
            Self.logger.info("watch stopped", metadata: ["summary": "\(watch.summary.line)"])
        }
    }
}

extension SvirtTrace.Watch {
    /// Tries per sink and alert before a running watch gives up on it (a restart tries again).
    static let maximumAttempts = 10

    /// The daemon's log: swift-log with structured metadata, to standard error (journald keeps
    /// it when watch runs as a service). Alerts themselves go to the sinks, not here.
    static let logger: Logger = {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        return Logger(label: "svirt-trace.watch")
    }()
}

/// Set by SIGTERM or SIGINT; the watch loop checks it between reads. SIGHUP asks for a rules
/// reload, taken before the next findings are judged.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    private let reload = Atomic<Bool>(false)

    func takeReload() -> Bool { reload.exchange(false, ordering: .relaxed) }
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    var isSet: Bool { flag.load(ordering: .relaxed) }

    func install() {
        for sig in [SIGTERM, SIGINT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [self] in self.flag.store(true, ordering: .relaxed) }
            source.resume()
            Self.sources.append(source)
        }
        signal(SIGHUP, SIG_IGN)
        let hangup = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        hangup.setEventHandler { [self] in self.reload.store(true, ordering: .relaxed) }
        hangup.resume()
        Self.sources.append(hangup)
    }
}
