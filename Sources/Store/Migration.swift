/// One numbered SQL file from `schema/`, compiled in (EmbeddedSchema).
public struct Migration: Sendable, Equatable {
    public var version: Int
    public var file: String
    public var sql: String

    /// Every migration this binary knows, in order.
    public static var all: [Migration] { EmbeddedSchema.migrations }

    /// The schema version this binary writes and reads.
    public static var currentVersion: Int { all.map(\.version).max() ?? 0 }

    /// The fleet store's migrations (schema/postgresql/), numbered on their own.
    public static var postgres: [Migration] { EmbeddedSchema.postgresMigrations }

    public static var postgresVersion: Int { postgres.map(\.version).max() ?? 0 }
}
