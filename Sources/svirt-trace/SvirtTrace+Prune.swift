import ArgumentParser
import Foundation
import Native
import Store
import Formatting

extension SvirtTrace {
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: "Delete stored events older than a retention period, without stopping watch.",
            discussion: """
                Deletes the audit events whose time is more than DURATION before now (the wall clock, \
                or $SVIRT_TRACE_NOW), with their share of the denial runs, the lifecycle events and \
                resources found in them, the evidence blocks no remaining event needs, and the alerts \
                of that age that no sink still waits for. The per-day, per-node and per-pair totals \
                are corrected in the same transactions, so every report stays exact over what remains.

                Kept: guests and leases (the label history: which guest held which label when, one \
                row per guest lifetime), interned strings, sources and their checkpoints, parse errors \
                (capped per source), and alerts still pending delivery.

                Work goes in transactions of --chunk events with a short pause between them, so a \
                watch writing to the same database waits at most one chunk. An interrupted prune \
                leaves a consistent store; running it again continues. SQLite reuses the freed pages; \
                the file shrinks only after VACUUM (sqlite3 DB 'VACUUM', with watch stopped).

                DURATION is a number with a unit: s, m (minutes), h, d, w or y (365 days), or a sum \
                (1w3d); units may be spelt out as --since spells them (30 days, 1 week 3 days, 90min), \
                but a DURATION has no sign or "ago". At least one minute; a bare number is refused. Without --older-than, the config file's retention is the period \
                (the one watch keeps); --older-than overrides it, and with neither prune refuses to run.

                FLEET STORE
                  With a PostgreSQL --db, prune prunes this host's spool (the one ingest and watch \
                with the same --node or --spool write) exactly as above, then ships the deletions \
                and the corrected totals to the fleet store, like any other change, and waits for \
                them: the fleet store then answers for this node as this host's pruned SQLite store \
                would. Last, the months of the fleet store's partitions that end before the cutoff \
                and hold no row of any node are dropped. Each host prunes its own node's history \
                (its writer role may delete only its own rows); a node whose host keeps a longer \
                history keeps its months. A spool the fleet store does not know, a role not \
                granted the spool's node, and a login the server refuses (password, role, \
                database, pg_hba.conf, certificate) are refused before anything is deleted. When \
                the fleet store cannot be reached (no answer, or the server is starting, stopping \
                or full), the spool is \
                pruned all the same, its deletions wait in it for the next ingest, watch or prune \
                with it, and the exit status is 4. A spool given as an SQLite --db is pruned the \
                same way, and its deletions go with its next writer.

                EXAMPLES
                  svirt-trace prune --older-than 90d --dry-run
                  svirt-trace prune --older-than 1y
                  svirt-trace prune --dry-run    (the config file's retention)
                  svirt-trace prune --older-than 90d --db 'host=db.example dbname=svirt user=kvm_a' --node kvm-a.example
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var fleetSpool: FleetSpoolOption

        @Option(help: ArgumentHelp("With a PostgreSQL --db: the node whose spool is pruned (as its watch's or ingest's --node; with --spool, the spool's own by default).",
                                   valueName: "name"))
        var node: String?

        @Option(help: ArgumentHelp("Delete what is older than this, before now (90d, 12h, 1w3d; default: the config file's retention).", valueName: "duration"))
        var olderThan: String?

        @Flag(help: "Only print what would be deleted (on standard output; a real run reports on standard error).")
        var dryRun = false

        @Option(help: ArgumentHelp("Audit events deleted per transaction.", valueName: "count"))
        var chunk = 5_000

        /// The flag, else the config file's retention (loaded by the database options, which are
        /// validated first; the file's value was checked when it was read).
        var period: String? { olderThan ?? LoadedConfig.settings.retention }

        func validate() throws {
            if let olderThan {
                do { _ = try RetentionPeriod(olderThan) } catch { throw ValidationError("--older-than: \(error)") }
            }
            guard period != nil else {
                throw ValidationError("prune needs --older-than DURATION, or retention in the config file (\(LoadedConfig.file ?? "none read"))")
            }
            guard (1...1_000_000).contains(chunk) else { throw ValidationError("--chunk must be 1 to 1000000") }
        }

        func run() throws {
            guard let period = try period.map(RetentionPeriod.init) else { throw ExitCode(Status.usage) }
            try fleetSpool.check(database: database, node: node)
            if !database.isFleet, node != nil {
                Console.error("--node is for a PostgreSQL --db (the fleet store): it names the spool to prune")
                throw ExitCode(Status.usage)
            }
            let cutoff = try TimeWords.now() - period.milliseconds
            let started = Date()
            // --spool without --node: the spool knows the node it was made for.
            var tag = FleetSpoolOption.tag(node: node)
            if database.isFleet, node == nil, let given = fleetSpool.spool, FileManager.default.fileExists(atPath: given),
               let made = try? FleetSpool.identity(SQLiteDatabase(path: given, mode: .readOnly)) {
                tag = made.node
            }
            let path = database.isFleet ? fleetSpool.path(tag: tag).path : database.path
            let summary: Pruner.Summary
            var isSpool = database.isFleet
            var shipper: FleetShipper?
            var unreachable = false
            do {
                // A writer's open creates a missing store: a mistyped --db would get an empty one
                // and a report of nothing deleted.
                guard FileManager.default.fileExists(atPath: path) else {
                    if let problem = Database.danglingLinkProblem(path) { throw problem }
                    throw database.isFleet ? StoreError.missingSpool(path) : StoreError.missingDatabase(path)
                }
                // Nor is an empty file made a store: there is nothing to prune in it.
                if (try? FileStatus(path: path))?.size == 0 { throw StoreError.emptyDatabase(path) }
                // A dry run only reads: it neither migrates an older store nor takes the write lock.
                let db = dryRun || !database.isFleet
                    ? try Database(path: path, access: dryRun ? .readOnly : .readWrite,
                                   busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                    : try FleetSpool.open(path: path, tag: tag, busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                isSpool = try FleetSpool.isSpool(db.connection)
                if database.isFleet, !isSpool { throw StoreError.notASpool(path: path) }
                // The spool and the role are checked with the fleet store before anything is
                // deleted: a spool of another store, or a role not granted its node, would leave
                // the pruned rows in the fleet store for good. An unreachable store is no reason
                // not to prune: the deletions wait in the spool.
                if database.isFleet, !dryRun {
                    do {
                        shipper = try FleetSpoolOption.connect(fleet: database.path, spool: path, tag: tag,
                                                               busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                    } catch let error as StoreError where error.isUnreachable {
                        Console.error("\(error)")
                        unreachable = true
                    } catch {
                        Console.error("\(error)")
                        Console.error("nothing was pruned")
                        throw ExitCode(Status.database)
                    }
                }
                let pruner = Pruner(database: db, chunkSize: chunk)
                summary = dryRun ? try pruner.preview(before: cutoff) : try pruner.prune(before: cutoff)
            } catch let exit as ExitCode {
                throw exit
            } catch {
                Console.error("\(error)")
                throw ExitCode(Status.database)
            }
            let verb = dryRun ? "would delete" : "deleted"
            let report = "\(verb) what is older than \(Timestamp.iso8601(milliseconds: cutoff)) (\(period))"
                + (isSpool ? " in the spool \(path)" : "") + ": "
                + "\(summary.events) audit events (\(summary.denials) denials), \(summary.runs) denial runs emptied, "
                + (dryRun ? "" : "\(summary.blocks) evidence blocks, ")
                + "\(summary.alerts) settled alerts"
                + (dryRun ? "" : String(format: ", in %.1f s", Date().timeIntervalSince(started)))
            if dryRun {
                // What a dry run is asked for: its answer, on standard output (`prune --dry-run | mail`).
                Console.writeStandardOutput(Data(("svirt-trace: " + TerminalText.escape(report) + "\n").utf8))
            } else {
                Console.error(report)
            }
            guard !dryRun, isSpool else { return }
            guard database.isFleet else {
                Console.error("\(path) is a fleet writer's spool: the deletions go to the fleet store with its next ingest, watch or prune")
                return
            }
            guard !unreachable else {
                Console.error(Self.waiting(path))
                throw ExitCode(Status.database)
            }
            try ship(shipper, spool: path, tag: tag, cutoff: cutoff)
        }

        static func waiting(_ spool: String) -> String {
            "the spool \(spool) is pruned; its deletions wait in it for the next ingest, watch or prune with it (the fleet store checks the spool then)"
        }

        /// Ships what the pruning changed and drops the months it emptied; waits for both.
        func ship(_ connected: FleetShipper?, spool: String, tag: String, cutoff: Int64) throws {
            do {
                let shipper = try connected ?? FleetSpoolOption.connect(fleet: database.path, spool: spool, tag: tag,
                                                                       busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                let shipped = try shipper.shipAll()
                let dropped = try shipper.dropEmptyMonths(before: cutoff)
                Console.status("shipped \(shipped) changed row\(shipped == 1 ? "" : "s") to \(PostgresConnectionString.redacted(database.path)) "
                               + "as spool #\(shipper.spool); dropped \(dropped) emptied month\(dropped == 1 ? "" : "s") of its partitions")
            } catch {
                Console.error("\(error)")
                Console.error(Self.waiting(spool))
                throw ExitCode(Status.database)
            }
        }
    }
}
