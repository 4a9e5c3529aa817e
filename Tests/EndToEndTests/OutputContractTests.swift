import Foundation
import Testing
import TestSupport
import Formatting

/// Issue 13, "Tables and prose": tables that fit, IDs that paste into explain and evidence, prose
/// that stays prose in a pipe, one type per JSON key held to the published schema/json files,
/// and CSV lists as words. Every check runs the real binary.
@Suite struct OutputContractTests {
    /// The bundled sample (tools/sample) ingested with its libvirt state folder.
    static func sampleStore() throws -> String {
        let folder = try Fixtures.temporaryFolder("contract")
        let db = folder.appendingPathComponent("sample.db").path
        let root = Fixtures.repositoryRoot.appendingPathComponent("tools/sample")
        let ingest = try StoreCLI.run(["ingest", "--db", db, "--libvirt-state", root.appendingPathComponent("run").path,
                                       root.appendingPathComponent("audit.log").path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return db
    }

    static func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// The MCS level of a context (the part after user:role:type).
    static func level(_ context: String) -> String {
        context.split(separator: ":", omittingEmptySubsequences: false).dropFirst(3).joined(separator: ":")
    }

    /// Every query that prints rows, each with the schema its JSON follows, built from what the
    /// store holds (a real ID, guest and label).
    static func queries(_ db: String) throws -> [(schema: String, args: [String])] {
        let denials = jsonLines(try StoreCLI.run(["query", "denials", "--db", db, "--format", "jsonl"]).stdout)
        let cross = try #require(denials.first { $0["kind"] as? String == "cross-guest" })
        let id = try #require(cross["id"] as? String)
        let source = try #require(cross["source_vm"] as? String)
        let target = try #require(cross["target_vm"] as? String)
        let level = Self.level(try #require(cross["scontext"] as? String))
        return [
            ("denials", ["query", "denials"]), ("denials", ["query", "cross-guest", "--detail"]),
            ("cross-guest", ["query", "cross-guest"]), ("events", ["query", "events"]),
            ("who-touched", ["query", "who-touched", target]), ("guest", ["query", "guest", source]),
            ("guest", ["query", "guest", target]), ("label", ["query", "label", level]), ("stats", ["query", "stats"]),
            ("posture", ["query", "posture"]), ("coverage", ["query", "coverage"]), ("guests", ["query", "guests"]),
            ("evidence", ["query", "evidence", id]), ("explain", ["query", "explain", id]),
        ]
    }

    @Test(arguments: ["sample", "hostile"])
    func everyJSONOutputFollowsItsPublishedSchema(store: String) throws {
        let db = store == "sample" ? try Self.sampleStore() : try StoreCLI.store(label: "contract").db
        var schemasSeen: Set<String> = []
        for (schema, args) in try Self.queries(db) {
            let validator = try JSONSchemaValidator(named: schema)
            for format in ["jsonl", "json"] {
                let run = try StoreCLI.run(args + ["--db", db, "--format", format])
                let rows: [[String: Any]]
                if format == "json" {
                    rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]],
                                        "\(args) --format json is one array")
                } else {
                    rows = Self.jsonLines(run.stdout)
                    #expect(rows.count == run.stdout.split(separator: "\n").count, "\(args): every line is one JSON object")
                }
                if run.status == 1 { continue }  // posture and who-touched may find nothing on a store
                #expect(run.status == 0, "\(args): \(run.stderr)")
                #expect(!rows.isEmpty, "\(args)")
                for row in rows {
                    let problems = validator.problems(row)
                    #expect(problems.isEmpty, "\(store) \(args): \(problems)")
                    #expect(Set(row.keys) == validator.propertyNames, "\(args): keys the schema does not list, or the reverse")
                }
                schemasSeen.insert(schema)
            }
        }
        #expect(schemasSeen.isSuperset(of: ["denials", "cross-guest", "events", "guest", "guests", "label", "stats", "evidence", "explain"]))

        // Alerts as watch prints them (JSON lines on a pipe).
        let log = store == "sample"
            ? try String(contentsOfFile: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path, encoding: .utf8)
            : CommandLineTests.hostileLog()
        let folder = try Fixtures.temporaryFolder("contract-watch")
        let watch = try Binary.run(["watch", "--db", folder.appendingPathComponent("w.db").path, "--stdin"], stdin: Data(log.utf8))
        #expect(watch.status == 0, "\(watch.stderr)")
        let alerts = Self.jsonLines(watch.stdout)
        #expect(!alerts.isEmpty)
        let alertSchema = try JSONSchemaValidator(named: "alert")
        for alert in alerts {
            #expect(alertSchema.problems(alert).isEmpty, "\(alertSchema.problems(alert))")
            #expect(Set(alert.keys) == alertSchema.propertyNames)
        }
    }

    @Test func everySchemaFileIsDraft202012AndNamesEveryOutput() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("schema/json")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".schema.json") }
        #expect(Set(names) == Set(["denials", "events", "cross-guest", "who-touched", "guest", "label", "stats", "posture",
                                    "coverage", "evidence", "explain", "alert", "guests"].map { $0 + ".schema.json" }))
        for name in names {
            let validator = try JSONSchemaValidator(named: String(name.dropLast(".schema.json".count)))
            #expect(validator.schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
            #expect(Set(validator.schema["required"] as? [String] ?? []) == validator.propertyNames)
        }
        // The validator itself rejects what it should.
        let denials = try JSONSchemaValidator(named: "denials")
        #expect(!denials.problems(["target_vm": ["a", "b"]]).isEmpty, "an array where a string or null belongs")
        #expect(denials.problems(["kind": "bogus"]).contains { $0.contains("not one of") })
        #expect(denials.problems(["permissive": 1]).contains { $0.contains("not boolean") })
        #expect(denials.problems(["perms": ["read", 3]]).contains { $0.contains("perms[1]") })
    }

    @Test func tablesFitTheTerminalAndWideShowsEverything() throws {
        let db = try Self.sampleStore()
        for columns in [60, 100, 140] {
            let table = try StoreCLI.run(["query", "denials", "--db", db, "--format", "table"], environment: ["COLUMNS": String(columns)])
            #expect(table.status == 0)
            let lines = table.stdout.split(separator: "\n")
            // ID and TIME are never cut; the rest gives way down to 6 columns each.
            let floor = "2296  2025-11-25T03:47:25.113Z".count + 6 * 6 + 2 * 6
            #expect(lines.allSatisfy { $0.count <= max(columns, floor) }, "COLUMNS=\(columns)")
            #expect(lines.contains { $0.contains("…") })
        }
        let narrow = try StoreCLI.run(["query", "denials", "--db", db, "--format", "table"], environment: ["COLUMNS": ""])
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "80 columns without a terminal or $COLUMNS")
        // Every table fits 80 columns: what cannot, even cut to the narrowest, is left out and named.
        for args in [["query", "cross-guest"], ["query", "guests"], ["query", "posture"], ["query", "label", "c645,c776"],
                     ["query", "denials"], ["query", "events"], ["query", "cross-guest", "--detail"]] {
            let fitted = try StoreCLI.run(args + ["--db", db, "--format", "table"], environment: ["COLUMNS": "80"])
            #expect(fitted.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(args): \(fitted.stdout.prefix(400))")
        }
        let crossGuest = try StoreCLI.run(["query", "cross-guest", "--db", db, "--format", "table"], environment: ["COLUMNS": "80"])
        #expect(crossGuest.stderr.contains("columns left out to fit 80 columns: ") && crossGuest.stderr.contains("sample_path"), "\(crossGuest.stderr)")
        let chosen = try StoreCLI.run(["query", "cross-guest", "--db", db, "--format", "table", "-o", "source_vm,last_seen,sample_path"],
                                      environment: ["COLUMNS": "80"])
        #expect(!chosen.stderr.contains("left out") && chosen.stdout.contains("SAMPLE_PATH"), "-o: the operator's columns stay")
        let wide = try StoreCLI.run(["query", "denials", "--db", db, "--format", "table", "--wide"], environment: ["COLUMNS": "60"])
        #expect(!wide.stdout.contains("…"))
        #expect(wide.stdout.contains("/var/lib/libvirt/images/retired.qcow2"))
    }

    /// At 80 columns guest names were cut while each time took 30 columns with its zone
    /// (helper-76): the zone every time shares goes into the header, and names stay whole. Local
    /// times are shown on a terminal only: script(1) gives the command one.
    @Test func aNarrowTableShowsTheSharedZoneOnceAndNamesWhole() throws {
        let db = try Self.sampleStore()
        func onTerminal(_ args: String) throws -> [String] {
            var env = ProcessInfo.processInfo.environment
            env["COLUMNS"] = "80"
            env["TZ"] = "Asia/Kolkata"
            env["NO_COLOR"] = "1"
            let r = try runProcess("/usr/bin/script", ["-qec", "\(Binary.path) \(args) --db \(db)", "/dev/null"], environment: env)
            return String(decoding: r.stdout, as: UTF8.self).replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix("(") }
        }
        let narrow = try onTerminal("query cross-guest")
        #expect(narrow.first?.contains("FIRST_SEEN (+05:30)") == true, "\(narrow)")
        #expect(narrow.count > 1 && !narrow.dropFirst().contains { $0.contains("+05:30") }, "\(narrow)")
        // Guest names whole (an unknown label, s0:c208,c314, may still be cut).
        let sources = narrow.dropFirst().compactMap { $0.split(separator: " ").first }.filter { !$0.hasPrefix("s0:") }
        #expect(!sources.isEmpty && !sources.contains { $0.hasSuffix("…") }, "names whole: \(narrow)")
        #expect(narrow.allSatisfy { $0.count <= 80 }, "\(narrow)")
        let wide = try onTerminal("query cross-guest --wide")
        #expect(wide.count > 1 && wide.dropFirst().allSatisfy { $0.contains("+05:30") }, "\(wide)")
    }

    @Test func hostileTextIsCutAsShownNeverInsideAnEscapeItWouldRun() throws {
        let store = try StoreCLI.store(label: "contract-fit")
        let table = try StoreCLI.run(["query", "denials", "--db", store.db, "--format", "table", "-o", "id,source_vm,comm"],
                                     environment: ["COLUMNS": "30"])
        #expect(table.status == 0)
        #expect(!table.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control characters reached the terminal")
        for line in table.stdout.split(separator: "\n") { #expect(line.count <= 30, "\(line)") }
        // The widest column (the escaped names) gave way; its escapes count as the columns they take.
        #expect(table.stdout.contains("\\x1b]0;pwne…"), "\(table.stdout)")
        #expect(table.stdout.contains("qemu\\x1b[2J"))
    }

    @Test func outputPicksAndOrdersColumnsInEveryFormat() throws {
        let db = try Self.sampleStore()
        let table = try StoreCLI.run(["query", "denials", "--db", db, "--format", "table", "-o", "kind,id", "--wide"])
        #expect(table.stdout.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true) == ["KIND", "ID"])
        let csv = try StoreCLI.run(["query", "denials", "--db", db, "--format", "csv", "--output", "id,perms"])
        #expect(csv.stdout.hasPrefix("id,perms\r\n"))
        let json = Self.jsonLines(try StoreCLI.run(["query", "cross-guest", "--db", db, "--format", "jsonl", "-o", "count,source_vm"]).stdout)
        #expect(!json.isEmpty && json.allSatisfy { Set($0.keys) == ["count", "source_vm"] })
        let bad = try StoreCLI.run(["query", "denials", "--db", db, "-o", "id,bogus"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown field \"bogus\""))
        #expect(bad.stderr.contains("source_vms"), "the valid fields are listed")
        let twice = try StoreCLI.run(["query", "denials", "--db", db, "-o", "id,id", "--format", "json"])
        #expect(twice.status == 2 && twice.stdout.isEmpty && twice.stderr.contains("names \"id\" twice"), "\(twice.stderr)")
    }

    @Test func limitAndReverse() throws {
        let db = try Self.sampleStore()
        func ids(_ extra: [String]) throws -> [String] {
            Self.jsonLines(try StoreCLI.run(["query", "denials", "--db", db, "--format", "jsonl"] + extra).stdout).compactMap { $0["id"] as? String }
        }
        let all = try ids([])
        #expect(all.count == 76)
        #expect(try ids(["-n", "3"]) == Array(all.prefix(3)))
        #expect(try ids(["--reverse"]) == all.reversed())
        #expect(try ids(["--reverse", "--limit", "2"]) == Array(all.reversed().prefix(2)), "the newest two, newest first")
        let table = try StoreCLI.run(["query", "events", "--db", db, "--format", "table", "-n", "2"])
        #expect(table.stdout.split(separator: "\n").count == 3, "a header and two rows")
        #expect(try StoreCLI.run(["query", "denials", "--db", db, "-n", "0"]).status == 2)
    }

    @Test func anIDFromTheTableFeedsExplainAndEvidence() throws {
        for multi in [false, true] {
            let db: String
            if multi {
                // A log with node= (NODE:SERIAL) from the hostile store's shape, node-named.
                let folder = try Fixtures.temporaryFolder("contract-node")
                let log = folder.appendingPathComponent("n.log")
                try CommandLineTests.hostileLog().split(separator: "\n").map { "node=hv-1 " + $0 }.joined(separator: "\n")
                    .appending("\n").write(to: log, atomically: true, encoding: .utf8)
                db = folder.appendingPathComponent("n.db").path
                #expect(try StoreCLI.run(["ingest", "--db", db, log.path]).status == 0)
            } else {
                db = try Self.sampleStore()
            }
            for args in [["query", "denials", "--kind", "cross-guest"], ["query", "cross-guest", "--detail"]] {
                let table = try StoreCLI.run(args + ["--db", db, "--format", "table"], environment: ["COLUMNS": "200"])
                let lines = table.stdout.split(separator: "\n")
                #expect(lines.first?.hasPrefix("ID ") == true)
                let id = String(try #require(lines.dropFirst().first?.split(separator: " ").first))
                #expect(id.hasPrefix(multi ? "hv-1:" : "8"), "\(id)")
                let explain = try StoreCLI.run(["query", "explain", "--db", db, id])
                #expect(explain.status == 0, "\(explain.stderr)")
                #expect(explain.stdout.hasPrefix(id + " "))
                let evidence = try StoreCLI.run(["query", "evidence", "--db", db, id])
                #expect(evidence.status == 0)
                #expect(evidence.stdout.hasPrefix("event \(id) at "))
            }
        }
    }

    @Test func proseStaysProseInAPipeAndJSONOnlyWhenAsked() throws {
        let db = try Self.sampleStore()
        let explain = try StoreCLI.run(["query", "explain", "--db", db, "834"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("What to do:"))
        #expect(!explain.stdout.hasPrefix("{"))
        let evidence = try StoreCLI.run(["query", "evidence", "--db", db, "834"])
        #expect(evidence.stdout.contains("raw:") && evidence.stdout.contains("interpreted:"))
        let guest = try StoreCLI.run(["query", "guest", "--db", db, "ci001"])
        #expect(guest.stdout.hasPrefix("TIME "), "a table, not JSON lines")
        let json = try StoreCLI.run(["query", "explain", "--db", db, "834", "--format", "json"])
        #expect(json.stdout.hasPrefix("[\n{"))
        // Denials and the other tables still give JSON lines to a pipe.
        #expect(try StoreCLI.run(["query", "denials", "--db", db]).stdout.hasPrefix("{"))
    }

    @Test func explainNamesNodePidExePathAndAdvisesByUUID() throws {
        let db = try Self.sampleStore()
        let row = try #require(Self.jsonLines(try StoreCLI.run(["query", "explain", "--db", db, "834", "--format", "jsonl"]).stdout).first)
        let uuid = try #require(row["source_uuid"] as? String)
        let pid = try #require(row["pid"] as? Int)
        let exe = try #require(row["exe"] as? String)
        let path = try #require(row["path"] as? String)
        let prose = try StoreCLI.run(["query", "explain", "--db", db, "834"]).stdout
        #expect(prose.contains("node - "))
        #expect(prose.contains("pid \(pid)"))
        #expect(prose.contains("exe \(exe)"))
        #expect(prose.contains("path \(path)"))
        #expect(prose.contains("virsh suspend \(uuid)"))
        #expect(prose.contains("virsh dump --memory-only \(uuid)"))
        #expect(prose.contains("(\(uuid))"), "the guest is named with its UUID")
    }

    @Test func noMatchesReversedWindowsAndUnknownNodes() throws {
        let db = try Self.sampleStore()
        let none = try StoreCLI.run(["query", "denials", "--db", db, "--kind", "unattributed"])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr == "<no matches>\n")
        let table = try StoreCLI.run(["query", "events", "--db", db, "--kind", "pipeline-gap", "--format", "table"])
        #expect(table.status == 1 && table.stderr.contains("<no matches>"))
        for args in [["query", "denials"], ["query", "events"], ["query", "cross-guest"], ["query", "stats"]] {
            let swapped = try StoreCLI.run(args + ["--db", db, "--since", "2025-11-26", "--until", "2025-11-25"])
            #expect(swapped.status == 2, "\(args)")
            #expect(swapped.stderr.contains("is later than --until"), "\(args)")
        }
        let unknown = try StoreCLI.run(["query", "denials", "--db", db, "--node", "hv9"])
        #expect(unknown.status == 1, "the query still runs, and matches nothing")
        #expect(unknown.stderr.contains("warning: the store has no node named \"hv9\" (known: -)"))
        let known = try StoreCLI.run(["query", "denials", "--db", db, "--node", "-"])
        #expect(known.status == 0)
        #expect(!known.stderr.contains("warning"))
        // An empty name is `-` to the stores: the same rows, and no warning that it is unknown.
        let empty = try StoreCLI.run(["query", "denials", "--db", db, "--node", ""])
        #expect(empty.status == 0 && empty.stdout == known.stdout)
        #expect(!empty.stderr.contains("warning"), "\(empty.stderr)")
    }

    @Test func csvListsAreWordsNotJSON() throws {
        let db = try Self.sampleStore()
        let csv = try StoreCLI.run(["query", "cross-guest", "--db", db, "--format", "csv", "-o", "source_vm,perms,tclasses"])
        #expect(csv.status == 0)
        #expect(!csv.stdout.contains("[") && !csv.stdout.contains("\"\""))
        #expect(csv.stdout.contains("read write") || csv.stdout.contains("read open"), "\(csv.stdout)")
    }

    @Test func displayWidthCountsColumnsNotBytesOrCharacters() {
        #expect(DisplayWidth.of("web01") == 5)
        #expect(DisplayWidth.of("日本語") == 6, "East Asian wide")
        #expect(DisplayWidth.of("e\u{301}") == 1, "a combining mark takes no column")
        #expect(DisplayWidth.of("🔥") == 2)
        #expect(DisplayWidth.truncate("日本語のゲスト", to: 7) == "日本語…")
        #expect(DisplayWidth.truncate("/var/lib/libvirt", to: 8) == "/var/li…")
        #expect(DisplayWidth.truncate("short", to: 8) == "short")
    }

    /// A table measures each cell once and takes the width a cut gives back: that width must be
    /// the cut text's own, whatever the text, or the columns after it slip.
    @Test func aCutGivesTheWidthOfWhatItKept() {
        let texts = ["/var/lib/libvirt/images/a.qcow2", "日本語のゲスト", "e\u{301}e\u{301}e\u{301}e\u{301}", "🔥🔥🔥 fire",
                     "mixed 日本 ascii", "\\x1b]0;pwned", "🇫🇷🇩🇪🇮🇹", "a\u{200B}b\u{200B}c", "", "x", "ab", "❤\u{FE0F}❤\u{FE0F}",
                     // A prepending character (U+0D4E) before a cut: "…" joins its cluster.
                     "mix漢á😀\u{0D4E}\u{FFF0}end", "\u{0D4E}\u{0D4E}\u{0D4E}x"]
        for text in texts {
            let measured = DisplayWidth.of(text)
            for width in 0...(measured + 2) {
                let (cut, used) = DisplayWidth.truncate(text, measured: measured, to: width)
                #expect(used == DisplayWidth.of(cut), "\(text) to \(width): \(cut)")
                #expect(used <= max(width, 0), "\(text) to \(width): \(cut)")
                #expect(cut == DisplayWidth.truncate(text, to: width))
                if measured <= width { #expect(cut == text) } else if width > 0 { #expect(cut.unicodeScalars.last == "…") }
            }
        }
        #expect(DisplayWidth.truncate("/var/lib/libvirt", measured: 16, to: 8) == ("/var/li…", 8))
    }

    /// A cell is escaped and measured in one pass where it is shown as it came: the text and
    /// width must be those of escaping, then measuring.
    @Test func anEscapedCellsWidthIsThatOfItsEscapes() {
        let texts = ["web01", "", "a\\b", "\u{1B}]0;pwned\u{07}", "line\nbreak\ttab", "日本語", "e\u{301}", "\u{202E}evil",
                     "\u{7F}", "🔥", "{\"a\":1}", "x\u{85}y", "\u{FFFD}"]
        for text in texts {
            let (shown, width) = TerminalText.escapeMeasured(text)
            #expect(shown == TerminalText.escape(text), "\(text)")
            #expect(width == DisplayWidth.of(TerminalText.escape(text)), "\(text)")
        }
    }

    @Test func aSerialThatRepeatsAfterARebootPrintsBothAndSaysHowToPickOne() throws {
        let folder = try Fixtures.temporaryFolder("contract-repeat")
        let log = CommandLineTests.hostileLog()
        // The same serials a day later, as after a reboot.
        let later = log.replacingOccurrences(of: "audit(17640", with: "audit(17641")
        #expect(later != log)
        let file = folder.appendingPathComponent("r.log")
        try (log + later).write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("r.db").path
        #expect(try StoreCLI.run(["ingest", "--db", db, file.path]).status == 0)
        let both = try StoreCLI.run(["query", "explain", "--db", db, "510"])
        #expect(both.status == 0)
        #expect(both.stdout.components(separatedBy: "What to do:").count == 3)
        #expect(both.stderr.contains("2 events have the ID 510"))
        let one = try StoreCLI.run(["query", "explain", "--db", db, "510", "--time", "2025-11-24T16:00:10Z"])
        #expect(one.stdout.components(separatedBy: "What to do:").count == 2)
        #expect(one.stderr.isEmpty)
        // evidence: one block per event, each under its own header.
        let evidence = try StoreCLI.run(["query", "evidence", "--db", db, "510"])
        #expect(evidence.stdout.components(separatedBy: "\nraw:\n").count == 3, "\(evidence.stdout)")
        #expect(evidence.stderr.contains("2 events have the ID 510"))
    }

    /// The same serial on two nodes at the same time: two events, said so, and NODE:SERIAL picks.
    @Test func aSerialOnTwoNodesIsTwoEvents() throws {
        let folder = try Fixtures.temporaryFolder("contract-nodes")
        let log = CommandLineTests.hostileLog().split(separator: "\n").map { String($0) }
        let file = folder.appendingPathComponent("n.log")
        try (log.map { "node=hv1 " + $0 } + log.map { "node=hv2 " + $0 }).joined(separator: "\n").appending("\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("n.db").path
        #expect(try StoreCLI.run(["ingest", "--db", db, file.path]).status == 0)
        let both = try StoreCLI.run(["query", "evidence", "--db", db, "510"])
        #expect(both.stdout.contains("event hv1:510") && both.stdout.contains("event hv2:510"), "\(both.stdout)")
        #expect(both.stderr.contains("2 events have the ID 510"), "\(both.stderr)")
        let one = try StoreCLI.run(["query", "evidence", "--db", db, "hv2:510"])
        #expect(!one.stdout.contains("hv1:510") && one.stdout.contains("event hv2:510") && one.stderr.isEmpty)
    }

    /// On a real terminal its own width wins over $COLUMNS (script(1) gives the binary a pty).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func theTerminalsWidthComesFromTheTerminal() throws {
        let db = try Self.sampleStore()
        let command = "stty cols 100; exec '\(Binary.path)' query denials --db '\(db)'"
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "300"
        environment["NO_COLOR"] = "1"
        let run = try runProcess("/usr/bin/script", ["-qec", command, "/dev/null"], environment: environment)
        #expect(run.status == 0, "\(String(decoding: run.stderr, as: UTF8.self))")
        let lines = String(decoding: run.stdout, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { $0.replacingOccurrences(of: "\r", with: "") }
        #expect(lines.first?.hasPrefix("ID") == true, "a table on a terminal")
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.map(\.count).max() ?? 0) columns")
        #expect(lines.contains { $0.contains("…") })
    }
}
