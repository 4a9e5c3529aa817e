import Native

/// What the fleet store's administrator does: say which login role writes which node's rows, who
/// reads, and look at the schema and its monthly partitions. Login roles themselves (passwords,
/// certificates, GSSAPI principals) are the database administrator's, made with CREATE ROLE.
public struct FleetAdministration {
    public let database: FleetDatabase
    private var db: PostgresConnection { database.connection }

    public init(database: FleetDatabase) { self.database = database }

    /// node "*" in writer_nodes: every node.
    public static let everyNode = "*"

    public struct Grant: Sendable, Equatable {
        public var role: String
        public var nodes: [String]
        public var writer: Bool
        public var reader: Bool
    }

    public struct Partition: Sendable, Equatable {
        public var table: String
        /// YYYY-MM, or "before 2000".
        public var month: String
        public var rows: Int64
        public var bytes: Int64
    }

    /// A writer's spool registered with the store.
    public struct Spool: Sendable, Equatable {
        public var number: Int64
        public var node: String
        public var host: String
        /// When it last shipped a batch (the server's clock, UTC), nil before its first.
        public var shippedAt: String?
    }

    /// Makes `role` a writer of `nodes` (added to what it writes already).
    public func grantWriter(role: String, nodes: [String]) throws {
        try wrapped {
            try requireGrantable(role, as: "svirt_trace_writer", other: "svirt_trace_reader")
            try db.transaction {
                try grant(group: "svirt_trace_writer", to: role)
                for node in nodes {
                    try db.run("INSERT INTO writer_nodes (role, node) VALUES ($1, $2) ON CONFLICT DO NOTHING", [.text(role), .text(node)])
                }
            }
        }
    }

    public func grantReader(role: String) throws {
        try wrapped {
            try requireGrantable(role, as: "svirt_trace_reader", other: "svirt_trace_writer")
            try grant(group: "svirt_trace_reader", to: role)
        }
    }

    /// Takes `nodes` from the role's writer grants; nil takes everything, its memberships of
    /// both groups included. Returns the number of node grants removed.
    @discardableResult
    public func revoke(role: String, nodes: [String]?) throws -> Int {
        try wrapped {
            // A role that is gone may still have node grants to remove; a name that matches
            // neither is a typo, said as one.
            if try !roleExists(role),
               try db.rows("SELECT 1 FROM writer_nodes WHERE role = $1 LIMIT 1", [.text(role)]).isEmpty {
                throw StoreError.noSuchRole(database: database.name, role: role)
            }
            return try db.transaction {
                guard let nodes else {
                    let removed = try db.run("DELETE FROM writer_nodes WHERE role = $1", [.text(role)])
                    if try roleExists(role) {
                        for group in ["svirt_trace_writer", "svirt_trace_reader"] {
                            try execute(formatted: "REVOKE \(group) FROM %I", role)
                        }
                    }
                    return removed
                }
                var removed = 0
                for node in nodes {
                    removed += try db.run("DELETE FROM writer_nodes WHERE role = $1 AND node = $2", [.text(role), .text(node)])
                }
                return removed
            }
        }
    }

    /// Every role that writes or reads, by name.
    public func grants() throws -> [Grant] {
        try wrapped {
            let rows = try db.rows("""
                WITH members AS (
                    SELECT m.rolname AS role, g.rolname AS grp
                    FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
                    WHERE g.rolname IN ('svirt_trace_writer', 'svirt_trace_reader')),
                roles AS (SELECT role FROM members UNION SELECT role::text FROM writer_nodes)
                SELECT r.role,
                       EXISTS (SELECT 1 FROM members m WHERE m.role = r.role AND m.grp = 'svirt_trace_writer'),
                       EXISTS (SELECT 1 FROM members m WHERE m.role = r.role AND m.grp = 'svirt_trace_reader')
                FROM roles r ORDER BY r.role
                """)
            // Nodes as rows of their own: a node name may hold any character but a NUL.
            var nodes: [String: [String]] = [:]
            for row in try db.rows("SELECT role::text, node FROM writer_nodes ORDER BY role, node") {
                nodes[row[0].string ?? "", default: []].append(row[1].string ?? "")
            }
            return rows.map { row in
                let role = row[0].string ?? ""
                return Grant(role: role, nodes: nodes[role] ?? [], writer: row[1].int64 == 1, reader: row[2].int64 == 1)
            }
        }
    }

    /// The monthly partitions of the partitioned tables, oldest first, with the server's row
    /// estimate (exact after ANALYZE) and their size on disk.
    public func partitions() throws -> [Partition] {
        try wrapped {
            try db.rows("""
                SELECT p.relname, c.relname, greatest(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid)
                FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                JOIN pg_namespace n ON n.oid = p.relnamespace
                WHERE n.nspname = 'svirt_trace' AND c.relkind IN ('r', 'p') ORDER BY p.relname, c.relname
                """).map { row in
                let table = row[0].string ?? "", partition = row[1].string ?? ""
                let suffix = partition.dropFirst(table.count + 1)
                let month = suffix == "before_2000" ? "before 2000" : suffix.replacingOccurrences(of: "_", with: "-")
                return Partition(table: table, month: month, rows: row[2].int64 ?? 0, bytes: row[3].int64 ?? 0)
            }
        }
    }

    /// Every spool, by number (a writer sees its own nodes' only).
    public func spools() throws -> [Spool] {
        try wrapped {
            try db.rows("""
                SELECT id, node, host, to_char(shipped_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                FROM spools ORDER BY id
                """).map { row in
                Spool(number: row[0].int64 ?? 0, node: row[1].string ?? "", host: row[2].string ?? "", shippedAt: row[3].string)
            }
        }
    }

    /// Rows of the spool per table (what `forget` deletes), in shipping order.
    public func rows(ofSpool number: Int64) throws -> [(table: String, rows: Int64)] {
        try wrapped {
            guard try !db.rows("SELECT 1 FROM spools WHERE id = $1", [.integer(number)]).isEmpty else {
                throw StoreError.noSuchSpool(database: database.name, number: number)
            }
            return try FleetTable.all.map { table in
                (table.name, try db.rows("SELECT count(*) FROM \(table.name) WHERE spool = $1", [.integer(number)]).first?.first?.int64 ?? 0)
            }
        }
    }

    /// Deletes every row a spool shipped, and the spool itself, in one transaction: the history
    /// of a host that is gone for good. Its writer, should it come back, is refused (its spool
    /// is no longer registered). Then drops the months no node's rows are left in. Needs the
    /// schema's owner: the policies let a writer delete neither spools nor other nodes' rows.
    public func forget(spool number: Int64) throws -> (rows: [(table: String, rows: Int64)], months: Int) {
        try wrapped {
            let deleted = try db.transaction { () -> [(table: String, rows: Int64)] in
                guard try !db.rows("SELECT 1 FROM spools WHERE id = $1 FOR UPDATE", [.integer(number)]).isEmpty else {
                    throw StoreError.noSuchSpool(database: database.name, number: number)
                }
                let rows = try FleetTable.all.map { table in
                    (table.name, Int64(try db.run("DELETE FROM \(table.name) WHERE spool = $1", [.integer(number)])))
                }
                try db.run("DELETE FROM spools WHERE id = $1", [.integer(number)])
                return rows
            }
            let months = try db.transaction {
                Int(try db.rows("SELECT drop_empty_months((extract(epoch FROM now()) * 1000)::bigint)").first?.first?.int64 ?? 0)
            }
            return (deleted, months)
        }
    }

    // MARK: -

    private func roleExists(_ role: String) throws -> Bool {
        try db.rows("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(role)]).isEmpty == false
    }

    private func requireRole(_ role: String) throws {
        guard try roleExists(role) else { throw StoreError.noSuchRole(database: database.name, role: role) }
    }

    /// Only a login role of its own may join a group. The groups themselves (granting one to the
    /// other would give every member of it the other's rights), superusers and BYPASSRLS roles
    /// (row-level security does not hold them: a grant would promise what the database does not
    /// enforce) and a member of the other group (a writer that reads every node) are refused.
    private func requireGrantable(_ role: String, as group: String, other: String) throws {
        try requireRole(role)
        let refusal: String?
        if ["svirt_trace_writer", "svirt_trace_reader"].contains(role) {
            refusal = "it is one of svirt-trace's groups; grant a login role"
        } else if let row = try db.rows("""
            WITH RECURSIVE owner AS (SELECT c.relowner AS oid FROM pg_class c WHERE c.oid = 'svirt_trace.audit_events'::regclass),
            -- The roles granted this one, directly or through others (explicit grants: a
            -- superuser counts as a member of everything in pg_has_role).
            members(oid) AS (
                SELECT a.member FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid WHERE r.rolname = $1
                UNION SELECT a.member FROM pg_auth_members a JOIN members m ON a.roleid = m.oid)
            SELECT r.rolsuper, r.rolbypassrls,
                   pg_has_role(r.oid, (SELECT oid FROM owner), 'MEMBER'),
                   pg_has_role(r.oid, $2, 'MEMBER')
                       OR EXISTS (SELECT 1 FROM members m JOIN pg_roles x ON x.oid = m.oid
                                  WHERE NOT x.rolsuper AND pg_has_role(m.oid, $2, 'MEMBER')),
                   EXISTS (SELECT 1 FROM members m JOIN pg_roles x ON x.oid = m.oid
                           WHERE x.rolsuper OR x.rolbypassrls OR m.oid = (SELECT oid FROM owner))
            FROM pg_roles r WHERE r.rolname = $1
            """, [.text(role), .text(other)]).first {
            // Every role that is a member of this one gets its rights: each is judged too.
            refusal = row[0].int64 == 1 ? "it is a superuser, which row-level security does not hold"
                : row[1].int64 == 1 ? "it has BYPASSRLS, which row-level security does not hold"
                : row[2].int64 == 1 ? "it owns the schema's tables or is a member of their owner, which row-level security does not hold"
                : row[3].int64 == 1 ? "it, or a role that is a member of it, is a member of \(other) (one role either writes its nodes or reads all)"
                : row[4].int64 == 1 ? "a role that is a member of it is a superuser, has BYPASSRLS or owns the schema's tables"
                : nil
        } else {
            refusal = nil
        }
        if let refusal { throw StoreError.roleNotGrantable(database: database.name, role: role, group: group, reason: refusal) }
    }

    private func grant(group: String, to role: String) throws {
        try execute(formatted: "GRANT \(group) TO %I", role)
    }

    /// A statement that cannot take parameters (GRANT, REVOKE), with the role quoted by the
    /// server's own format('%I').
    private func execute(formatted template: String, _ role: String) throws {
        guard let statement = try db.rows("SELECT format($1, $2::text)", [.text(template), .text(role)]).first?.first?.string else { return }
        try db.execute(statement)
    }

    private func wrapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PostgresError {
            throw StoreError.postgres(database: database.name, error)
        }
    }
}
