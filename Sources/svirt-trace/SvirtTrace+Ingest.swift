import ArgumentParser
import AuditStream
import Findings
import Formatting
import Foundation
import Ingest
import Native
import Store

extension SvirtTrace {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Read audit logs and store every sVirt denial with the guests on both sides.",
            discussion: """
                Reads each FILE in the order given, except that a rotated set (LOG and LOG.N of \
                one folder, LOG ending in .log as auditd's audit.log does) is read oldest first, \
                whatever order its members come in: `audit.log*` (audit.log audit.log.1 \
                audit.log.2) reads audit.log.2, audit.log.1, audit.log, as the guests' starts and \
                stops must be applied. Give other logs oldest first. `-` or no FILE reads standard \
                input. Logs may be RAW or ENRICHED, and may carry node= prefixes from a central \
                auditd (audisp-remote).

                Files are read in bounded chunks; memory does not grow with the file. Each source \
                is recognised by its content, not its name, so a rotated file is not read twice, and \
                an interrupted run resumes where it stopped. Events already stored are skipped.

                SIGTERM or SIGINT (Ctrl-C) stops the run after the chunk being read (at most 1 \
                MiB): what was read is committed with where it stopped, a line says which inputs \
                are left, and the exit status is 128 + the signal's number (143, 130), as a shell \
                reports a command a signal ended. The same command again reads on from there \
                (standard input: given the same bytes again; after a rotation: with the rotated \
                copies, LOG*, and a file read in part that is not given is named in a warning). \
                A pipe gone quiet does not delay the stop: what was read is committed while the \
                pipe's writer pauses, and the signal is taken within a quarter of a second; a \
                wait for another writer's lock (--lock-timeout) ends at once too. A \
                second signal kills at once; only the batch not yet committed is \
                lost, and read again by the next run. A signal the parent set to be ignored stays \
                ignored.

                Malformed lines are counted, stored in the parse_errors table with file and line, \
                and skipped; the events around them are kept. An input without a single audit \
                record (a picture, a compressed log) is reported with what it looks like, and the \
                exit status is 3.

                At the end one summary line goes to standard error: lines read, events stored, \
                denials by kind, parse errors (and denials stored by an earlier run that an unseen \
                guest's stop moved to unattributed). When the input has svirt denials on labels no \
                known guest held but not a single VIRT_* record (libvirt's lifecycle records), a \
                warning follows: without them no guest that started in it can be attributed. When \
                libvirt records naming a guest were refused (not sent by root running as a libvirt \
                daemon: a forger, or a libvirt confined otherwise), a warning counts them by sender \
                and names what the config file's libvirt_senders would take. When a node's clock \
                went back within a log, a warning says where (the step is also kept as a clock-step \
                event). So \
                does one when the input held guest starts or stops older than events already \
                stored for their node (an older log read in a later run, logs concatenated newest \
                first into standard input, events read again after a prune): they were applied \
                after newer ones, and denials near them may name the wrong guest. The exit status \
                stays 0.

                FLEET STORE
                  With a PostgreSQL --db, rows go into the spool (--spool) and a thread ships \
                them while the logs are read; the run ends once everything is shipped. A spool the \
                fleet store registered before is read into even while the fleet store cannot be \
                reached (a scheduled ingest during an outage: the logs are read while they still \
                exist); its rows wait in the spool until the fleet store is back, for this run's \
                end or the next run with the spool (the fleet store checks the spool then), and \
                the exit status is 4 when it is still away at the end. Not read into, and refused \
                before a line is read (exit status 4, "nothing was read"): a new spool while the \
                fleet store cannot be reached, and any login the server refuses (password, role, \
                database, pg_hba.conf, certificate, a connection string libpq cannot read). \
                "Cannot be reached" is no answer, a network error, or a server that says it is \
                starting, stopping or full. libpq waits up to 10 s for each address it tries to \
                connect to unless connect_timeout (in the connection string or a service file) \
                or PGCONNECT_TIMEOUT says otherwise (0: without end); at the end, ingest waits up \
                to 60 s for one batch the fleet store does not finish (a server that stopped \
                answering), then leaves the rows in the spool.

                COVERAGE
                  A label that no known guest held is unknown-source or unknown-target only where \
                lease data is complete: after a SYSTEM_BOOT record of the node, or from the status \
                XML given with --libvirt-state on, except over an interval that ends with the stop \
                of a guest whose label was never seen (from the last boot or status XML up to that \
                stop). Elsewhere it is unattributed. See `svirt-trace query coverage`.

                EXAMPLES
                  svirt-trace ingest --db hv.db --libvirt-state /run/libvirt/qemu \\
                      /var/log/audit/audit.log.1 /var/log/audit/audit.log
                  ausearch --raw -m AVC,USER_AVC,SELINUX_ERR,MAC_STATUS,MAC_POLICY_LOAD,VIRT_MACHINE_ID,VIRT_CONTROL,VIRT_RESOURCE,MAC_CONFIG_CHANGE,USER_SELINUX_ERR,SYSTEM_BOOT \\
                      | svirt-trace ingest --db hv.db --node hv01 --libvirt-state /run/libvirt/qemu -
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var fleetSpool: FleetSpoolOption

        @Option(name: .long, help: ArgumentHelp(
            "libvirt live status folder for guests already running when the log begins.",
            discussion: "Holds <domstatus> files such as /run/libvirt/qemu/NAME.xml; for logs with node= prefixes, one subfolder per node name.",
            valueName: "dir"))
        var libvirtState: String?

        @Option(name: .long, help: ArgumentHelp("Node name for lines without a node= prefix (default: the config file's node).", valueName: "name"))
        var node: String?

        @Option(name: .long, help: ArgumentHelp(
            "Boolean rules file (default: the built-in copy of rules/virt-booleans.tsv).", valueName: "file"))
        var booleanRules: String?

        @Flag(name: .long, help: "Do not print a progress bar, even on a terminal.")
        var noProgress = false

        /// Stored items per transaction; small values let tests interleave concurrent writers.
        @Option(name: .long, help: .hidden)
        var batchEvents: Int?

        @Argument(help: ArgumentHelp("Audit log files, oldest first (a rotated set in any order); `-` for standard input.", valueName: "file"))
        var files: [String] = []

        func validate() throws {
            if let node, node.allSatisfy(\.isWhitespace) || node.contains(where: { $0.isNewline || $0 == "\0" }) {
                throw ValidationError("--node must be a name on one line, not empty or only blanks")
            }
            if files.isEmpty && Console.stdinIsTerminal {
                throw ValidationError("no input: give one or more audit log files, or pipe a log into standard input (`-`)")
            }
            if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (`-`) can be read only once") }
            // Before the store is made: a mistyped folder used to stop the run with an empty store left behind.
            if let libvirtState {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: libvirtState, isDirectory: &isFolder), isFolder.boolValue else {
                    throw ValidationError("--libvirt-state \(TerminalText.escape(libvirtState)): no such folder (libvirt's is /run/libvirt/qemu)")
                }
                guard access(libvirtState, R_OK | X_OK) == 0 else {
                    throw ValidationError("--libvirt-state \(TerminalText.escape(libvirtState)): cannot read the folder: \(String(cString: strerror(errno)))")
                }
            }
            if (files.isEmpty || files.contains("-")) && StandardDescriptors.closedAtStart.contains(0) {
                throw ValidationError("standard input is closed: give one or more audit log files, or pipe a log into it (`-`)")
            }
        }

        func run() throws {
            var options = IngestSession.Options(defaultNode: node ?? LoadedConfig.settings.node)
            options.libvirtSenders = LoadedConfig.settings.libvirtSenders
            for warning in LibvirtSender.containerWarnings(options.libvirtSenders) {
                Console.error("warning: \(warning)")
            }
            if let batchEvents { options.batchSize = max(1, batchEvents) }
            if let booleanRules {
                do {
                    options.booleanRules = try BooleanRules.parse(String(contentsOfFile: booleanRules, encoding: .utf8))
                } catch {
                    Console.error("\(booleanRules): \(error)")
                    throw ExitCode(Status.usage)
                }
            }
            let session: IngestSession
            var shipping: FleetShippingLoop?
            var spoolPath = ""
            let tag = FleetSpoolOption.tag(node: options.defaultNode)
            try fleetSpool.check(database: database, node: options.defaultNode)
            do {
                let db: Database
                if database.isFleet {
                    db = try fleetSpool.openSpool(tag: tag, busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                    spoolPath = db.path
                    // Refused here, before a line is read, when the store or the role is wrong.
                    let cleaner = db.outboxCleaner
                    let first: FleetShipper?
                    do {
                        first = try FleetSpoolOption.connect(fleet: database.path, spool: spoolPath, tag: tag,
                                                             busyTimeoutMilliseconds: database.busyTimeoutMilliseconds, cleaner: cleaner)
                    } catch let error as StoreError where error.isUnreachable && (try? FleetSpool.identity(db.connection)) != nil {
                        // A spool the fleet store registered before (a scheduled ingest's): its
                        // logs are read now, while they are there to read, and its rows wait in
                        // it. A new spool is still refused here, where a wrong role or node is
                        // told before a line is read.
                        Console.error("\(error)")
                        Console.error("reading into the spool \(spoolPath) meanwhile: its rows wait there until the fleet store "
                                      + "is back (tried again until this run ends, and by the next run with this spool), which "
                                      + "checks the spool then (one it no longer knows is refused)")
                        first = nil
                    }
                    nonisolated(unsafe) var firstShipper: FleetShipper? = first
                    let (connection, timeout, spool) = (database.path, database.busyTimeoutMilliseconds, spoolPath)
                    shipping = FleetShippingLoop(connect: {
                        if let shipper = firstShipper { firstShipper = nil; return shipper }
                        return try FleetSpoolOption.connect(fleet: connection, spool: spool, tag: tag, busyTimeoutMilliseconds: timeout,
                                                            cleaner: cleaner)
                    }, report: { message, _ in Console.error(message) }, niceness: 0)
                } else {
                    try database.prepareDefaultFolder()
                    db = try Database(path: database.path, access: .readWrite,
                                      busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                    // What this run stores first, a watch following the same log alerts on only
                    // when it gets there.
                    let watches = WatchLock.runningWatches(database: database.path)
                    if !watches.isEmpty {
                        Console.error("warning: watch (pid \(watches.map(String.init).joined(separator: ", "))) writes to this database: "
                                      + "this ingest does not alert, and watch alerts on what it stores first only when it reaches "
                                      + "those events in its own log (and not for a node it never judged); don't ingest a log "
                                      + "watch follows, query the store instead")
                    }
                }
                session = try IngestSession(database: db, options: options)
                if let libvirtState {
                    for problem in try session.bootstrap(stateFolder: libvirtState) {
                        Console.error("skipped status file: \(problem)")
                    }
                }
            } catch StoreError.locked(let path, _) where ProcessSignals.batchStopWasRequested {
                let signal = ProcessSignals.firstStop ?? SIGTERM
                Console.error("stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM") while waiting for another writer's lock on "
                              + "\(path); nothing was read")
                throw ExitCode(128 + signal)
            } catch {
                Console.error("\(error)")
                // A scheduled run's exit status 4 is also "read, rows waiting": this one is not.
                if database.isFleet { Console.error("nothing was read") }
                throw ExitCode(error is StoreError ? Status.database : Status.input)
            }
            shipping?.start()
            var failedInputs = 0
            let given: [IngestSession.Input] = files.isEmpty ? [.standardInput]
                : files.map { $0 == "-" ? .standardInput : .file($0) }
            let inputs = InputOrder.chronological(given)
            let names = { (inputs: [IngestSession.Input]) in
                inputs.map { input -> String in if case .file(let path) = input { return path } else { return "-" } }
            }
            if names(inputs) != names(given) {
                Console.status("svirt-trace: reading the rotated logs oldest first: "
                               + TerminalText.escape(ListText.words(names(inputs))))
            }
            // Before anything is read: the operator can stop and give it, before newer files'
            // guest starts and stops are applied ahead of its own.
            for copy in (try? session.unfinishedCopies(besides: inputs)) ?? [] {
                Console.error("warning: \(copy.path) was read in part by an earlier run (to byte \(copy.readTo) "
                              + "of \(copy.size): a run stopped in it, or it grew since, and a rotation may have renamed it) and is "
                              + "not among the inputs: the rest of it is not stored by this run. Give it too; LOG* gives a rotated "
                              + "set, read oldest first")
            }
            var stoppedIn: Int?
            var lockWaitedFor: String?
            for (index, input) in inputs.enumerated() {
                let name: String
                if case .file(let path) = input { name = path } else { name = "standard input" }
                if ProcessSignals.stopWasRequested {
                    stoppedIn = index
                    break
                }
                let before = session.summary
                let bar = !noProgress && Console.stderrIsTerminal ? ProgressBar(label: name) : nil
                do {
                    let ended = try session.ingest(input, progress: { read, total in
                        if let total, total >= 32 << 20 { bar?.update(read: read, total: total) }
                    }, stop: { ProcessSignals.stopWasRequested })
                    bar?.clear()
                    if !ended {
                        stoppedIn = index
                        break
                    }
                } catch StoreError.locked(let path, _) where ProcessSignals.batchStopWasRequested {
                    // The stop ended the wait for another writer's lock (--lock-timeout): a stop,
                    // not a database failure. The batch that waited is read again next time.
                    bar?.clear()
                    stoppedIn = index
                    lockWaitedFor = path
                    break
                } catch let failure as IngestError where failure.isUnreadableInput {
                    bar?.clear()
                    Console.error("\(failure); skipped")
                    failedInputs += 1
                    continue
                } catch {
                    bar?.clear()
                    Console.error("\(name): \(error)")
                    Console.status(session.summary.line)
                    shipping?.stop()
                    throw ExitCode(Status.database)
                }
                let after = session.summary
                let lines = after.lines - before.lines
                if lines > 0, after.records == before.records {
                    // Exit 3 for an input that is not an audit log; a log resumed past its last
                    // record (its first line is a record) only gets the note.
                    let head = Self.head(of: input)
                    if let head, InputShape.startsWithRecord(head) {
                        Console.error("\(name): no audit records in the \(lines) new lines")
                    } else {
                        let looks = head.map { "the first line looks like \(InputShape.describe($0))" } ?? "\(lines) lines"
                        Console.error("no audit records in \(name): \(looks)")
                        failedInputs += 1
                    }
                }
            }
            Console.status(session.summary.line)
            if let stoppedIn {
                // The warnings first: the next run sees only the rest of the input, and would
                // not say them again.
                Self.warn(session.summary, database: shownDatabase)
                try stop(in: stoppedIn, of: names(inputs), failedInputs: failedInputs, waitingForLockOn: lockWaitedFor,
                         shipping: shipping, spool: spoolPath)
            }
            if let shipping { try finishShipping(shipping, spool: spoolPath, tag: tag) }
            Self.warn(session.summary, database: shownDatabase)
            if failedInputs > 0 { throw ExitCode(Status.input) }
        }

        /// What the summary says the operator must check: denials no guest can be given for want
        /// of libvirt's records (or because they were refused), and guest starts or stops applied
        /// after newer events.
        /// - Parameter database: the store as the commands suggested name it (a fleet store without
        ///   its password), shell-quoted.
        static func warn(_ summary: IngestSummary, database: String? = nil) {
            // Only where a label went unresolved: a later log of long-running guests has no VIRT_*
            // record either, and its denials resolve against the leases stored before.
            let refused = summary.refusedLibvirtSenders
            if let warning = refused.warning(believed: summary.virtEvents, database: database) {
                Console.error("warning: \(warning)")
            }
            // A root sender's records were there, refused (a libvirt confined otherwise): the
            // warning above says so, and keeping VIRT_* records through ausearch would not help.
            if summary.unresolvedDenials > 0, summary.virtEvents == 0, !refused.fromRoot {
                let count = "\(summary.svirtDenials) svirt denial\(summary.svirtDenials == 1 ? "" : "s")"
                Console.error("warning: \(count) (\(summary.unresolvedDenials) on a label no known guest held) but not one "
                              + "VIRT_* record: the input holds none of libvirt's lifecycle records, so guests that started "
                              + "in it cannot be attributed. Through ausearch, keep them: "
                              + "ausearch --raw -m \(Self.ausearchTypes)")
            }
            if let late = summary.lateLifecycleWarning {
                Console.error("warning: \(late). Give older logs first (one ingest orders its own files), or read them into a new "
                              + "store; if this log was read in order, the host's clock had stepped back before this run began "
                              + "(a step within one run is judged in the order logged), and the denials around that time need "
                              + "checking by hand (query evidence)")
            }
            if let steps = summary.clockStepWarning() {
                Console.error("warning: \(steps)")
            }
        }

        /// The store as a suggested command names it: a fleet store without its password.
        var shownDatabase: String { ShellWord.quoted(database.shownPath) }

        /// Ends a run that SIGTERM or SIGINT stopped before input `index`'s end (or before it
        /// began): says what the next run reads, and exits with 128 + the signal's number, as a
        /// shell reports a command a signal ended. What was read is committed with its
        /// checkpoint already; a fleet spool ships for at most a few seconds more.
        /// - Parameter waitingForLockOn: the database whose lock the run waited for when the stop
        ///   came: what it read after its last commit is not stored, and is read again next time.
        func stop(in index: Int, of names: [String], failedInputs: Int, waitingForLockOn locked: String? = nil,
                  shipping: FleetShippingLoop?, spool: String) throws -> Never {
            let signal = ProcessSignals.firstStop ?? SIGTERM
            let signalName = signal == SIGINT ? "SIGINT" : "SIGTERM"
            // Console.error escapes the whole line for the terminal.
            let shown = { (name: String) in name == "-" ? "standard input" : name }
            let unread = names[(index + 1)...].map(shown)
            var next = "the same command again reads on from where this run stopped"
            if names[index] == "-" || unread.contains("standard input") {
                next += " (standard input too, if it is given the same bytes again: its first bytes name it)"
            }
            if !unread.isEmpty {
                next += ", then \(ListText.words(unread)) (not read yet)"
            }
            // A named pipe is not rotated; its bytes are given again as standard input's.
            if names[index] != "-", (try? FileStatus(path: names[index]))?.isRegularFile == true {
                next += "; after a rotation, give the rotated copies too (LOG*): the file is known by its content under "
                    + "its new name"
            }
            let failed = failedInputs == 0 ? "" : " (\(failedInputs) input\(failedInputs == 1 ? "" : "s") could not be read: see above)"
            let stored = locked == nil ? "what was read is stored, with where it stopped"
                : "what this run committed is stored, with where it stopped, what it read after its last commit is read again"
            let waiting = locked.map { " while waiting for another writer's lock on \($0)" } ?? ""
            Console.error("stopped by \(signalName) in \(shown(names[index])) (input \(index + 1) of \(names.count))\(waiting)\(failed); "
                          + "nothing is lost: \(stored), and \(next)")
            if let shipping {
                // A service manager's stop must not wait for a slow fleet store: what is not
                // shipped waits in the spool, and goes with the next run that uses it.
                shipping.stop(drainSeconds: 5, graceSeconds: 5, stallSeconds: 5)
                let shipped = shipping.shipped
                Console.error("shipped \(shipped) changed row\(shipped == 1 ? "" : "s") to the fleet store before stopping; "
                              + "what this run stored and did not ship waits in the spool \(spool) for the next ingest or "
                              + "watch with it")
            }
            throw ExitCode(128 + signal)
        }

        /// Stops the background shipping and ships what is left, waiting for it: ingest ends with
        /// everything in the fleet store, or says what waits in the spool.
        func finishShipping(_ loop: FleetShippingLoop, spool: String, tag: String) throws {
            // The loop's connection ships the rest (a new one would start cold: its session's
            // staging tables and PostgreSQL's caches made again); what it cannot ship is tried
            // once more below, whose failure is the one reported.
            let waiting = "what this run stored waits in the spool \(spool) for the next ingest or watch with it (the fleet store "
                + "checks the spool then)"
            guard loop.stop(drainSeconds: 7 * 86_400, stallSeconds: Self.stallSeconds) else {
                // A new connection would wait on the same server, and on the lock the stuck
                // batch holds there.
                Console.error("the fleet store has not answered for \(Int(Self.stallSeconds)) s in the middle of a batch "
                              + "(the server stopped, or the network between); \(waiting)")
                throw ExitCode(Status.database)
            }
            var shipped = loop.shipped
            do {
                let shipper = try FleetSpoolOption.connect(fleet: database.path, spool: spool, tag: tag,
                                                          busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                // A batch the loop gave up on may still hold the spool's row on the server.
                let ended = shipper.end(loop.sessionsLeftBehind).ended
                if ended > 0 {
                    Console.status("ended \(ended) session\(ended == 1 ? "" : "s") of the fleet store the shipping had given up on")
                }
                shipped += try shipper.shipAll()
                Console.status("shipped \(shipped) changed row\(shipped == 1 ? "" : "s") to \(PostgresConnectionString.redacted(database.path)) as spool #\(shipper.spool) (\(spool))")
            } catch {
                Console.error("\(error)")
                Console.error(waiting)
                throw ExitCode(Status.database)
            }
        }

        /// How long ingest's end waits for one batch the fleet store does not finish: a healthy
        /// one takes well under a second (the 5M-denial store shipped 650 of them in 235 s).
        /// (SVIRT_TRACE_TEST_FLEET_STALL_SECONDS shortens it for the test suite.)
        static let stallSeconds = ProcessInfo.processInfo.environment["SVIRT_TRACE_TEST_FLEET_STALL_SECONDS"].flatMap(Double.init) ?? 60

        /// The record types svirt-trace reads, as an ausearch `-m` list.
        static let ausearchTypes = "AVC,USER_AVC,SELINUX_ERR,MAC_STATUS,MAC_POLICY_LOAD,VIRT_MACHINE_ID,VIRT_CONTROL,VIRT_RESOURCE,MAC_CONFIG_CHANGE,USER_SELINUX_ERR,SYSTEM_BOOT"

        /// The first 4 KiB of a file input, read again for the no-records message; nil for
        /// standard input.
        static func head(of input: IngestSession.Input) -> [UInt8]? {
            guard case .file(let path) = input, let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 4096)).map { Array($0) }
        }
    }
}
