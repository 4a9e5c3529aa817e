import Alerts
import ArgumentParser
import Config
import Foundation
import Guests
import Ingest
import Logging
import Native
import Store
import Synchronization
import Findings
import Formatting

extension SvirtTrace {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Follow the audit log, store as events arrive, and print alerts (a line each on a terminal, JSON lines otherwise).",
            discussion: """
                --follow FILE (default /var/log/audit/audit.log) follows the file as tail -F does, \
                woken by inotify on its folder (polling every 10 ms where inotify is unavailable), \
                through rotation by rename and copytruncate, resuming from the stored checkpoint. \
                It follows regular files only: a FIFO, socket or device at the path (or a link to \
                one) stops watch with exit 3 and the reason, at start or when a rotation leaves one \
                there (after the renamed file's events are stored). A rotated copy that gave watch \
                anything (events it had not stored, completed, or had not judged for alerts) is \
                reported with what it gave; one that held nothing new gets at most an info line. \
                --stdin reads auditd's plugin stream instead (ship rules/auditd/plugins.d); it \
                exits when the stream ends.

                LOG WRITEBACK
                  While it follows a log file (--follow, or --stdin's --catch-up-log), watch \
                starts the kernel's writeback of the log's new whole pages, at most every 100 ms \
                and only once a megabyte of them piled up (sync_file_range(2): it queues the \
                writes and returns; it never waits for them, never makes the file durable and \
                never changes it). It matters under a flood when the log and the database share \
                a filesystem and the log's writer does not flush it (auditd with flush = none; \
                the default, incremental_async, fsyncs every 50 records itself): on ext4 each of \
                the database's syncs then waited for the log's unwritten megabytes, hundreds of \
                milliseconds, and the alerts of new attacks with them. A log growing at an \
                ordinary pace is left to the kernel. --no-log-writeback turns it off (copy-on-write \
                or thin storage where early writes cost more). A writeback stuck in the kernel (a \
                hung network filesystem) never holds up alerting; at stop it is given 1 s, then \
                left behind with a warning.

                CONFIG FILE
                  /etc/svirt-trace/svirt-trace.conf (or --config FILE) gives the database, node, \
                libvirt state folder, rules, retention and sinks; a flag overrides its key (a sink \
                flag replaces that kind of sink from the file). Under auditd (--stdin) standard \
                output goes nowhere: with no sink configured, alerts go to the journal, and watch \
                says so at start. `svirt-trace config check` shows what is in force. The file is read \
                once, at start: a change takes a restart (systemctl restart svirt-trace-watch). SIGHUP \
                reloads only the rules file, and logs that the config file changed (or is no longer \
                valid) when it did.

                Alerts go to standard output: on a terminal one line each (local time, severity, \
                title, node, id; --format text), otherwise one JSON object per line (--format json; \
                title, rule, kind, node, source_vm, source_uuid, target_vm, target_uuid, scontext, \
                tcontext, tclass, perms, permissive, pid, exe, path, count, evidence, hint). A denial's \
                title names both sides and the access ("web004 → ci001: read,write on blk_file \
                (cross-guest)"). The \
                built-in rules (rules/alerts.yaml; --rules FILE for another): cross-guest critical; unknown labels high; guest-host high \
                (critical for whole disks, shadow_t, virtd_t); permissive accesses one level \
                higher, titled ALLOWED; enforcing turned off and label collisions critical; virt \
                boolean changes and needs-boolean warning; policy loads info; unconfined guests \
                critical, weak labels and whole disks high, shared writable disks and unattributed \
                denials (lease data incomplete, see query coverage) info. Repeats of one pair \
                within 60 s (event time) are folded into a follow-up with their count ("(4 more \
                since 2025-11-25T03:47:25.261Z)"), and a source over its rate limit gets one report \
                of what was withheld. Both are sent when their window ends: at the first event timed \
                at or past its end, or, while the log is quiet, once the window's length has passed \
                on the wall clock since the newest event arrived (after at least 2 s of quiet); at \
                shutdown for the windows still open.

                ALERT IDS AND DELIVERY
                  An alert's id says what it is about: NODE/TIME.MS:SERIAL/RULE for an event's alert \
                (- for logs without node=), that id + /repeats for its follow-up, + /rate-limited \
                for a rate-limit report. The same log gives the same ids in any run. An alert is \
                stored in the transaction that stores its event and printed or delivered only after \
                that transaction committed; standard output and every sink get each alert at least \
                once (a crash can repeat one, with the same id and body), so consumers deduplicate \
                by id. An --exec command must read the alert (all of standard input) and exit 0 \
                within --exec-timeout, else the delivery failed: it gets SIGTERM, SIGKILL 2 s \
                later, and is retried. A sink's queue holds 10000 alerts; more are retried later and \
                reported by an alert. When standard output's reader goes away, watch stops (exit 0).

                One watch per node writes to a database: watches of other nodes (--node) may share \
                it, each with its own alert windows and deliveries; a second watch for the same \
                node exits 4 (its lock is DB-watch.lock, or DB-watch-NODE.lock, beside the database, \
                or beside the spool with a PostgreSQL --db).

                SIGTERM or SIGINT: complete open events, commit, write the checkpoint, exit 0; \
                during a catch-up of rotated copies they are taken after the megabyte being \
                read, even inside one copy, and the next start reads the rest from the \
                checkpoint (in plugin mode the stream is then left unread: its \
                newer events would move the plugin's position past the copies not yet read). \
                SIGHUP: reload the rules file (--rules or the config file's rules); the config \
                file itself is not reloaded.
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var fleetSpool: FleetSpoolOption

        @Option(help: ArgumentHelp(
            "How alerts are printed: text (one line per alert: local time, severity, title, node, id; coloured by severity on a terminal unless NO_COLOR is set) or json (one JSON object per line). Default: text on a terminal, json otherwise. Sinks always get JSON.",
            valueName: "format"))
        var format: String?

        @Flag(help: "With --format text: times in UTC instead of local time with its offset (as journalctl --utc).")
        var utc = false

        @Option(help: ArgumentHelp("Log file to follow.", valueName: "file"))
        var follow: String?

        @Flag(help: "Read auditd's plugin stream on standard input instead of following a file.")
        var stdin = false

        @Option(name: .long, help: ArgumentHelp(
            "With --stdin: first read this audit log from its stored checkpoint to its end, with the rotated copies written since (default: the config file's catch_up_log, else none). A plugin sees only what auditd hands it after it starts; this stores what it missed while it was down.",
            valueName: "file"))
        var catchUpLog: String?

        @Option(name: .long, help: ArgumentHelp("Node name for lines without a node= prefix (default: the config file's node).", valueName: "name"))
        var node: String?

        @Flag(help: "Never start the writeback of the followed log's new pages (see LOG WRITEBACK below).")
        var noLogWriteback = false

        @Option(name: .long, help: ArgumentHelp(
            "libvirt live status folder (default: the config file's, else /run/libvirt/qemu when that folder exists): guests already running get their leases at start, and the folder is looked at again when it changes (at most once a second), so a guest whose VIRT records were lost still gets its lease from then on.",
            valueName: "dir"))
        var libvirtState: String?

        @Option(name: .long, help: ArgumentHelp(
            "Alert rules (YAML; default: the config file's rules, else the built-in copy of rules/alerts.yaml). SIGHUP reloads it; a bad file keeps the rules in force.",
            valueName: "file"))
        var rules: String?

        @Option(name: .long, help: ArgumentHelp("Only check a rules file: print its rules, or what is wrong (exit 2), and exit.", valueName: "file"))
        var checkRules: String?

        @Option(name: .long, help: ArgumentHelp("Also append alerts as JSON lines to this file (created 0600; a world-writable file, or one in a world-writable folder without the sticky bit, is refused; a symbolic link is judged by its target).", valueName: "file"))
        var alertFile: [String] = []

        @Option(name: .long, help: ArgumentHelp("Also run this command (through /bin/sh) for each alert, with the alert's JSON on its standard input.", valueName: "command"))
        var exec: [String] = []

        @Option(name: .long, help: ArgumentHelp("Seconds before an --exec command gets SIGTERM (SIGKILL 2 s later; default 10).", valueName: "seconds"))
        var execTimeout: Double?

        @Option(name: .long, help: ArgumentHelp("Also POST each alert's JSON to this http(s) URL (5 s timeout, 3 attempts with backoff).", valueName: "url"))
        var webhook: [String] = []

        @Option(name: .long, help: ArgumentHelp("File holding a bearer token for --webhook.", valueName: "file"))
        var webhookTokenFile: String?

        @Flag(help: "Also send alerts to syslog (RFC 5424 on /dev/log, facility authpriv; the journal reads it too).")
        var syslog = false

        @Option(name: .long, help: .hidden)
        var syslogSocket = "/dev/log"

        @Option(name: .long, help: ArgumentHelp("Keep this much history (90d, 1y): older events are pruned as `svirt-trace prune --older-than` does, a small chunk at a time between batches, checked every minute.", discussion: "With a PostgreSQL --db, the spool is pruned and its deletions are shipped: the fleet store keeps this node's history for as long as the spool does, and months of the fleet store's partitions that no node's rows are left in are dropped.", valueName: "duration"))
        var retain: String?

        @Option(name: .long, help: ArgumentHelp("Seconds between retries of alert deliveries that failed (each sink gets up to 10 tries per alert; a restart tries again).", valueName: "seconds"))
        var retrySeconds: Double = 60

        @Flag(help: "Also send alerts to the systemd journal with structured fields (SVIRT_TRACE_KIND, SVIRT_TRACE_SOURCE_VM, ...; journalctl SVIRT_TRACE_SEVERITY=critical selects them).")
        var journal = false

        @Option(name: .long, help: .hidden)
        var journalSocket = "/run/systemd/journal/socket"

        func validate() throws {
            if let format, format != "text" && format != "json" {
                throw ValidationError("--format takes text or json, not \"\(format)\"")
            }
            if stdin && follow != nil { throw ValidationError("--follow and --stdin exclude each other") }
            if stdin && StandardDescriptors.closedAtStart.contains(0) {
                throw ValidationError("--stdin, but standard input is closed: run watch with a log on standard input, or --follow FILE")
            }
            // As ingest and the config file: the node also names the watch's lock file and alert ids.
            if let node, node.allSatisfy(\.isWhitespace) || node.contains(where: { $0.isNewline || $0 == "\0" }) {
                throw ValidationError("--node must be a name on one line, not empty or only blanks")
            }
            if catchUpLog != nil && !stdin { throw ValidationError("--catch-up-log goes with --stdin (--follow resumes from its own checkpoint)") }
            if let retain {
                do { _ = try RetentionPeriod(retain) } catch { throw ValidationError("--retain: \(error)") }
            }
            guard retrySeconds > 0 else { throw ValidationError("--retry-seconds must be more than zero") }
            if let execTimeout, !(execTimeout > 0 && execTimeout.isFinite) { throw ValidationError("--exec-timeout must be a number of seconds more than zero") }
        }

        func run() throws {
            // First of all: until the handlers are in, SIGTERM ends watch and SIGHUP kills it
            // (helper-81: in the 50-150 ms the config and rules took to load).
            let stopping = StopFlag()
            stopping.install()
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
            // The config file fills what no flag gave.
            let settings = LoadedConfig.settings
            let node = self.node ?? settings.node
            let libvirtState = self.libvirtState ?? settings.libvirtState ?? LoadedConfig.hostLibvirtState
            let rules = self.rules ?? settings.rules
            let retain = self.retain ?? settings.retention
            let execTimeout = self.execTimeout ?? settings.sinks.execTimeout ?? 10
            let alertFile = self.alertFile.isEmpty ? settings.sinks.files : self.alertFile
            let exec = self.exec.isEmpty ? settings.sinks.exec : self.exec
            let webhook = self.webhook.isEmpty ? settings.sinks.webhooks : self.webhook
            let webhookTokenFile = self.webhookTokenFile ?? settings.sinks.webhookTokenFile
            let syslog = self.syslog || settings.sinks.syslog
            let journal = self.journal || settings.sinks.journal
            // auditd's plugin: standard output goes nowhere, so an alert nobody is sent would be
            // seen only by a query.
            let journalByDefault = stdin && alertFile.isEmpty && exec.isEmpty && webhook.isEmpty && !syslog && !journal
            if journalByDefault {
                Self.logger.notice("plugin mode (--stdin) and no sink configured: alerts go to the systemd journal (journalctl SVIRT_TRACE_SEVERITY=critical); set sinks in \(LoadedConfig.file ?? ConfigFile.defaultPath)")
            }
            var ruleSet = AlertRule.defaults
            if let rules {
                do { ruleSet = try AlertRules.load(path: rules) } catch {
                    Console.error("\(error)")
                    throw ExitCode(Status.usage)
                }
            }
            let dispatcher: SinkDispatcher
            do {
                let sinks: [AlertSink] = try alertFile.map { try FileSink(path: $0) }
                    + exec.map { ExecSink(command: $0, timeout: max(0.1, execTimeout), grace: Self.execGraceSeconds) }
                    + webhook.map { try WebhookSink(url: $0, tokenFile: webhookTokenFile) }
                    + (syslog ? [try SyslogSink(socketPath: syslogSocket)] : [])
                    + (journal ? [try JournalSink(socketPath: journalSocket)] : [])
                    + (journalByDefault ? Self.defaultJournal(socketPath: journalSocket) : [])
                let sinkLogger = Self.logger
                dispatcher = SinkDispatcher(sinks: sinks) { sinkLogger.warning("alert delivery failed", metadata: ["error": "\($0)"]) }
            } catch {
                Console.error("\(error)")
                throw ExitCode(Status.usage)
            }
            let watch: WatchSession
            let courier: AlertCourier
            let tag = FleetSpoolOption.tag(node: node)
            // With the fleet store, everything local (the lock, the store) is the spool's.
            let storePath = database.isFleet ? fleetSpool.path(tag: tag).path : database.path
            var shipping: FleetShippingLoop?
            try fleetSpool.check(database: database, node: node)
            do {
                if database.isFleet { try fleetSpool.prepareDefaultFolder(tag: tag) } else { try database.prepareDefaultFolder() }
                // Before the database is touched: a second watch for this node would take up the
                // first one's alert windows and deliveries.
                let lock = try WatchLock.take(database: storePath, owner: node ?? "")
                Self.heldLocks.withLock { $0.append(lock) }
                let db = database.isFleet
                    ? try FleetSpool.open(path: storePath, tag: tag, busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                    : try Database(path: storePath, access: .readWrite, busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                var sessionOptions = IngestSession.Options(defaultNode: node)
                sessionOptions.libvirtSenders = settings.libvirtSenders
                for warning in LibvirtSender.containerWarnings(settings.libvirtSenders) { Self.logger.warning("\(warning)") }
                let session = try IngestSession(database: db, options: sessionOptions)
                var watchOptions = WatchSession.Options()
                if let pause = ProcessInfo.processInfo.environment["SVIRT_TRACE_TEST_PAUSE_BEFORE_FOLLOWING_MS"].flatMap(UInt32.init) {
                    watchOptions.pauseBeforeFollowingMilliseconds = min(pause, 60_000)
                }
                watchOptions.stateFolder = libvirtState
                if noLogWriteback { watchOptions.logWritebackMilliseconds = 0 }
                watch = WatchSession(session: session, options: watchOptions) { Self.logger.warning("\($0)") }
                watch.info = { Self.logger.info("\($0)") }
                // From the first transaction on, a busy database is waited for, not an exit.
                watch.waitForLock(unless: { stopping.isSet })
                if let libvirtState {
                    do {
                        for problem in try session.bootstrap(stateFolder: libvirtState) {
                            Self.logger.warning("skipped status file", metadata: ["problem": "\(problem)"])
                        }
                    } catch let error as GuestsError {
                        // A daemon started before libvirt made its folder (socket activation)
                        // must not fail: the folder is looked at again once it appears. Until
                        // then no snapshot vouches for the guests (see query coverage).
                        Self.logger.warning("libvirt state folder not read at start; watching for it", metadata: ["problem": "\(error)"])
                    }
                }
                var options = AlertCourier.Options()
                options.retrySeconds = retrySeconds
                options.maximumAttempts = Self.maximumAttempts
                let out = FileHandle.standardOutput
                // auditd gives its plugins /dev/null: alerts printed there would be lost work.
                let printing = !DiscardedDescriptor.isDiscarded(1)
                // Text for a person at a terminal, JSON lines for a program (a pipe, a file).
                let textLine = (format ?? (Console.stdoutIsTerminal ? "text" : "json")) == "text"
                    ? AlertTextLine(timeDisplay: utc ? .utc : .local, colour: Console.useColour)
                    : nil
                if !printing {
                    Self.logger.notice("standard output goes nowhere (/dev/null, as auditd gives its plugins): alerts are not printed; they go to \(dispatcher.sinkNames.isEmpty ? "no sink (stored only: svirt-trace query)" : dispatcher.sinkNames.joined(separator: ", "))")
                }
                let ledger = try AlertLedger(database: watch.database, owner: node ?? "")
                ledger.beforeWrite = watch.openTransaction
                try watch.judgeEventsStoredByOthers(owner: ledger.owner)
                courier = AlertCourier(
                    engine: AlertEngine(rules: ruleSet, ownProcessID: Int64(getpid()), ownNode: node),
                    ledger: ledger, dispatcher: dispatcher, options: options,
                    printLine: { line in
                        guard printing else { return }
                        let shown = textLine.map { $0.render(json: String(line.dropLast())) + "\n" } ?? line
                        try out.write(contentsOf: Data(shown.utf8))
                    },
                    standardOutputGone: {
                        Self.logger.notice("standard output was closed by its reader; stopping (its alerts stay pending and are printed at the next start)")
                        stopping.request()
                    },
                    log: { Self.logger.warning("\($0)") })
                try watch.record { try courier.start() }
                // A node renamed (or given for the first time) leaves the old name's windows and
                // unconfirmed alerts behind: say so, since nothing will send them.
                for other in try ledger.otherOwners() where !WatchLock.isHeld(database: storePath, owner: other.owner) {
                    Self.logger.notice("alerts of another node wait for its watch, which is not running", metadata: [
                        "node": "\(other.owner.isEmpty ? "(none)" : other.owner)", "open_windows": "\(other.windows)",
                        "undelivered": "\(other.undelivered)",
                        "hint": "start a watch \(other.owner.isEmpty ? "without a node" : "with --node " + Self.shellQuoted(other.owner)) once, or ignore this if that node was renamed",
                    ])
                }
                // Guests read from status XML at start: their posture alerts too (ids by UUID, so
                // a restart that reads them again raises nothing new).
                if !session.bootstrapPosture.isEmpty {
                    try watch.record {
                        try courier.handle(session.bootstrapPosture)
                        return 0
                    }
                    courier.announce()
                }
                if database.isFleet {
                    // Not connected here: a fleet store away at start must not keep watch from
                    // alerting; the loop connects, and says when it cannot.
                    let (connection, timeout, logger, cleaner) = (database.path, database.busyTimeoutMilliseconds, Self.logger, db.outboxCleaner)
                    shipping = FleetShippingLoop(connect: {
                        try FleetSpoolOption.connect(fleet: connection, spool: storePath, tag: tag, busyTimeoutMilliseconds: timeout,
                                                     cleaner: cleaner)
                    }, report: { message, isProblem in
                        if isProblem { logger.error("\(message)") } else { logger.notice("\(message)") }
                    })
                }
            } catch {
                Console.error("\(error)")
                throw ExitCode(error is StoreError ? Status.database : Status.input)
            }
            shipping?.start()
            // What the shutdown itself changes (follow-ups of open windows, deliveries) is
            // shipped before the exit, for a bounded time.
            defer {
                if shipping?.stop(drainSeconds: Self.fleetDrainSeconds) == false {
                    Self.logger.error("stopping without waiting longer for the fleet store, which has not answered in the middle of a batch; what it did not take waits in the spool for the next start")
                }
            }
            let retention = try retain.map { text in
                WatchRetention(period: try RetentionPeriod(text), pruner: Pruner(database: watch.database, chunkSize: 1_000),
                               log: { [shipping] s, cutoff in
                                   Self.logger.info("retention: pruned what is older than \(text)", metadata: [
                                       "events": "\(s.events)", "denials": "\(s.denials)", "runs": "\(s.runs)",
                                       "blocks": "\(s.blocks)", "alerts": "\(s.alerts)"])
                                   // The deletions go to the fleet store like any change; its
                                   // months emptied by them go after them.
                                   shipping?.dropEmptyMonths(before: cutoff)
                               })
            }
            let catchUp = stdin ? catchUpLog ?? settings.catchUpLog : nil
            let input: WatchSession.Input = stdin
                ? catchUp.map { .standardInputAfterCatchingUp($0) } ?? .standardInput
                : .follow(follow ?? "/var/log/audit/audit.log")
            Self.logger.info("watching", metadata: [
                "input": "\(stdin ? "stdin" + (catchUp.map { " after catching up from \($0)" } ?? "") : follow ?? "/var/log/audit/audit.log")", "database": "\(database.isFleet ? PostgresConnectionString.redacted(database.path) + " through the spool " + storePath : database.path)",
                "config": "\(LoadedConfig.file ?? "none")", "libvirt_state": "\(libvirtState ?? "none")",
                "rules": "\(rules ?? "built-in")", "sinks": "\(dispatcher.sinkNames.joined(separator: ","))",
            ])
            do {
                /// SIGHUP: taken before the next findings are judged, and on every turn of the loop,
                /// so an idle log reloads (and says so) at once.
                func reloadIfAsked() {
                    guard stopping.takeReload() else { return }
                    if let change = LoadedConfig.changeSinceStart() {
                        if change.isError { Self.logger.error("SIGHUP: \(change.message)") } else { Self.logger.notice("SIGHUP: \(change.message)") }
                    }
                    guard let rules else {
                        Self.logger.notice("SIGHUP: no --rules file; the built-in rules stay in force")
                        return
                    }
                    do {
                        let reloaded = try AlertRules.load(path: rules)
                        courier.replaceRules(reloaded)
                        Self.logger.notice("reloaded rules", metadata: ["file": "\(rules)", "rules": "\(reloaded.count)"])
                    } catch {
                        Self.logger.error("rules reload failed; keeping the rules in force", metadata: ["error": "\(error)"])
                    }
                }
                try watch.run(input, stop: { stopping.isSet }, onFindings: { findings in
                    reloadIfAsked()
                    try courier.handle(findings)
                }, onTick: {
                    reloadIfAsked()
                    return try courier.tick() + (try retention?.tick(watch) ?? 0)
                }, afterCommit: {
                    courier.announce()
                }, beforeCommit: {
                    try courier.saveState()
                }, urgent: {
                    courier.hasUnannounced
                })
                // The follow-ups of windows still open, committed, then announced.
                try watch.record { try courier.finish() }
                courier.announce()
                // Deliveries still running finish (bounded); their outcomes are recorded below.
                dispatcher.drain(timeout: max(1, execTimeout + Self.execGraceSeconds + 1))
                try watch.record { try courier.settle() }
            } catch {
                Self.logger.critical("watch stopped", metadata: ["error": "\(error)", "summary": "\(watch.summary.line)"])
                // Its log, not the store: a folder or FIFO given to --follow, a read that failed.
                let unreadable = error is ChunkedReader.Failure || (error as? IngestError)?.isUnreadableInput == true
                throw ExitCode(unreadable ? Status.input : Status.database)
            }
            let sizes = courier.engine.sizes
            Self.logger.info("watch stopped", metadata: [
                "summary": "\(watch.summary.line)",
                "alert_engine": "\(sizes.windows) windows open, \(sizes.recent) rate-limit sources, \(courier.engine.evictions) closed early by the caps",
            ])
        }
    }
}

extension SvirtTrace.Watch {
    /// How long a stopping watch goes on shipping its spool to the fleet store; what is left
    /// is shipped by the next start.
    static let fleetDrainSeconds = 10.0
    /// Tries per sink and alert before a running watch gives up on it (a restart tries again).
    static let maximumAttempts = 10
    /// After an --exec command's timeout: SIGTERM, then SIGKILL this much later.
    static let execGraceSeconds = 2.0

    /// A word a shell reads back as it is: an advice line may be pasted into one.
    static func shellQuoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-:".unicodeScalars.contains($0)) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    /// The watch's lock, held until the process ends (a local could be released by the
    /// optimizer after its last use).
    static let heldLocks = Mutex<[WatchLock]>([])

    /// Plugin mode's journal when no sink was configured: a host without journald (a container)
    /// still runs, with its alerts stored and printed only.
    static func defaultJournal(socketPath: String) -> [AlertSink] {
        do { return [try JournalSink(socketPath: socketPath)] } catch {
            logger.warning("the journal cannot be reached; alerts are only stored (svirt-trace query) and printed", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// The daemon's log: swift-log with structured metadata, to standard error (journald keeps
    /// it when watch runs as a service), or straight to the journal when standard error goes
    /// nowhere, as under auditd. Alerts themselves go to the sinks, not here.
    static let logger: Logger = {
        let journal = Console.discardedStandardError ? try? JournalLogHandler() : nil
        LoggingSystem.bootstrap { label in
            if let journal { return journal }
            var handler = EscapingLogHandler(inner: StreamLogHandler.standardError(label: label))
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
    /// When sigpending(2) was last asked, per question (monotonic nanoseconds). It is a system
    /// call: asked for every event under a flood, it was 4 % of watch's CPU. The handlers' flags
    /// are read every time; only a signal left pending by something else waits, at most 10 ms.
    private let lastStopLook = Atomic<UInt64>(0)
    private let lastReloadLook = Atomic<UInt64>(0)
    static let pendingLookNanoseconds: UInt64 = 10_000_000

    /// A SIGHUP since the last call, or one left pending (see isSet).
    func takeReload() -> Bool {
        ProcessSignals.takeReloadRequest() || (Self.due(lastReloadLook) && ProcessSignals.takePending(SIGHUP))
    }

    /// A stop asked for by a signal or by `request`; or SIGTERM or SIGINT pending, blocked by
    /// something else in the process.
    var isSet: Bool {
        if flag.load(ordering: .relaxed) || ProcessSignals.stopWasRequested { return true }
        guard Self.due(lastStopLook), ProcessSignals.isPending(SIGTERM) || ProcessSignals.isPending(SIGINT) else { return false }
        // Kept: the next look may come before the next sigpending(2), and a stop once seen must
        // stay seen (a catch-up that stopped for it, then the loop after it reading on, read the
        // newest log before the copies it left: their guests' starts came late).
        flag.store(true, ordering: .relaxed)
        return true
    }

    private static func due(_ last: borrowing Atomic<UInt64>) -> Bool {
        let nanoseconds = DispatchTime.now().uptimeNanoseconds
        guard nanoseconds &- last.load(ordering: .relaxed) >= pendingLookNanoseconds else { return false }
        last.store(nanoseconds, ordering: .relaxed)
        return true
    }

    /// Stops as a signal would (standard output's reader went away).
    func request() { flag.store(true, ordering: .relaxed) }

    func install() {
        ProcessSignals.catchStopAndReload()
    }
}
