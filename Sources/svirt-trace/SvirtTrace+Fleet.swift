import ArgumentParser
import Foundation
import Formatting
import Native
import Store

extension SvirtTrace {
    struct Fleet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fleet",
            abstract: "Set up the fleet store on PostgreSQL: its schema, and which role writes which node.",
            discussion: """
                The fleet store is one PostgreSQL database (15 or later) that every hypervisor \
                writes to. Its tables live in the schema svirt_trace; every row carries its node, \
                and row-level security lets a host's writer role read, change and delete its own \
                node's rows only: a compromised hypervisor cannot rewrite or delete another \
                host's history. The large tables are partitioned by month of event time.

                ROLES
                  svirt_trace_writer  group of the hosts' login roles; each is named with the \
                nodes it writes (grant-writer). --all-nodes is for the role of a central log's \
                ingest (audisp-remote), which is trusted with every host's history.
                  svirt_trace_reader  group of the roles that query and send digests: they read \
                every node and write nothing.
                Login roles, and how they log in (password in ~/.pgpass, client certificate, \
                GSSAPI), are made by the database administrator (CREATE ROLE host_a LOGIN); these \
                commands only place them in the groups. Superusers, BYPASSRLS roles, the groups \
                themselves and a member of the other group are refused: the policies would not \
                hold them, or would give them more.
                Roles and group membership belong to the whole PostgreSQL cluster; node grants \
                belong to the database.

                PRIVILEGES
                  migrate runs as the role that is to own the schema: the database's owner or a \
                role with CREATE on it. Make it a role of its own that is not a superuser: the \
                partition-making function runs with its rights. migrate also makes the two groups \
                unless they exist, which takes CREATEROLE. grant-writer, grant-reader and revoke \
                need CREATEROLE, or the ADMIN OPTION on both groups, besides the schema's \
                ownership. status may be run by anybody who reads the schema; a writer sees \
                its own grants only.

                WRITERS
                  ingest and watch take the fleet store as --db. Each stores into a local SQLite \
                spool (--spool; one per node) with the embedded store's code, and a thread ships \
                every changed row to the fleet store in batches, each in one transaction that \
                also records how far the spool has been shipped: a batch shipped twice (after a \
                SIGKILL) writes the same rows again, so every row is there once. While \
                PostgreSQL is away, watch goes on alerting and rows wait in the spool on disk. \
                A batch the store refuses (a node the role was not granted, an event more than \
                31 days ahead of the server's clock, events another spool shipped: a watch and a \
                central ingest of one node's log) is refused whole and stops that spool's \
                shipping until the operator deals with it; nothing is lost or counted twice.

                READERS
                  query and digest take the fleet store as --db, as a role of \
                svirt_trace_reader, and answer as they do on an SQLite store fed the same logs, \
                byte for byte: the per-spool totals are summed, text compares byte-wise \
                (COLLATE "C") whatever the database's locale, and every statement of one command \
                reads one snapshot (a read-only REPEATABLE READ transaction).

                RETENTION
                  Each host prunes its own node: prune --db CONN --older-than D (or watch \
                --retain D) prunes the host's spool as an SQLite store is pruned and ships the \
                deletions, so the fleet store answers for that node as its pruned SQLite store \
                would; then the months of the partitions that end before the cutoff and hold no \
                node's rows are dropped (drop_empty_months, run with the schema owner's rights; \
                fleet status lists the months). A host gone for good: forget-spool deletes \
                everything its spool shipped. A longer history in the fleet store than in the \
                spool is not built.

                ISOLATION
                  Row-level security keeps a writer from inserting, changing or deleting another \
                node's rows, and hides them from its queries. It is not proof against \
                PostgreSQL's side channels, such as the row counts EXPLAIN ANALYZE prints: a \
                compromised host can learn other hosts' guest names and labels that way, but not \
                change them. Nor does it stop a writer from slowing the database for everyone \
                (locking a table it may update, load).

                DATABASE
                  --db takes a libpq connection string: a postgresql:// URI or key=value words \
                (host=/run/postgresql dbname=svirt). libpq reads the PG* environment variables, \
                ~/.pgpass and pg_service.conf; sslmode=verify-full checks the server's certificate \
                and name. Passwords in --db are never printed (***). The config file's database: \
                takes the same.

                EXAMPLES
                  svirt-trace fleet migrate --db postgresql://admin@db.example/svirt
                  psql -c "CREATE ROLE host_a LOGIN"    (then its password or certificate)
                  svirt-trace fleet grant-writer --db ... host_a --node kvm-a.example
                  svirt-trace fleet grant-writer --db ... collector --all-nodes
                  svirt-trace fleet grant-reader --db ... auditor
                  svirt-trace fleet status --db ...
                  svirt-trace fleet forget-spool --db ... 7 --dry-run
                  svirt-trace fleet restore-spool --db ...host_a... 7    (on host_a, its spool lost)

                EXIT STATUS
                  0 success; 2 usage error; 4 database error (unreachable, permission denied, no \
                such role or spool, a database that is not UTF8).
                """,
            subcommands: [Migrate.self, GrantWriter.self, GrantReader.self, Revoke.self, Status.self, ForgetSpool.self, RestoreSpool.self])
    }
}

/// --config and --db of the fleet commands: --db must name PostgreSQL.
struct FleetDatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Config file (YAML); its database: is the default for --db.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "The fleet store: a postgresql:// URI or libpq key=value words.",
        discussion: "Default: the config file's database, else $SVIRT_TRACE_DB.",
        valueName: "connection"))
    var db: String?

    var connection: String {
        db ?? LoadedConfig.settings.database ?? ProcessInfo.processInfo.environment["SVIRT_TRACE_DB"] ?? ""
    }

    func validate() throws {
        try LoadedConfig.load(explicit: config)
        _ = try FleetAnswerTimeout.seconds()
        guard !connection.isEmpty else { throw ValidationError("fleet commands need --db postgresql://... (or key=value words)") }
        guard PostgresConnectionString.names(connection) else {
            // Not echoed: a mistyped connection string may hold a password.
            throw ValidationError("--db is not a PostgreSQL connection string (postgresql://... or key=value words beginning with a libpq keyword such as host=); fleet commands act on the fleet store only")
        }
    }

    func open(_ access: FleetDatabase.Access) throws -> FleetDatabase {
        // What only reads (status, a dry run) gives up on silence as a report does; what changes
        // the store (migrate, grants, forget-spool) may wait on its locks.
        let timeout = access == .readOnly ? try FleetAnswerTimeout.seconds() : nil
        do { return try FleetDatabase(connectionString: connection, access: access, answerTimeoutSeconds: timeout) } catch {
            Console.error("\(error)")
            throw ExitCode(SvirtTrace.Status.database)
        }
    }

    /// Opens the store and runs `body` on it; a database error is printed and exits 4.
    func administer<T>(_ access: FleetDatabase.Access, _ body: (FleetAdministration) throws -> T) throws -> T {
        let admin = FleetAdministration(database: try open(access))
        do { return try body(admin) } catch {
            Console.error("\(error)")
            throw ExitCode(SvirtTrace.Status.database)
        }
    }
}

/// A node named on the command line: one line, not blank, no blanks around it (a node= name
/// never has them), at most 1,024 bytes, not the wildcard unless `wildcard` allows it.
enum FleetNodeName {
    static func validate(_ nodes: [String], wildcard: Bool = false) throws {
        for node in nodes {
            if node.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--node must not be empty or blank") }
            if node.contains(where: { $0.isNewline }) { throw ValidationError("--node must be one line") }
            if node != node.trimmingCharacters(in: .whitespaces) { throw ValidationError("--node must not begin or end with a blank") }
            if node.utf8.count > 1_024 { throw ValidationError("--node must be at most 1024 bytes") }
            if node == FleetAdministration.everyNode, !wildcard {
                throw ValidationError("--node '*' is not a node name; --all-nodes grants every node")
            }
        }
    }
}

extension SvirtTrace.Fleet {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Make the fleet store's schema, or bring it to this svirt-trace's version.",
            discussion: """
                Applies the migrations the database lacks, each in its own transaction, under an \
                advisory lock (writers starting at the same moment wait). A database whose schema \
                svirt_trace holds tables that are not svirt-trace's is refused and left as it is.
                """)

        @OptionGroup var database: FleetDatabaseOptions

        func run() throws {
            let db = try database.open(.readWrite)
            print("\(TerminalText.escape(db.name)): schema version \(db.schemaVersion)")
        }
    }

    struct GrantWriter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant-writer",
            abstract: "Let a login role write the rows of the given nodes (and read them).",
            discussion: """
                Adds the role to svirt_trace_writer and records the nodes it writes; a role may \
                write several nodes, and a node may have several writers (a host's watch and a \
                central ingest). Takes effect at the role's next statement.
                """)

        @OptionGroup var database: FleetDatabaseOptions

        @Argument(help: ArgumentHelp("The login role (it must exist).", valueName: "role"))
        var role: String

        @Option(name: .long, help: ArgumentHelp("A node the role writes, as its watch's --node or the log's node= (repeatable).", valueName: "node"))
        var node: [String] = []

        @Flag(help: "Every node: for a central log's ingest.")
        var allNodes = false

        func validate() throws {
            guard allNodes != !node.isEmpty else { throw ValidationError("give --node NODE (one or more) or --all-nodes") }
            try FleetNodeName.validate(node)
        }

        func run() throws {
            let nodes = allNodes ? [FleetAdministration.everyNode] : node
            try database.administer(.readWrite) { try $0.grantWriter(role: role, nodes: nodes) }
            // Said, as revoke says what it removed: a grant is otherwise seen only in `fleet status`.
            let granted = allNodes ? "every node (*)" : (nodes.count == 1 ? "node " : "nodes ") + ListText.joined(nodes, separator: ", ")
            Console.status("\(TerminalText.escape(role)): writes \(TerminalText.escape(granted))")
        }
    }

    struct GrantReader: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant-reader",
            abstract: "Let a login role read every node's rows (query, digest), and write nothing.")

        @OptionGroup var database: FleetDatabaseOptions

        @Argument(help: ArgumentHelp("The login role (it must exist).", valueName: "role"))
        var role: String

        func run() throws {
            try database.administer(.readWrite) { try $0.grantReader(role: role) }
            Console.status("\(TerminalText.escape(role)): reads every node")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Take nodes, or everything, from a role.",
            discussion: """
                With --node, the role no longer writes those nodes. Without, it loses every node \
                and its place in both groups. Rows it wrote stay. Its open sessions see the change \
                at their next statement.
                """)

        @OptionGroup var database: FleetDatabaseOptions

        @Argument(help: ArgumentHelp("The login role.", valueName: "role"))
        var role: String

        @Option(name: .long, help: ArgumentHelp("A node to take (repeatable); '*' takes --all-nodes back.", valueName: "node"))
        var node: [String] = []

        func validate() throws { try FleetNodeName.validate(node, wildcard: true) }

        func run() throws {
            let removed = try database.administer(.readWrite) { try $0.revoke(role: role, nodes: node.isEmpty ? nil : node) }
            Console.status("\(TerminalText.escape(role)): \(removed) node grant\(removed == 1 ? "" : "s") removed")
        }
    }

    struct RestoreSpool: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore-spool",
            abstract: "Write a host's lost spool back from what the fleet store holds of it.",
            discussion: """
                A host whose spool file is gone (a disk replaced, a host reinstalled) must not \
                start a new spool and read its logs again: the new spool would ship events the \
                old one shipped, the fleet store refuses them (each event of a node is stored \
                once), and the new spool's shipping stops for good. restore-spool writes the \
                spool numbered NUMBER (fleet status lists the spools with their node and host) \
                back into a new SQLite file from the rows the fleet store holds of it: its \
                events, runs, leases, guests, evidence, totals and alert windows, under its old \
                number. Then start watch or ingest with that spool: it goes on as after a \
                restart. Each log is read again from its start, once, and what is already \
                stored is recognised and skipped; so the events the old spool stored but had \
                not shipped yet are stored again from the logs, where the logs still hold them. \
                What neither the logs nor the fleet store hold any more is lost; query events \
                --kind pipeline-gap says where watch found a log rotated away.

                Run it on the host, as the role that registered the spool (the host's writer \
                role): only that role ships the spool's rows. The spool's file must not exist \
                yet; it is written under another name and renamed into place once whole. \
                --spool defaults to the path watch and ingest use for the spool's node. A spool \
                that shipped within the last 10 minutes is refused unless --force: its writer may \
                still be running, and two spools of one number lose each other's changes. The \
                restored spool gets a new token (schema 6): a copy of the old one, or a writer \
                still shipping it, is refused from its next batch on.
                """)

        @OptionGroup var database: FleetDatabaseOptions

        @Argument(help: ArgumentHelp("The spool's number (fleet status).", valueName: "number"))
        var number: Int64

        @Option(help: ArgumentHelp("The spool file to write (must not exist).", valueName: "file"))
        var spool: String?

        @Flag(help: "Restore a spool that shipped within the last 10 minutes (its host is known to be gone).")
        var force = false

        func validate() throws {
            guard number > 0 else { throw ValidationError("the spool's number is a positive integer (fleet status lists them)") }
            if let spool, spool.isEmpty { throw ValidationError("--spool must not be empty") }
            if let spool, PostgresConnectionString.names(spool) {
                throw ValidationError("--spool names a local SQLite file, not a PostgreSQL database")
            }
        }

        func run() throws {
            let summary = try database.administer(.readOnly) { admin -> FleetSpoolRestore.Summary in
                guard let tag = try admin.database.connection.rows("SELECT node FROM spools WHERE id = $1", [.integer(number)])
                    .first?.first?.string else {
                    throw StoreError.restoreSpoolNotFound(number: number, database: admin.database.name)
                }
                var option = FleetSpoolOption()
                option.spool = spool
                try option.prepareDefaultFolder(tag: tag)
                let path = option.path(tag: tag).path
                let summary = try FleetSpoolRestore.restore(spool: number, from: admin.database, into: path, force: force)
                Console.status("spool #\(number) of node \(summary.node == "*" ? "* (a central writer)" : "'\(summary.node)'") restored into \(path)")
                return summary
            }
            let total = summary.rows.reduce(Int64(0)) { $0 + $1.rows }
            let counted = summary.rows.filter { $0.rows > 0 }.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
            Console.status("\(total) row\(total == 1 ? "" : "s")" + (counted.isEmpty ? "" : " (\(counted))")
                           + "; shipped through outbox entry \(summary.shippedSeq); every log source will be read again from its start")
        }
    }

    struct ForgetSpool: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget-spool",
            abstract: "Delete everything a spool shipped: the history of a host that is gone for good.",
            discussion: """
                Deletes, in one transaction, every row the spool numbered NUMBER shipped (fleet \
                status lists the spools with their node and host), and the spool's registration; \
                then drops the months of the partitioned tables that no node's rows are left in. \
                The fleet store then answers as if that spool had never written. A writer still \
                using the spool is refused from then on (its spool is not registered), so its \
                rows are not shipped again by mistake; a host that comes back starts a new spool \
                (--spool with a new file). Other spools of the same node (a host reinstalled) keep \
                their rows. To prune a running host's history, use prune on that host instead.

                Runs as the schema's owner: the policies let a writer delete neither another \
                node's rows nor a spool. --dry-run counts what would go, table by table, and \
                changes nothing.
                """)

        @OptionGroup var database: FleetDatabaseOptions

        @Argument(help: ArgumentHelp("The spool's number (fleet status).", valueName: "number"))
        var number: Int64

        @Flag(help: "Only count what would be deleted.")
        var dryRun = false

        func validate() throws {
            guard number > 0 else { throw ValidationError("the spool's number is a positive integer (fleet status lists them)") }
        }

        func run() throws {
            let (rows, months) = try database.administer(dryRun ? .readOnly : .readWrite) { admin in
                do {
                    if dryRun { return (try admin.rows(ofSpool: number), 0) }
                    return try admin.forget(spool: number)
                } catch StoreError.postgres(let name, var error) where error.isPermissionDenied {
                    error.hint = "forget-spool runs as the schema's owner (the role that ran fleet migrate)"
                    throw StoreError.postgres(database: name, error)
                }
            }
            let total = rows.reduce(Int64(0)) { $0 + $1.rows }
            let counted = rows.filter { $0.rows > 0 }.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
            Console.status("spool #\(number): \(dryRun ? "would delete" : "deleted") \(total) row\(total == 1 ? "" : "s")"
                           + (counted.isEmpty ? "" : " (\(counted))")
                           + (dryRun ? "" : "; dropped \(months) emptied month\(months == 1 ? "" : "s") of the partitions"))
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show the schema version, who writes which node, who reads, the spools and the monthly partitions.",
            discussion: """
                Reads only; any member of svirt_trace_reader may run it. Roles and their groups \
                belong to the whole PostgreSQL cluster: the writers and readers listed are every \
                member of the two groups there, with this database's node grants.
                """)

        @OptionGroup var database: FleetDatabaseOptions

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() throws {
            let (db, grants, partitions, spools) = try database.administer(.readOnly) {
                ($0.database, try $0.grants(), try $0.partitions(), try $0.spools())
            }
            let text = json ? Self.json(db, grants, partitions, spools) : Self.text(db, grants, partitions, spools)
            Console.writeStandardOutput(Data(text.utf8))
        }

        static func text(_ db: FleetDatabase, _ grants: [FleetAdministration.Grant], _ partitions: [FleetAdministration.Partition],
                         _ spools: [FleetAdministration.Spool]) -> String {
            var lines = ["database: \(TerminalText.escape(db.name))",
                         "schema version: \(db.schemaVersion) (this svirt-trace: \(Migration.postgresVersion))",
                         "seen as: \(TerminalText.escape(db.connection.user)) (a writer sees its own node grants only)", "writers:"]
            let writers = grants.filter { $0.writer || !$0.nodes.isEmpty }
            if writers.isEmpty { lines.append("  (none)") }
            for grant in writers {
                let nodes = grant.nodes.map { $0 == FleetAdministration.everyNode ? "every node" : TerminalText.escape($0) }
                var line = "  \(TerminalText.escape(grant.role)): \(nodes.isEmpty ? "no node yet" : nodes.joined(separator: ", "))"
                if !grant.writer { line += " (not in svirt_trace_writer: writes nothing)" }
                lines.append(line)
            }
            lines.append("readers:")
            let readers = grants.filter(\.reader)
            if readers.isEmpty { lines.append("  (none)") }
            for grant in readers { lines.append("  \(TerminalText.escape(grant.role))") }
            lines.append("spools:")
            if spools.isEmpty { lines.append("  (none)") }
            for spool in spools {
                let node = spool.node == FleetAdministration.everyNode ? "every node (a central writer)" : "node " + TerminalText.escape(spool.node)
                lines.append("  #\(spool.number): \(node), host \(TerminalText.escape(spool.host)), "
                             + (spool.shippedAt.map { "last shipped \($0)" } ?? "nothing shipped yet"))
            }
            // One line per table: years of months would be a page each (--json lists every one).
            lines.append("partitions (monthly; --json lists each):")
            for table in Set(partitions.map(\.table)).sorted() {
                let months = partitions.filter { $0.table == table && $0.month != "before 2000" }.map(\.month).sorted()
                let all = partitions.filter { $0.table == table }
                let rows = all.reduce(Int64(0)) { $0 + $1.rows }, bytes = all.reduce(Int64(0)) { $0 + $1.bytes }
                let span = months.isEmpty ? "no month yet" : "\(months.count) month\(months.count == 1 ? "" : "s"), \(months[0]) to \(months[months.count - 1])"
                lines.append("  \(table): \(span), about \(rows) rows, \(bytes / 1024) KiB")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        static func json(_ db: FleetDatabase, _ grants: [FleetAdministration.Grant], _ partitions: [FleetAdministration.Partition],
                         _ spools: [FleetAdministration.Spool]) -> String {
            let grantValues = grants.map { g in
                JSONText.object([("role", .string(g.role)), ("nodes", .strings(g.nodes)),
                                 ("writer", .bool(g.writer)), ("reader", .bool(g.reader))])
            }
            let partitionValues = partitions.map { p in
                JSONText.object([("table", .string(p.table)), ("month", .string(p.month)),
                                 ("rows", .int(p.rows)), ("bytes", .int(p.bytes))])
            }
            let spoolValues = spools.map { s in
                JSONText.object([("number", .int(s.number)), ("node", .string(s.node)), ("host", .string(s.host)),
                                 ("shipped_at", s.shippedAt.map { .string($0) } ?? .null)])
            }
            return "{\"database\":\(JSONText.quote(db.name)),\"schema_version\":\(db.schemaVersion),"
                + "\"supported_version\":\(Migration.postgresVersion),"
                + "\"roles\":[\(grantValues.joined(separator: ","))],\"partitions\":[\(partitionValues.joined(separator: ","))],"
                + "\"spools\":[\(spoolValues.joined(separator: ","))]}\n"
        }
    }
}
