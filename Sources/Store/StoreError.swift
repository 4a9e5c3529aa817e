import Foundation
import Native

/// Store failures, each with what the operator can do about it.
public enum StoreError: Error, CustomStringConvertible {
    case missingDatabase(String)
    /// A file with no tables and no schema version: being created by a writer, or empty.
    case emptyDatabase(String)
    case missingFolder(String)
    /// Where the store's folder belongs, something else is (a regular file, a FIFO, ...).
    case folderIsNot(path: String, kind: String)
    case schemaTooNew(path: String, found: Int, supported: Int)
    case schemaTooOld(path: String, found: Int, supported: Int)
    case notOurDatabase(String)
    /// A FIFO, device, socket or folder where the database belongs: SQLite's open of a FIFO
    /// blocks forever (a query, an ingest, a shell's Tab completion would hang).
    case notARegularFile(path: String, kind: String)
    /// A symbolic link whose target does not exist: a reader finds no store there, and a writer
    /// cannot make one when the target's folder is missing too.
    case danglingLink(path: String, target: String, folderMissing: Bool)
    case locked(path: String, waitedMilliseconds: Int32)
    case cannotCreate(path: String, reason: String)
    case permissionDenied(path: String, reason: String)
    case sqlite(SQLiteError)
    case noSuchGuest(String)
    case noSuchEvent(String)
    case damagedEvidence(block: Int64, reason: String)
    case missingEvidence(auditEventID: Int64)
    case watchRunning(database: String, node: String, pid: Int32?, lock: String)
    case cannotLock(path: String, reason: String)
    /// The fleet store (PostgreSQL) could not be reached, or said it cannot take connections now.
    case fleetUnreachable(database: String, reason: String)
    /// The server answered and refused this login (password, role, database, pg_hba.conf).
    case fleetLoginRefused(database: String, reason: String)
    case postgres(database: String, PostgresError)
    case noSuchRole(database: String, role: String)
    case roleNotGrantable(database: String, role: String, group: String, reason: String)
    /// The fleet store has no schema yet, or an older one than this binary reads.
    case fleetNotMigrated(database: String, found: Int, supported: Int)
    /// A spool registered for one node, opened by a writer for another.
    case spoolOfAnotherNode(spool: String, made: String, given: String)
    /// A restore's target file exists: a spool is rebuilt into a new file only.
    case restoreTargetExists(path: String)
    /// The spool to restore is not registered, or belongs to a node the role may not read.
    case restoreSpoolNotFound(number: Int64, database: String)
    /// The spool to restore shipped a moment ago: its writer may still be running.
    case restoreSpoolStillShipping(number: Int64, secondsAgo: Int64)
    /// A spool the fleet store gave a new token to (written back elsewhere by restore-spool).
    case spoolRestoredElsewhere(spool: String, number: Int64, database: String)
    /// restore-spool run by a role other than the spool's maker.
    case restoreNotMaker(number: Int64, database: String)
    /// A spool whose number the fleet store does not know: another database, or its row removed.
    case spoolNotInFleet(spool: String, number: Int64, database: String)
    /// The fleet store refused a batch with a duplicate key that is not the rows' own (their own
    /// is upserted): events of this node another spool shipped already.
    case eventsOfAnotherSpool(spool: String, number: Int64, database: String, PostgresError)
    /// The spool's file changed while a shipper opened it (replaced, or renamed over).
    case spoolReplaced(spool: String)
    /// A registered spool another role made: only its maker ships it.
    case spoolOfAnotherRole(spool: String, number: Int64, maker: String?, database: String)
    /// A registered spool the role may not see: its node is not granted to the role.
    case spoolNodeNotGranted(spool: String, number: Int64, node: String, database: String, hint: String)
    /// A batch holds rows of nodes the writer's role was not granted (a node's writer given a
    /// log whose node= names are other nodes'): the row policies refuse it, and every batch after.
    case batchNodesNotGranted(spool: String, database: String, nodes: [String], granted: [String])
    /// A spool whose outbox is behind what the fleet store has from it (restored, or copied).
    case spoolBehindFleet(spool: String, number: Int64, local: Int64, shipped: Int64)
    /// A store with rows, given as a spool: no outbox noted them.
    case notASpool(path: String)
    /// prune on a spool: its deletions would be shipped to the fleet store.
    case missingSpool(String)
    case noSuchSpool(database: String, number: Int64)
    case fleetNotUTF8(database: String, encoding: String)

    /// The fleet store could not be reached, or said it cannot take connections now: worth
    /// trying again later (a refused login is not).
    public var isUnreachable: Bool {
        if case .fleetUnreachable = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "\(path): no such database (run `svirt-trace ingest --db \(path) ...` first)"
        case .emptyDatabase(let path):
            return "\(path): holds nothing yet: a writer may be creating the store this moment (try again), "
                + "or the file is empty (run `svirt-trace ingest --db \(path) ...` to fill it)"
        case .missingFolder(let path):
            return "\(path): no such folder; create it, or give a path in a folder that exists"
        case .folderIsNot(let path, let kind):
            return "\(path): is \(kind), not a folder; give a path in a folder"
        case .schemaTooNew(let path, let found, let supported):
            return "\(path): schema version \(found) is newer than this svirt-trace supports (\(supported)); upgrade svirt-trace"
        case .schemaTooOld(let path, let found, let supported):
            return "\(path): schema version \(found) is older than this svirt-trace expects (\(supported)); run `svirt-trace ingest` once to migrate it "
                + "(a copy on read-only media: migrate a writable copy of it)"
        case .notOurDatabase(let path):
            return "\(path): not an svirt-trace database"
        case .notARegularFile(let path, let kind):
            return "\(path): is \(kind), not a database file"
        case .danglingLink(let path, let target, let folderMissing):
            return folderMissing
                ? "\(path): is a symbolic link to \(target), whose folder \((target as NSString).deletingLastPathComponent) "
                    + "does not exist; create it, or mend the link"
                : "\(path): is a symbolic link to \(target), which does not exist: no database there yet "
                    + "(`svirt-trace ingest --db \(path) ...` makes it there)"
        case .locked(let path, let waited):
            return "\(path): database is locked by another writer (waited \(waited) ms); is another ingest or watch running?"
        case .cannotCreate(let path, let reason):
            return "\(path): cannot create the database: \(reason)"
        case .permissionDenied(let path, let reason):
            return "\(path): permission denied: \(reason)"
        case .sqlite(let error):
            return "database error: \(error)"
        case .noSuchGuest(let text):
            return "no guest named \"\(text)\" (by name or UUID) in the database"
        case .noSuchEvent(let text):
            return "no stored event \(text)"
        case .missingEvidence(let id):
            return "stored event #\(id) has no raw records (no evidence block, no raw_records rows): the store is damaged"
        case .watchRunning(let database, let node, let pid, let lock):
            let who = node.isEmpty ? "without a node (no --node, no node: in the config file)" : "for node \"\(node)\""
            return "\(database): another watch \(who) is running\(pid.map { " (pid \($0))" } ?? "") and holds \(lock); "
                + "one watch per node writes to a database (give this one its own --node, or stop the other)"
        case .cannotLock(let path, let reason):
            return "\(path): cannot take the watch's lock: \(reason)"
                + (reason == "Permission denied" ? " (a file another user's watch left: remove it, or give it to the user this watch runs as)" : "")
        case .fleetUnreachable(let database, let reason), .fleetLoginRefused(let database, let reason):
            return "\(database): cannot connect to PostgreSQL: \(reason)"
        case .postgres(let database, let error):
            return "\(database): \(error)"
                + (error.isPermissionDenied ? " (this role may not do that: see `svirt-trace fleet --help` for the roles)" : "")
        case .spoolReplaced(let spool):
            return "\(spool): the spool's file was replaced while it was being opened for shipping; nothing was shipped "
                + "from it (run again once whatever replaced it is done)"
        case .eventsOfAnotherSpool(let spool, let number, let database, let error):
            return "\(spool): the fleet store \(database) already holds events that spool #\(number) ships: another spool "
                + "shipped them, and a node's events reach the fleet store through one writer's spool. Nothing of the batch was "
                + "stored; it waits in this spool. If this host's spool was lost, stop this writer, move this spool away and "
                + "write the lost one back with `svirt-trace fleet restore-spool --db ... NUMBER` (`fleet status` lists the "
                + "spools). PostgreSQL said: \(error)"
        case .spoolOfAnotherNode(let spool, let made, let given):
            return "\(spool): this spool feeds the fleet store for node \(Self.nodeName(made)), not \(Self.nodeName(given)): "
                + "give each node (and a central writer, *) a spool of its own with --spool"
        case .spoolBehindFleet(let spool, let number, let local, let shipped):
            return "\(spool): spool #\(number) has made \(local) outbox entries but the fleet store has shipped \(shipped) "
                + "from it: this is an older copy of the spool (restored from a backup, or copied); its new rows would be "
                + "taken for shipped ones, so it ships nothing. Move it away and write the spool back from the fleet store with "
                + "`svirt-trace fleet restore-spool --db ... \(number) --spool \(spool)` (a new, empty --spool would read the "
                + "logs again, and the fleet store refuses the events already shipped as a second spool's)"
        case .notASpool(let path):
            return "\(path) holds an SQLite store that is not a spool: the rows already in it were never noted for "
                + "shipping and would be missing from the fleet store; give a new --spool"
        case .fleetNotUTF8(let database, let encoding):
            return "\(database): the database's encoding is \(encoding), not UTF8; make the fleet store in a UTF8 database "
                + "(CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0)"
        case .noSuchSpool(let database, let number):
            return "\(database): no spool #\(number) (svirt-trace fleet status lists them)"
        case .missingSpool(let path):
            return "\(path): no such spool: a fleet writer (ingest or watch with this --db and the same --node or --spool) makes it; give the one it uses"
        case .batchNodesNotGranted(let spool, let database, let nodes, let granted):
            let names = nodes.map { "'\($0)'" }.joined(separator: ", ")
            return "\(database): the spool \(spool) holds records of node\(nodes.count == 1 ? "" : "s") \(names), which this role "
                + "may not write (it may write \(granted.isEmpty ? "no node" : granted.map { "'\($0)'" }.joined(separator: ", "))): "
                + "the log's node= names are not the node\(granted.count == 1 ? "" : "s") this writer was given. Grant the role "
                + "\(nodes.count == 1 ? "that node" : "those nodes") (`svirt-trace fleet grant-writer ROLE --node NAME`), or give such "
                + "a log to a central writer (no --node; a role of `fleet grant-writer --all-nodes`). Nothing after these rows "
                + "ships until then; they wait in the spool"
        case .spoolNodeNotGranted(let spool, let number, let node, let database, let hint):
            return "\(spool): spool #\(number) writes node '\(node)', which this role of \(database) was not granted; \(hint)"
        case .spoolOfAnotherRole(let spool, let number, let maker, let database):
            return "\(spool): spool #\(number) was registered by \(maker.map { "the role \($0)" } ?? "another role") of \(database), "
                + "and only that role ships it; connect as it (a reader or another writer may not)"
        case .restoreSpoolNotFound(let number, let database):
            return "\(database): spool #\(number) is not registered there, or its node is not one this role was granted "
                + "(fleet status, run as the schema's owner, lists every spool; restore it as the writer role of its node)"
        case .restoreSpoolStillShipping(let number, let secondsAgo):
            return "spool #\(number) shipped \(secondsAgo) s ago: its writer may still be running, and two spools of one number "
                + "would each take the other's changes for shipped ones. Stop that writer first; give --force only when its host is gone"
        case .spoolRestoredElsewhere(let spool, let number, let database):
            return "\(spool): spool #\(number) was written back from \(database) into another file (fleet restore-spool) "
                + "after this writer opened it; this copy must not ship beside that one. Stop this writer and use the restored spool "
                + "(it reads the logs again, so what this copy held and did not ship is not lost where the logs still hold it)"
        case .restoreNotMaker(let number, let database):
            return "\(database): only the role that registered spool #\(number) may write it back (connect as that host's writer role; "
                + "fleet status lists who made each spool)"
        case .restoreTargetExists(let path):
            return "\(path): exists; a spool is restored into a new file only (move this one away if it is the lost spool's remains)"
        case .spoolNotInFleet(let spool, let number, let database):
            return "\(spool): spool #\(number) is not registered in \(database) (a spool of another fleet store, "
                + "a copy of one written back into another file by fleet restore-spool, or its row was removed): "
                + "its rows would not be this store's; use the restored spool, or give a new --spool"
        case .fleetNotMigrated(let database, let found, let supported):
            return found == 0
                ? "\(database): holds no svirt-trace schema (run `svirt-trace fleet migrate --db ...` as its owner first)"
                : "\(database): schema version \(found) is older than this svirt-trace expects (\(supported)); run `svirt-trace fleet migrate --db ...` as its owner"
        case .roleNotGrantable(let database, let role, let group, let reason):
            return "\(database): role \"\(role)\" is not made a member of \(group): \(reason)"
        case .noSuchRole(let database, let role):
            return "\(database): no role \"\(role)\" (make the login role first, as the database administrator: CREATE ROLE ... LOGIN)"
        case .damagedEvidence(let block, let reason):
            return "evidence block \(block) is damaged: \(reason) (the event's facts are intact; its raw records are not)"
        }
    }

    /// Wraps SQLite's busy error into the operator's words.
    static func wrap(_ error: Error, path: String, timeout: Int32) -> Error {
        guard let sqlite = error as? SQLiteError else { return error }
        if sqlite.isBusy { return StoreError.locked(path: path, waitedMilliseconds: timeout) }
        if sqlite.isNotADatabase { return StoreError.notOurDatabase(path) }
        return StoreError.sqlite(sqlite)
    }

    private static func nodeName(_ node: String) -> String { node == "*" ? "* (a central writer)" : "'\(node)'" }
}
