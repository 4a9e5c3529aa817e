import Foundation
import Testing
import TestSupport

/// The one config file (/etc/svirt-trace/svirt-trace.conf or --config), through the real binary.
/// Every run sets $SVIRT_TRACE_CONFIG to /dev/null (no file), so a config on the test machine
/// changes nothing.
@Suite struct ConfigFileTests {
    static let sample = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
    static let noDefault = ["SVIRT_TRACE_CONFIG": "/dev/null"]

    static func write(_ text: String, in folder: URL, name: String = "svirt-trace.conf") throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func run(_ args: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(args, stdin: stdin, environment: noDefault)
    }

    @Test func theFileSetsDatabaseNodeAndSinksForIngestQueryAndWatch() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("conf.db").path
        let alerts = folder.appendingPathComponent("alerts.jsonl").path
        let conf = try Self.write("""
            # every alert also to a file
            database: \(db)
            node: hv-conf
            sinks:
              file: \(alerts)
            """, in: folder)
        let ingest = try Self.run(["ingest", "--config", conf, Self.sample])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(FileManager.default.fileExists(atPath: db))
        let stats = try Self.run(["query", "stats", "--config", conf, "--format", "jsonl"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains(#""section":"node","name":"hv-conf""#), "\(stats.stdout)")

        // The default file ($SVIRT_TRACE_CONFIG standing in for /etc) is read when present.
        let viaDefault = try Binary.run(["query", "stats", "--format", "jsonl"], environment: ["SVIRT_TRACE_CONFIG": conf])
        #expect(viaDefault.status == 0 && viaDefault.stdout.contains("hv-conf"), "\(viaDefault.stderr)")

        let watch = try Self.run(["watch", "--config", conf, "--stdin", "--db", folder.appendingPathComponent("w.db").path],
                                 stdin: try Data(contentsOf: URL(fileURLWithPath: Self.sample)))
        #expect(watch.status == 0, "\(watch.stderr)")
        let printed = watch.stdout.split(separator: "\n")
        let filed = try String(contentsOfFile: alerts, encoding: .utf8).split(separator: "\n")
        #expect(!printed.isEmpty && filed == printed, "the file sink from the config got every alert")
        #expect(watch.stderr.contains("sinks=file:\(alerts)"), "\(watch.stderr)")
        #expect(!watch.stderr.contains("journal"), "a configured sink: no journal fallback")
    }

    @Test func aFlagOverridesTheFile() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fromFile = folder.appendingPathComponent("file.db").path
        let fromFlag = folder.appendingPathComponent("flag.db").path
        let conf = try Self.write("database: \(fromFile)\nnode: from-file\n", in: folder)
        let r = try Self.run(["ingest", "--config", conf, "--db", fromFlag, "--node", "from-flag", Self.sample])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fromFile))
        let stats = try Self.run(["query", "stats", "--db", fromFlag, "--format", "jsonl"])
        #expect(stats.stdout.contains(#""name":"from-flag""#) && !stats.stdout.contains("from-file"), "\(stats.stdout)")
    }

    @Test func anUnknownKeyIsAnErrorWithItsLine() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let conf = try Self.write("database: /tmp/x.db\nsinks:\n  syslog: true\n  jornal: true\n", in: folder)
        for args in [["config", "check", conf], ["query", "stats", "--config", conf], ["watch", "--config", conf, "--stdin"]] {
            let r = try Self.run(args, stdin: Data())
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("\(conf):4: unknown key `jornal`"), "\(args): \(r.stderr)")
        }
    }

    @Test func aWrongTypeIsAnErrorWithItsLine() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = ["node: hv01\n\nsinks:\n  syslog: \"yes\"\n": "\(folder.path)/svirt-trace.conf:4: `sinks.syslog` must be true or false",
                     "database:\n  - a\n  - b\n": "\(folder.path)/svirt-trace.conf:2: `database` must be a string, not a list",
                     "retention: 90\n": "\(folder.path)/svirt-trace.conf:1: `retention` must be a string, not the number 90",
                     "sinks:\n  exec_timeout: soon\n": "\(folder.path)/svirt-trace.conf:2: `sinks.exec_timeout` must be a number"]
        for (text, message) in cases {
            let conf = try Self.write(text, in: folder)
            let r = try Self.run(["config", "check", conf])
            #expect(r.status == 2 && r.stderr.contains(message), "\(text): \(r.stderr)")
        }
    }

    @Test func aWorldWritableFileOrFolderIsRefused() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let conf = try Self.write("node: hv01\n", in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: conf)
        let file = try Self.run(["config", "check", conf])
        #expect(file.status == 2 && file.stderr.contains("refused: it is world-writable"), "\(file.stderr)")
        let ingest = try Self.run(["ingest", "--config", conf, "--db", folder.appendingPathComponent("x.db").path, Self.sample])
        #expect(ingest.status == 2 && ingest.stderr.contains("world-writable"), "\(ingest.stderr)")

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: conf)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let inFolder = try Self.run(["config", "check", conf])
        #expect(inFolder.status == 2 && inFolder.stderr.contains("in the world-writable folder"), "\(inFolder.stderr)")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        #expect(try Self.run(["config", "check", conf]).status == 0)
    }

    @Test func aMissingConfigOptionIsAnErrorAndAMissingDefaultIsNot() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nope.conf").path
        let r = try Self.run(["query", "stats", "--config", missing, "--db", folder.appendingPathComponent("x.db").path])
        #expect(r.status == 2 && r.stderr.contains("\(missing): cannot read it"), "\(r.stderr)")
        // /dev/null: no file, the built-in defaults.
        let none = try Self.run(["config", "check"])
        #expect(none.status == 0 && none.stdout.hasPrefix("config: none (/dev/null): built-in defaults"), "\(none.stderr)")
        // Only /etc/svirt-trace/svirt-trace.conf may be absent silently (when this machine has none).
        if !FileManager.default.fileExists(atPath: "/etc/svirt-trace/svirt-trace.conf") {
            var environment = ProcessInfo.processInfo.environment
            environment["SVIRT_TRACE_CONFIG"] = nil
            let check = try runProcess(Binary.path, ["config", "check"], environment: environment)
            #expect(check.status == 0, "\(String(decoding: check.stderr, as: UTF8.self))")
            #expect(String(decoding: check.stdout, as: UTF8.self).hasPrefix("config: none (/etc/svirt-trace/svirt-trace.conf is absent)"))
        }
    }

    /// $SVIRT_TRACE_CONFIG names the file as --config does: a mistyped one is not silently skipped.
    @Test func aMissingFileNamedByTheEnvironmentIsAnError() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("typo.conf").path
        for args in [["config", "check"], ["query", "stats", "--db", folder.appendingPathComponent("x.db").path], ["watch", "--stdin"]] {
            let r = try Binary.run(args, stdin: Data(), environment: ["SVIRT_TRACE_CONFIG": missing])
            #expect(r.status == 2 && r.stderr.contains("\(missing): cannot read it: No such file or directory"), "\(args): \(r.stderr)")
        }
    }

    @Test func pruneTakesTheConfigFilesRetentionAndAFlagOverridesIt() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try PruneTests.store(folder, "p.db")
        // PruneTests.now is a minute after the middle of the sample: 1m prunes half of it.
        let now = ["SVIRT_TRACE_NOW": PruneTests.now, "SVIRT_TRACE_CONFIG": "/dev/null"]
        let conf = try Self.write("database: \(db)\nretention: 1m\n", in: folder)
        let fromFile = try Binary.run(["prune", "--config", conf, "--dry-run"], environment: now)
        #expect(fromFile.status == 0 && fromFile.stdout.contains("would delete") && fromFile.stdout.contains("65 audit events (33 denials)"), "\(fromFile.stderr)")
        let overridden = try Binary.run(["prune", "--config", conf, "--dry-run", "--older-than", "1h"], environment: now)
        #expect(overridden.status == 0 && overridden.stdout.contains(" 0 audit events"), "\(overridden.stderr)")
        let neither = try Binary.run(["prune", "--db", db, "--dry-run"], environment: now)
        #expect(neither.status == 2 && neither.stderr.contains("prune needs --older-than DURATION, or retention in the config file"), "\(neither.stderr)")
        let help = try Binary.run(["prune", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("default: the config file's retention"), "\(help)")
        let pruned = try Binary.run(["prune", "--config", conf], environment: now)
        #expect(pruned.status == 0 && pruned.stderr.contains("deleted") && pruned.stderr.contains("65 audit events"), "\(pruned.stderr)")
    }

    /// Watch reads the file once; SIGHUP reloads the rules only, and says when the file changed.
    @Test func sighupSaysThatAChangedConfigFileNeedsARestart() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("audit.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let conf = try Self.write("node: hv01\n", in: folder)
        let watcher = try WatchTests.Watcher(["--config", conf, "--db", folder.appendingPathComponent("s.db").path, "--follow", log.path],
                                             folder: folder)
        func errors() -> String { (try? String(contentsOf: watcher.errors, encoding: .utf8)) ?? "" }
        #expect(watcher.wait { errors().contains("watching") }, "\(errors())")
        kill(watcher.process.processIdentifier, SIGHUP)
        #expect(watcher.wait(seconds: 3) { errors().contains("built-in rules stay in force") })
        #expect(!errors().contains("changed since watch started"), "an unchanged file is not reported")
        _ = try Self.write("node: hv02\n", in: folder)
        kill(watcher.process.processIdentifier, SIGHUP)
        #expect(watcher.wait(seconds: 3) {
            errors().contains("the config file \(conf) changed since watch started; SIGHUP reloads only the rules file: restart watch to apply it (systemctl restart svirt-trace-watch)")
        }, "\(errors())")
        _ = try Self.write("node: [\n", in: folder)
        kill(watcher.process.processIdentifier, SIGHUP)
        #expect(watcher.wait(seconds: 3) { errors().contains("the config file is no longer valid") }, "\(errors())")
        #expect(watcher.terminate() == 0)
        let help = try Self.run(["watch", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("a change takes a restart (systemctl restart svirt-trace-watch)"), "\(help)")
    }

    @Test func configCheckPrintsTheEffectiveSettings() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let conf = try Self.write("""
            database: /var/lib/other/s.db
            node: hv09
            retention: 1y
            sinks:
              exec: [/usr/local/bin/page, /usr/local/bin/ticket]
              journal: true
            digest:
              to: soc@example.org
              mailer: smtp://localhost:25
            """, in: folder)
        let r = try Self.run(["config", "check", conf])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        for line in ["config: \(conf)", "database: /var/lib/other/s.db", "node: hv09", "retention: 1y",
                     "sinks.exec: /usr/local/bin/page, /usr/local/bin/ticket", "sinks.journal: true", "sinks.syslog: false",
                     "digest.to: soc@example.org", "digest.mailer: smtp://localhost:25",
                     "rules: built-in (rules/alerts.yaml)"] {
            #expect(lines.contains(line), "\(line) in \(lines)")
        }
    }

    @Test func theShippedExampleIsValidWithEveryKeyUncommented() throws {
        let shipped = try Self.run(["config", "check", Fixtures.repositoryRoot.appendingPathComponent("rules/svirt-trace.conf").path])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        // `#key:` and `#  - item` lines become settings: the example names every key, each valid.
        let every = try Fixtures.read("rules/svirt-trace.conf").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacingOccurrences(of: #"^( *)#( *- |[a-z_]+:)"#, with: "$1$2", options: .regularExpression)
        }.joined(separator: "\n")
        // config check opens the rules and token files the example names, as watch will: here
        // they are copies in the test's folder.
        let rules = folder.appendingPathComponent("alerts.yaml").path, token = folder.appendingPathComponent("webhook.token").path
        try Fixtures.read("rules/alerts.yaml").write(toFile: rules, atomically: true, encoding: .utf8)
        try "secret\n".write(toFile: token, atomically: true, encoding: .utf8)
        let conf = try Self.write(every.replacingOccurrences(of: "/etc/svirt-trace/alerts.yaml", with: rules)
            .replacingOccurrences(of: "/etc/svirt-trace/webhook.token", with: token), in: folder)
        let r = try Self.run(["config", "check", conf])
        #expect(r.status == 0, "\(r.stderr)")
        let missing = try Self.run(["config", "check", try Self.write(every, in: folder)])
        #expect(missing.status == 2 && missing.stderr.contains("rules: /etc/svirt-trace/alerts.yaml: cannot read it"), "\(missing.stderr)")
        for key in ["node: hv01.example.org", "rules: \(rules)", "retention: 1y",
                    "sinks.file: /var/log/svirt-trace/alerts.jsonl", "sinks.webhook_token_file: \(token)",
                    "digest.from: svirt-trace@hv01.example.org", "digest.sendmail: /usr/sbin/sendmail -t -oi"] {
            #expect(r.stdout.contains(key), "\(key) in \(r.stdout)")
        }
    }

    @Test func pluginModeWithoutSinksSendsAlertsToTheJournalAndSaysSo() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try WatchTests.datagramServer(name: "journal", decode: "def decode(d): return str(len(d))")
        // SIGKILL: the test process may hand its children SIGTERM ignored.
        defer { kill(journal.server.processIdentifier, SIGKILL); try? FileManager.default.removeItem(at: journal.folder) }
        let conf = try Self.write("database: \(folder.appendingPathComponent("p.db").path)\n", in: folder)
        let r = try Self.run(["watch", "--config", conf, "--stdin", "--journal-socket", journal.socket],
                             stdin: try Data(contentsOf: URL(fileURLWithPath: Self.sample)))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("no sink configured: alerts go to the systemd journal"), "\(r.stderr)")
        let alerts = r.stdout.split(separator: "\n").count
        #expect(alerts > 0)
        let deadline = Date().addingTimeInterval(10)
        var received = 0
        repeat {
            received = ((try? String(contentsOfFile: journal.received, encoding: .utf8)) ?? "").split(separator: "\n").count
            if received >= alerts { break }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        #expect(received == alerts, "every alert reached the journal")

    }

    @Test func watchHelpNamesTheLibvirtDefaultAndTheConfigFile() throws {
        let r = try Self.run(["watch", "--help"])
        let help = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("else /run/libvirt/qemu when that folder exists"), "\(help)")
        #expect(help.contains("--config <file>"), "\(help)")
    }
}
