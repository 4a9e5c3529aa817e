// swift-tools-version:6.0
import PackageDescription

// Data flows one way: Native (the only module that touches C) <- AuditStream <- Findings <- Store <- Ingest
// <- svirt-trace. Store is persistence (schema, writer, retention); Reports read it; Formatting (output
// encodings, time words) is shared by the CLI, Alerts, Digest and Reports. Alerts sits on Store (its
// ledger) beside Ingest; Digest on Reports.
// SELinux and Guests are plain Swift and depend on nothing but each other.
// Linux only: inotify, Glibc, auditd and SELinux. No `platforms:` entry, which would claim an Apple OS.
let package = Package(
    name: "svirt-trace",
    products: [
        .executable(name: "svirt-trace", targets: ["svirt-trace"]),
        // Benchmark helpers (tools/bench-query seeds its store with it), kept out of svirt-trace.
        .executable(name: "svirt-trace-bench", targets: ["svirt-trace-bench"]),
        // Only for tools/fuzz, a separate package that may use nothing but products of this one.
        .library(name: "SvirtTraceFuzzable", targets: ["AuditStream", "SELinux", "Guests", "Findings", "Alerts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Alert rules are YAML, the format detection rules are usually written in.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The watch daemon logs with structured metadata.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CAuparse", pkgConfig: "auparse",
                       providers: [.apt(["libauparse-dev", "libaudit-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        // Evidence (every raw record of a stored event) is kept in zstd-compressed blocks.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd",
                       providers: [.apt(["libzstd-dev"])]),
        // The fleet store (issue 14): PostgreSQL through libpq, synchronous like SQLite.
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        // Linux calls glibc declares only under _GNU_SOURCE (sync_file_range); no library.
        .systemLibrary(name: "CLinux"),
        .target(name: "Native", dependencies: ["CAuparse", "CSQLite", "CZstd", "CPostgres", "CLinux"], swiftSettings: hotPath),
        .target(name: "SELinux"),
        .target(name: "AuditStream", dependencies: ["Native"], swiftSettings: hotPath),
        .target(name: "Guests", dependencies: ["SELinux"]),
        // Resources/ holds links to the shipped files under rules/, compiled in with .embedInCode.
        .target(name: "Findings", dependencies: ["Native", "AuditStream", "SELinux", "Guests", "Formatting"],
                resources: [.embedInCode("Resources/virt-booleans.tsv")], swiftSettings: hotPath),
        // Output formatting and time words, shared by the CLI, Alerts, Digest and the reports.
        .target(name: "Formatting"),
        // Persistence: schema, migrations, the writer, retention, the alert ledger.
        // Schema is a link to schema/: each migration is compiled in (a new one is listed here and in
        // EmbeddedSchema.swift; a test fails while schema/ holds one that is not). schema/json holds
        // the JSON Schemas of the command's outputs, for users and tests, not the store's.
        .target(name: "Store", dependencies: ["Native", "AuditStream", "Findings", "Guests", "SELinux", "Formatting"],
                exclude: ["Schema/json"],
                resources: [
                               .embedInCode("Schema/001_core.sql"),
                               .embedInCode("Schema/002_alerts.sql"),
                               .embedInCode("Schema/003_parse_error_counts.sql"),
                               .embedInCode("Schema/004_alert_ids.sql"),
                               .embedInCode("Schema/005_folded_denials.sql"),
                               .embedInCode("Schema/006_coverage.sql"),
                               .embedInCode("Schema/007_watch_owners.sql"),
                               .embedInCode("Schema/008_run_minutes.sql"),
                               .embedInCode("Schema/009_evidence_line_steps.sql"),
                               .embedInCode("Schema/010_evidence_record_sources.sql"),
                               .embedInCode("Schema/postgresql/001_fleet.sql"),
                               .embedInCode("Schema/postgresql/002_spool_mirror.sql"),
                               .embedInCode("Schema/postgresql/003_readers.sql"),
                               .embedInCode("Schema/postgresql/004_retention.sql"),
                               .embedInCode("Schema/postgresql/005_run_minutes.sql"),
                               .embedInCode("Schema/postgresql/006_spool_tokens.sql"),
                               .embedInCode("Schema/postgresql/007_evidence_format.sql"),
                               .embedInCode("Schema/postgresql/008_pair_totals_by_spool.sql")],
                swiftSettings: hotPath),
        // Reports read the store: cross-guest, who-touched, guest, label, evidence, explain, stats, digest data.
        .target(name: "Reports", dependencies: ["Store", "Native", "Findings", "SELinux", "Formatting"]),
        .target(name: "Ingest", dependencies: ["Native", "AuditStream", "Findings", "Guests", "Store", "Formatting"],
                swiftSettings: hotPath),
        .target(name: "Alerts", dependencies: ["Findings", "Guests", "Store", "Formatting", "AuditStream", "Native",
                                               .product(name: "Yams", package: "Yams")],
                resources: [.embedInCode("Resources/alerts.yaml")]),
        .target(name: "Digest", dependencies: ["Reports", "Formatting", "Native"]),
        // The one config file (/etc/svirt-trace/svirt-trace.conf): YAML read with line numbers.
        .target(name: "Config", dependencies: ["Formatting", "Native", .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "svirt-trace", dependencies: [
            "Ingest", "Alerts", "Digest", "Config", "Store", "Reports", "Formatting", "Findings", "Guests", "AuditStream", "SELinux", "Native",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "svirt-trace-bench", dependencies: [
            "Ingest", "Store", "Native",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", dependencies: ["Native"], path: "Tests/TestSupport"),
        // Sends user audit messages through the kernel (audit_log_user_message, as libvirt does) for
        // the auditd plugin tests and tools/bench-plugin. Built by `swift build`; never installed.
        .executableTarget(name: "audit-send", dependencies: ["CAuparse"], path: "Tests/AuditSend"),
        .testTarget(name: "NativeTests", dependencies: ["Native", "TestSupport"]),
        .testTarget(name: "SELinuxTests", dependencies: ["SELinux", "TestSupport"]),
        .testTarget(name: "AuditStreamTests", dependencies: ["AuditStream", "Native", "TestSupport"]),
        .testTarget(name: "GuestsTests", dependencies: ["Guests", "SELinux", "TestSupport"]),
        .testTarget(name: "FindingsTests", dependencies: ["Findings", "AuditStream", "Guests", "SELinux", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Reports", "Formatting", "Findings", "AuditStream", "Guests", "SELinux", "Native", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Ingest", "Store", "Reports", "Formatting", "Findings", "AuditStream", "Guests", "SELinux", "Native", "TestSupport"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest", "Reports", "Formatting", "Store", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "AlertsTests", dependencies: ["Alerts", "Store", "Formatting", "Findings", "AuditStream", "Guests", "Native", "TestSupport"]),
    ]
)

/// The modules every audit record passes through. Swift checks exclusive access to class
/// properties and globals at run time; in the reader that was 8 % of the reference ingest's CPU
/// (swift_beginAccess and its thread-local set, per line read). Release builds skip the check;
/// debug builds, which the tests run, keep it, so a violation still traps there.
var hotPath: [SwiftSetting] { [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))] }
