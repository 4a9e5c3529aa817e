import Foundation
import Testing
import Store
import TestSupport

/// A store written by the first release (schema 1), from tools/sample: Tests/Fixtures/v1-sample-store.sql
/// is that binary's database as `sqlite3 .dump` prints it, plus its user_version.
@Suite struct MigrationTests {
    static func v1Store() throws -> (folder: URL, db: String) {
        let folder = try Fixtures.temporaryFolder("v1")
        let db = folder.appendingPathComponent("v1.db").path
        let dump = try Fixtures.read("Tests/Fixtures/v1-sample-store.sql")
        let load = try runProcess("/usr/bin/env", ["sqlite3", db], stdin: Data(dump.utf8))
        #expect(load.status == 0, "sqlite3 is missing: apt-get install sqlite3")
        return (folder, db)
    }

    static var sample: (log: String, run: String) {
        (Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path,
         Fixtures.repositoryRoot.appendingPathComponent("tools/sample/run").path)
    }

    @Test func readersRefuseAnOldStoreWithTheCommandThatMigratesItAndChangeNothing() throws {
        let (_, db) = try Self.v1Store()
        let before = try StoreCLI.sha256(db)
        for args in [["query", "denials"], ["query", "stats"], ["digest", "--period", StoreCLI.period]] {
            let r = try StoreCLI.run(args + ["--db", db])
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains("schema version 1 is older") && r.stderr.contains("svirt-trace ingest"), "\(r.stderr)")
        }
        #expect(try StoreCLI.sha256(db) == before, "a reader changed the file")
    }

    @Test func aWriterMigratesInPlaceAndEveryAnswerMatchesAFreshStore() throws {
        let (folder, db) = try Self.v1Store()
        // Ingesting the same log again migrates, then stores nothing twice: the identities of
        // the events written by the old release still count.
        let again = try StoreCLI.run(["ingest", "--db", db, "--libvirt-state", Self.sample.run, Self.sample.log])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("0 events stored"), "\(again.stderr)")
        let fresh = folder.appendingPathComponent("fresh.db").path
        let made = try StoreCLI.run(["ingest", "--db", fresh, "--libvirt-state", Self.sample.run, Self.sample.log])
        #expect(made.status == 0, "\(made.stderr)")
        for query in [["query", "denials"], ["query", "cross-guest"], ["query", "stats"], ["query", "explain", "834"],
                      ["query", "who-touched", "ci001"], ["query", "guest", "ldap003"], ["query", "label", "c420,c531"]] {
            let migrated = try StoreCLI.run(query + ["--db", db, "--format", "json"])
            let expected = try StoreCLI.run(query + ["--db", fresh, "--format", "json"])
            #expect(migrated.status == 0 && expected.status == 0, "\(query): \(migrated.stderr) \(expected.stderr)")
            #expect(!expected.stdout.isEmpty, "\(query)")
            #expect(Self.withoutUserAVCPids(migrated.stdout) == Self.withoutUserAVCPids(expected.stdout), "\(query)")
        }
        // Evidence written before the migration stays readable from its old rows, record by record.
        let old = try StoreCLI.run(["query", "evidence", "834", "--db", db, "--format", "jsonl"])
        let new = try StoreCLI.run(["query", "evidence", "834", "--db", fresh, "--format", "jsonl"])
        #expect(old.status == 0 && old.stdout.split(separator: "\n").count == 5, "\(old.stderr)")
        #expect(old.stdout == new.stdout)
        let database = try Database(path: db, access: .readOnly)
        #expect(database.schemaVersion == Migration.currentVersion)
        #expect(try database.connection.rows("SELECT sum(count) FROM denial_runs").first?.first?.int64 == 76)
        // The old store was given status XML: its snapshot counts for coverage after the migration.
        #expect(try database.connection.rows("SELECT count(*) FROM coverage_marks WHERE kind = 'status-xml' AND time_ms IS NULL")
                    .first?.first?.int64 ?? 0 >= 1)
    }

    /// The old release stored a USER_AVC's outer pid (the object manager that sent it, here
    /// dbus-broker's 812); this one stores the denied process's, or none. Rows already stored
    /// keep what they were stored with, so that one field is set aside for the dbus rows.
    static func withoutUserAVCPids(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("\"tclass\":\"dbus\"")
                ? line.replacingOccurrences(of: #""pid":\d+"#, with: #""pid":null"#, options: .regularExpression)
                : String(line)
        }.joined(separator: "\n")
    }

    /// An older svirt-trace still running when a newer one migrated the store writes parties
    /// without the run's minute (schema 8). The trigger gives them the minute, and a party that
    /// has none all the same is still read: no report leaves its denials out.
    @Test func partiesWithoutTheRunsMinuteAreFilledInAndNeverLeftOut() throws {
        let folder = try Fixtures.temporaryFolder("minutes")
        let db = folder.appendingPathComponent("s.db").path
        let made = try StoreCLI.run(["ingest", "--db", db, "--libvirt-state", Self.sample.run, Self.sample.log])
        #expect(made.status == 0, "\(made.stderr)")
        let queries = [["query", "who-touched", "ci001"], ["query", "guest", "ldap003"], ["query", "guests"]]
        func answers() throws -> [String] {
            try queries.map { query in
                let r = try StoreCLI.run(query + ["--db", db, "--format", "jsonl"])
                #expect(r.status == 0, "\(query): \(r.stderr)")
                return r.stdout
            }
        }
        let expected = try answers()
        #expect(expected[0].split(separator: "\n").count > 0 && expected[1].contains("denial-as-"))
        func sql(_ statement: String) throws -> String {
            let r = try runProcess("/usr/bin/env", ["sqlite3", db, statement])
            #expect(r.status == 0, "\(statement): \(String(decoding: r.stderr, as: UTF8.self))")
            return String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // Left without a minute: still read.
        #expect(try sql("UPDATE run_parties SET run_minute_ms = NULL; SELECT changes() > 0, count(run_minute_ms) FROM run_parties") == "1|0")
        #expect(try answers() == expected)
        // Inserted as an older writer does: the trigger fills the minute in.
        _ = try sql("""
            CREATE TABLE saved AS SELECT run_id, side, lease_id FROM run_parties; DELETE FROM run_parties;
            INSERT INTO run_parties(run_id, side, lease_id) SELECT run_id, side, lease_id FROM saved; DROP TABLE saved;
            """)
        #expect(try sql("SELECT count(*) > 0 AND count(*) = count(run_minute_ms) FROM run_parties") == "1")
        #expect(try sql("""
            SELECT count(*) FROM run_parties p JOIN denial_runs r ON r.id = p.run_id
            WHERE r.first_ms < p.run_minute_ms OR r.first_ms >= p.run_minute_ms + 60000
            """) == "0")
        #expect(try answers() == expected)
    }
}
