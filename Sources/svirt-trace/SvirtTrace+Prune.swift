import ArgumentParser
import Foundation
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

                DURATION is a number with a unit: s, m, h, d, w or y (365 days), or a sum (1w3d); at \
                least one minute. Without --older-than, the config file's retention is the period \
                (the one watch keeps); --older-than overrides it, and with neither prune refuses to run.

                EXAMPLES
                  svirt-trace prune --older-than 90d --dry-run
                  svirt-trace prune --older-than 1y
                  svirt-trace prune --dry-run    (the config file's retention)
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Delete what is older than this, before now (90d, 12h, 1w3d; default: the config file's retention).", valueName: "duration"))
        var olderThan: String?

        @Flag(help: "Only print what would be deleted.")
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
            let cutoff = try TimeWords.now() - period.milliseconds
            let started = Date()
            let summary: Pruner.Summary
            do {
                // A writer's open creates a missing store: a mistyped --db would get an empty one
                // and a report of nothing deleted.
                guard FileManager.default.fileExists(atPath: database.path) else {
                    throw StoreError.missingDatabase(database.path)
                }
                // A dry run only reads: it neither migrates an older store nor takes the write lock.
                let db = try Database(path: database.path, access: dryRun ? .readOnly : .readWrite,
                                      busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                // A spool's deletions are shipped: pruning it would delete the fleet store's history.
                if try FleetSpool.isSpool(db.connection) { throw StoreError.spoolNotPrunable(path: database.path) }
                let pruner = Pruner(database: db, chunkSize: chunk)
                summary = dryRun ? try pruner.preview(before: cutoff) : try pruner.prune(before: cutoff)
            } catch {
                Console.error("\(error)")
                throw ExitCode(Status.database)
            }
            let verb = dryRun ? "would delete" : "deleted"
            Console.error("\(verb) what is older than \(Timestamp.iso8601(milliseconds: cutoff)) (\(period)): "
                + "\(summary.events) audit events (\(summary.denials) denials), \(summary.runs) denial runs emptied, "
                + (dryRun ? "" : "\(summary.blocks) evidence blocks, ")
                + "\(summary.alerts) settled alerts"
                + (dryRun ? "" : String(format: ", in %.1f s", Date().timeIntervalSince(started))))
        }
    }
}
