/// The migrations in schema/, compiled into the binary (SwiftPM `.embedInCode`, through the link
/// Schema -> ../../schema) so the binary works when copied anywhere. A new migration is listed
/// here and in Package.swift; DatabaseTests fails while schema/ holds one that is not.
enum EmbeddedSchema {
    // SwiftPM names each resource after its file, with the leading digit (not allowed to start
    // an identifier) replaced by an underscore.
    static let migrations: [Migration] = [
        migration(1, "001_core.sql", PackageResources._01_core_sql),
        migration(2, "002_alerts.sql", PackageResources._02_alerts_sql),
        migration(3, "003_parse_error_counts.sql", PackageResources._03_parse_error_counts_sql),
        migration(4, "004_alert_ids.sql", PackageResources._04_alert_ids_sql),
        migration(5, "005_folded_denials.sql", PackageResources._05_folded_denials_sql),
        migration(6, "006_coverage.sql", PackageResources._06_coverage_sql),
        migration(7, "007_watch_owners.sql", PackageResources._07_watch_owners_sql),
        migration(8, "008_run_minutes.sql", PackageResources._08_run_minutes_sql),
        migration(9, "009_evidence_line_steps.sql", PackageResources._09_evidence_line_steps_sql),
        migration(10, "010_evidence_record_sources.sql", PackageResources._10_evidence_record_sources_sql),
    ]

    static let postgresMigrations: [Migration] = [
        migration(1, "postgresql/001_fleet.sql", PackageResources._01_fleet_sql),
        migration(2, "postgresql/002_spool_mirror.sql", PackageResources._02_spool_mirror_sql),
        migration(3, "postgresql/003_readers.sql", PackageResources._03_readers_sql),
        migration(4, "postgresql/004_retention.sql", PackageResources._04_retention_sql),
        migration(5, "postgresql/005_run_minutes.sql", PackageResources._05_run_minutes_sql),
        migration(6, "postgresql/006_spool_tokens.sql", PackageResources._06_spool_tokens_sql),
        migration(7, "postgresql/007_evidence_format.sql", PackageResources._07_evidence_format_sql),
        migration(8, "postgresql/008_pair_totals_by_spool.sql", PackageResources._08_pair_totals_by_spool_sql),
    ]

    private static func migration(_ version: Int, _ file: String, _ bytes: [UInt8]) -> Migration {
        Migration(version: version, file: file, sql: String(decoding: bytes, as: UTF8.self))
    }
}
