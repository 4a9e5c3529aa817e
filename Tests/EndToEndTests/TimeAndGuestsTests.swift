import Foundation
import Testing
import TestSupport

/// Time words, local time on a terminal, guest spellings and `query guests`, through the binary.
/// "Now" is pinned with $SVIRT_TRACE_NOW and the checkpoint file lives in a temporary
/// $XDG_STATE_HOME, so no test reads the wall clock or the tester's home.
@Suite struct TimeAndGuestsTests {
    static let uuid1 = "6f1c0b3e-2a4d-4c5e-9f10-000000000001"
    static let uuid2 = "6f1c0b3e-2a4d-4c5e-9f10-000000000002"
    static let uuid3 = "6f1c0b3e-2a4d-4c5e-9f10-000000000003"
    static let uuid4 = "6f1c0b3e-2a4d-4c5e-9f10-000000000004"
    /// A name a hostile guest chose: it must reach the terminal escaped, suggestions included.
    static let hostile = "evil\u{1B}]0;x\u{07}"
    /// The cross-guest denial (web-1 reads web-2's disk) is at 2025-11-25T03:46:47.261Z, kvm01:107.
    static let denial = "2025-11-25T03:46:47.261Z"

    /// web-1 and web-2 on kvm01 (web-2 stops after the denial), db-1 on kvm02, the hostile name on kvm02.
    static func log() -> String {
        var lines: [String] = []
        var serial = 100, time = 1_764_042_400
        func stamp() -> String { serial += 1; time += 1; return "\(time).261:\(serial)" }
        func vm(_ name: String) -> String { "vm=" + CommandLineTests.hex(Array(name.utf8)) }
        let subj = "pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023"
        func start(_ node: String, _ name: String, _ uuid: String, _ level: String, _ pid: Int) {
            lines.append("node=\(node) type=VIRT_MACHINE_ID msg=audit(\(stamp())): \(subj) msg='virt=kvm \(vm(name)) uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
            lines.append("node=\(node) type=VIRT_CONTROL msg=audit(\(stamp())): \(subj) msg='virt=kvm op=start reason=booted \(vm(name)) uuid=\(uuid) vm-pid=\(pid) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
        }
        start("kvm01", "web-1", uuid1, "s0:c1,c2", 2001)
        start("kvm01", "web-2", uuid2, "s0:c3,c4", 2002)
        start("kvm02", "db-1", uuid3, "s0:c5,c6", 2003)
        lines.append("node=kvm01 type=AVC msg=audit(\(stamp())): avc:  denied  { read } for  pid=2001 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0")
        lines.append("node=kvm01 type=VIRT_CONTROL msg=audit(\(stamp())): \(subj) msg='virt=kvm op=stop reason=shutdown \(vm("web-2")) uuid=\(uuid2) vm-pid=-1 exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
        start("kvm02", hostile, uuid4, "s0:c7,c8", 2004)
        return lines.joined(separator: "\n") + "\n"
    }

    struct Store {
        var folder: URL
        var db: String
        /// One hour after the denial.
        var environment: [String: String]
    }

    static func store() throws -> Store {
        let folder = try Fixtures.temporaryFolder("time")
        let log = folder.appendingPathComponent("a.log")
        try Self.log().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let state = folder.appendingPathComponent("state").path
        return Store(folder: folder, db: db, environment: ["SVIRT_TRACE_NOW": "2025-11-25T04:46:47.261Z", "XDG_STATE_HOME": state,
                                                            "TZ": "UTC"])
    }

    static func run(_ store: Store, _ args: [String], _ extra: [String: String] = [:]) throws -> StoreCLI.Run {
        try StoreCLI.run(args + ["--db", store.db], environment: store.environment.merging(extra) { $1 })
    }

    static func serials(_ output: String) -> [Int] {
        output.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["serial"] as? Int
        }
    }

    /// The digest's days begin at local midnight, and its title names them by their local
    /// dates: in Berlin the day before 2025-12-01 12:00Z is 2025-11-30, whatever UTC says.
    @Test(arguments: ["Europe/Berlin", "America/Los_Angeles", "UTC"])
    func theDigestTitleNamesTheLocalDay(zone: String) throws {
        let store = try Self.store()
        let r = try Self.run(store, ["digest", "--period", "day", "--format", "text"],
                             ["TZ": zone, "SVIRT_TRACE_NOW": "2025-12-01T12:00:00Z"])
        let first = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasSuffix("day 2025-11-30"), "\(zone): \(first)")
        #expect(r.stdout.contains("Covers 2025-11-30 00:00:00 "), "\(zone): \(r.stdout.prefix(300))")
    }

    // MARK: time input

    /// A link into the zoneinfo folder, as /etc/localtime is: the zone it links to.
    static let linkToTokyo = NSTemporaryDirectory() + "svirt-trace-localtime-tokyo"

    /// TZ as the C library and `date` read it (helper-71): Foundation took `UTC+5` for five hours
    /// east, and a rule, `:Area/City` or a file's path for UTC, silently.
    @Test(arguments: [("UTC+5", "2025-06-01T17:00:00.000Z"), ("<+05>-5", "2025-06-01T07:00:00.000Z"),
                      (":Europe/Berlin", "2025-06-01T10:00:00.000Z"), ("/usr/share/zoneinfo/Asia/Tokyo", "2025-06-01T03:00:00.000Z"),
                      ("Europe/Berlin", "2025-06-01T10:00:00.000Z"), ("", "2025-06-01T12:00:00.000Z"),
                      ("CET-1CEST,M3.5.0,M10.5.0/3", "2025-06-01T12:00:00.000Z"), (Self.linkToTokyo, "2025-06-01T03:00:00.000Z")])
    func localTimesFollowTZAsTheCLibraryReadsIt(tz: String, utc: String) throws {
        if tz == Self.linkToTokyo, !FileManager.default.fileExists(atPath: tz) {
            try FileManager.default.createSymbolicLink(atPath: tz, withDestinationPath: "/usr/share/zoneinfo/Asia/Tokyo")
        }
        let store = try Self.store()
        let r = try Self.run(store, ["query", "denials", "--since", "2025-06-01 12:00", "--until", "@0"], ["TZ": tz])
        #expect(r.status == 2, "\(tz): \(r.stderr)")
        #expect(r.stderr.contains("(\(utc)) is later than"), "\(tz): \(r.stderr)")
        let warned = r.stderr.contains("warning: TZ=\(tz) is a rule with daylight saving time")
        #expect(warned == tz.hasPrefix("CET-1CEST"), "\(tz): \(r.stderr)")
    }

    /// argument-parser read `-1h` as an option; journalctl's forms are times here.
    @Test(arguments: [
        (["--since", "-1h"], [107]), (["--since", "-59min"], []), (["--since=-2h", "--until", "-59min"], [107]),
        (["--since", "2 hours ago", "--until", "59min ago"], [107]), (["--since", "-1h1s", "--until", "-1h"], []),
        (["--since", "-1h", "--until", "-59min59s"], [107]), (["--since", "+1s"], []),
        (["--since", "11/25/2025", "--until", "11/25/2025 03:46:47"], []), (["--since", "11/25/2025 03:46:47"], [107]),
    ])
    func relativeAndSlashedTimes(args: [String], serials: [Int]) throws {
        let store = try Self.store()
        let r = try Self.run(store, ["query", "denials", "--format", "jsonl"] + args)
        #expect(r.status == (serials.isEmpty ? 1 : 0), "\(args): \(r.stderr)")
        #expect(Self.serials(r.stdout) == serials, "\(args)")
        #expect(!r.stderr.contains("Missing value"), "\(args)")
    }

    @Test func slashedDatesAreLocalTime() throws {
        let store = try Self.store()
        // 04:46:48 in Paris is 03:46:48 UTC: web-2 stopped .261 after it.
        let r = try Self.run(store, ["query", "events", "--format", "jsonl", "--since", "11/25/2025 04:46:48",
                                     "--until", "11/25/2025 04:46:49"], ["TZ": "Europe/Paris"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"kind\":\"domain-stop\""))
    }

    @Test(arguments: [["query", "denials"], ["query", "cross-guest"], ["query", "events"], ["query", "stats"]])
    func sinceLaterThanUntilIsAUsageError(command: [String]) throws {
        let store = try Self.store()
        let r = try Self.run(store, command + ["--since", "today", "--until", "yesterday"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("--since today (2025-11-25T00:00:00.000Z) is later than --until yesterday (2025-11-24T00:00:00.000Z)"),
                "\(r.stderr)")
        // A relative time as its own argument: argument-parser's error path once took `-1h` for
        // `-1 -h` and printed the help with status 0. A typo in one is no different.
        for args in [["--since", "now", "--until", "-1h"], ["--since", "-1hx"]] {
            let relative = try Self.run(store, command + args)
            #expect(relative.status == 2 && relative.stdout.isEmpty, "\(args): \(relative.status) \(relative.stdout.prefix(200))")
        }
    }

    @Test func bootIsThisHostsBootTime() throws {
        let store = try Self.store()
        let stat = try String(contentsOfFile: "/proc/stat", encoding: .utf8)
        let btime = try #require(stat.split(separator: "\n").first { $0.hasPrefix("btime ") }.flatMap { Int64($0.dropFirst(6)) })
        let iso = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(btime)))
        // Inverted on purpose: the message names the time boot stands for.
        let r = try Self.run(store, ["query", "denials", "--since", "boot", "--until", "@0"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--since boot (\(iso.dropLast()).000Z)"), "\(r.stderr)")
    }

    @Test func checkpointContinuesWhereTheLastSavedRunEnded() throws {
        let store = try Self.store()
        let none = try Self.run(store, ["query", "denials", "--since", "checkpoint"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no checkpoint saved for"), "\(none.stderr)")
        // A run that matched nothing still saves where its window ended (its --until).
        let first = try Self.run(store, ["query", "denials", "--since", "-2h", "--until", "-1h30min", "--save-checkpoint"])
        #expect(first.status == 1, "\(first.stderr)")
        let file = store.environment["XDG_STATE_HOME"]! + "/svirt-trace/checkpoints"
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.hasPrefix("1764040607261\t"), "\(saved)")
        #expect(saved.hasSuffix("/s.db\n"))
        // -n would leave rows behind the moved checkpoint: refused, and the checkpoint stays.
        for command in [["denials"], ["cross-guest"], ["events"]] {
            let limited = try Self.run(store, ["query"] + command + ["--since", "checkpoint", "--save-checkpoint", "-n", "1"])
            #expect(limited.status == 2, "\(command)")
            #expect(limited.stderr.contains("drop -n"), "\(limited.stderr)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == saved)
        }
        let second = try Self.run(store, ["query", "denials", "--format", "jsonl", "--since", "checkpoint", "--save-checkpoint"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.serials(second.stdout) == [107])
        // Now saved at "now": nothing new since.
        let third = try Self.run(store, ["query", "denials", "--since", "checkpoint"])
        #expect(third.status == 1)
        // Per user: another state folder has none; per database: another store has none.
        let other = try Self.run(store, ["query", "denials", "--since", "checkpoint"], ["XDG_STATE_HOME": store.folder.path + "/other"])
        #expect(other.status == 2)
        let events = try Self.run(store, ["query", "events", "--since", "checkpoint"])
        #expect(events.status == 1, "\(events.stderr)")
    }

    @Test func aCheckpointRunWithoutUntilEndsWhereItsCheckpointIsSoNothingIsReadTwice() throws {
        let store = try Self.store()
        let all = try Self.run(store, ["query", "denials", "--format", "jsonl"])
        let rows = all.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let times = rows.compactMap { ($0["time"] as? String).flatMap { formatter.date(from: $0) } }
        let newest = try #require(times.max())
        // "Now" just before the newest denial: it lies after the checkpoint this run saves.
        let before = String(Int64(newest.timeIntervalSince1970 * 1000) - 1)
        let first = try Self.run(store, ["query", "denials", "--format", "jsonl", "--since", "@0", "--save-checkpoint"],
                                 ["SVIRT_TRACE_NOW": before])
        let second = try Self.run(store, ["query", "denials", "--format", "jsonl", "--since", "checkpoint"],
                                  ["SVIRT_TRACE_NOW": String(Int64(newest.timeIntervalSince1970 * 1000) + 60_000)])
        let a = Self.serials(first.stdout), b = Self.serials(second.stdout)
        #expect(!b.isEmpty, "the newest denial comes with the next run")
        #expect(Set(a).isDisjoint(with: b), "read twice: \(Set(a).intersection(b))")
        #expect((a + b).sorted() == Self.serials(all.stdout).sorted())
    }

    // MARK: time output

    /// The command in a pseudo-terminal (util-linux script), so that standard output is a tty.
    static func onTerminal(_ store: Store, _ args: [String], _ extra: [String: String]) throws -> (status: Int32, output: String) {
        let quoted = ([Binary.path] + args + ["--db", store.db]).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var environment = ProcessInfo.processInfo.environment.merging(store.environment) { $1 }.merging(extra) { $1 }
        environment["NO_COLOR"] = "1"
        let r = try runProcess("/usr/bin/script", ["-qec", quoted.joined(separator: " "), "/dev/null"], environment: environment)
        return (r.status, String(decoding: r.stdout, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func aTerminalShowsLocalTimeWithItsOffsetAndUTCOnRequest() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let store = try Self.store()
        let paris = ["TZ": "Europe/Paris"]
        let table = try Self.onTerminal(store, ["query", "denials", "--wide"], paris)
        #expect(table.status == 0)
        #expect(table.output.contains("2025-11-25 04:46:47.261 +01:00"), "\(table.output)")
        #expect(!table.output.contains(Self.denial))
        // Too wide for the terminal's 80 columns: the zone once, in the header.
        let fitted = try Self.onTerminal(store, ["query", "denials"], paris)
        #expect(fitted.output.contains("TIME (+01:00)") && fitted.output.contains("2025-11-25 04:46:47.261 "), "\(fitted.output)")
        #expect(!fitted.output.contains("04:46:47.261 +01:00"), "\(fitted.output)")
        let kolkata = try Self.onTerminal(store, ["query", "guests", "--node", "kvm02", "--wide"], ["TZ": "Asia/Kolkata"])
        #expect(kolkata.output.contains("2025-11-25 09:16:45.261 +05:30"), "\(kolkata.output)")
        let utc = try Self.onTerminal(store, ["query", "denials", "--utc"], paris)
        #expect(utc.output.contains(Self.denial), "\(utc.output)")
        let prose = try Self.onTerminal(store, ["query", "explain", "kvm01:107"], paris)
        #expect(prose.output.hasPrefix("kvm01:107 2025-11-25 04:46:47.261 +01:00 cross-guest"), "\(prose.output)")
        // JSON and CSV stay ISO-8601 UTC, on a terminal too.
        for format in ["json", "jsonl", "csv"] {
            let r = try Self.onTerminal(store, ["query", "denials", "--format", format], paris)
            #expect(r.output.contains(Self.denial), "\(format): \(r.output)")
            #expect(!r.output.contains("+01:00"), "\(format)")
        }
        // Off a terminal, tables keep UTC (a file or a pipe is read by programs too).
        let piped = try Self.run(store, ["query", "denials", "--format", "table"], paris)
        #expect(piped.stdout.contains(Self.denial))
    }

    // MARK: guests

    @Test(arguments: ["web-1", "6F1C0B3E2A4D4C5E9F10000000000001", "6f1c0b3e2a4d4c5e9f10000000000001",
                      "6F1C0B3E-2A4D-4C5E-9F10-000000000001", "kvm01/web-1", "kvm01/6f1c0b3e2a4d4c5e9f10000000000001"])
    func aGuestBySpelling(spelling: String) throws {
        let store = try Self.store()
        let denials = try Self.run(store, ["query", "denials", "--format", "jsonl", "--vm", spelling, "--as", "source"])
        #expect(denials.status == 0, "\(spelling): \(denials.stderr)")
        #expect(Self.serials(denials.stdout) == [107])
        let timeline = try Self.run(store, ["query", "guest", "--format", "jsonl", spelling])
        #expect(timeline.status == 0, "\(spelling): \(timeline.stderr)")
        #expect(timeline.stdout.contains("\"uuid\":\"\(Self.uuid1)\""))
        #expect(!timeline.stdout.contains(Self.uuid2))
        let events = try Self.run(store, ["query", "events", "--format", "jsonl", "--vm", spelling])
        #expect(events.status == 0, "\(spelling): \(events.stderr)")
        let who = try Self.run(store, ["query", "who-touched", "--format", "jsonl", spelling.replacingOccurrences(of: "web-1", with: "web-2")
                                        .replacingOccurrences(of: "000000000001", with: "000000000002")])
        #expect(who.status == 0, "\(spelling): \(who.stderr)")
        #expect(who.stdout.contains("\"source_vm\":\"web-1\""))
    }

    @Test(arguments: [
        (["query", "denials", "--vm", "web1"], "did you mean web-1?"),
        (["query", "guest", "wbe-1"], "did you mean web-1?"),
        (["query", "who-touched", "WEB-2"], "did you mean web-2?"),
        (["query", "events", "--vm", "db1"], "did you mean db-1?"),
        (["query", "guest", "kvm02/web-1"], "on kvm02; did you mean kvm01/web-1?"),
        (["query", "cross-guest", "--vm", "web-1", "--node", "kvm02"], "on kvm02"),
        (["query", "stats", "--vm", "nothing-like-it"], "in the database"),
    ])
    func aMissSuggestsCloseNames(args: [String], message: String) throws {
        let store = try Self.store()
        let r = try Self.run(store, args)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no guest named"), "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        if message == "in the database" { #expect(!r.stderr.contains("did you mean")) }
    }

    @Test func aHostileNameInASuggestionIsEscaped() throws {
        let store = try Self.store()
        let r = try Self.run(store, ["query", "guest", "evil\u{1B}]0;y\u{07}"])
        #expect(r.status == 1)
        #expect(!r.stderr.contains("\u{1B}"))
        #expect(!r.stderr.contains("\u{07}"))
        #expect(r.stderr.contains("did you mean evil\\x1b]0;x\\x07?"), "\(r.stderr)")
    }

    // MARK: query guests

    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func guestsListsWhatTheStoreKnows() throws {
        let store = try Self.store()
        let all = try Self.objects(try Self.run(store, ["query", "guests", "--format", "jsonl"]).stdout)
        #expect(all.map { $0["vm"] as? String } == ["web-1", "web-2", "db-1", Self.hostile])
        let keys = ["node", "vm", "uuid", "label", "pid", "since", "until", "running", "last_seen", "origin"]
        for row in all { #expect(Set(row.keys) == Set(keys)) }
        let web2 = all[1]
        #expect(web2["node"] as? String == "kvm01")
        #expect(web2["uuid"] as? String == Self.uuid2)
        #expect(web2["label"] as? String == "system_u:system_r:svirt_t:s0:c3,c4")
        #expect(web2["pid"] as? Int == 2002)
        #expect(web2["since"] as? String == "2025-11-25T03:46:43.261Z")
        #expect(web2["until"] as? String == "2025-11-25T03:46:48.261Z")
        #expect(web2["running"] as? Bool == false)
        #expect(web2["last_seen"] as? String == "2025-11-25T03:46:48.261Z")
        #expect(web2["origin"] as? String == "audit")
        // web-1's last sight is its denial.
        #expect(all[0]["last_seen"] as? String == Self.denial)

        let running = try Self.objects(try Self.run(store, ["query", "guests", "--format", "jsonl", "--running"]).stdout)
        #expect(running.map { $0["vm"] as? String } == ["web-1", "db-1", Self.hostile])
        let kvm02 = try Self.objects(try Self.run(store, ["query", "guests", "--format", "jsonl", "--node", "kvm02"]).stdout)
        #expect(kvm02.map { $0["uuid"] as? String } == [Self.uuid3, Self.uuid4])
        // At the denial: the hostile guest had not started; web-2 was still running.
        let then = try Self.objects(try Self.run(store, ["query", "guests", "--format", "jsonl", "--running", "--at", Self.denial]).stdout)
        #expect(then.map { $0["vm"] as? String } == ["web-1", "web-2", "db-1"])
        #expect(then[1]["until"] is NSNull)
        #expect(then[1]["last_seen"] as? String == Self.denial)
        let early = try Self.run(store, ["query", "guests", "--at", "@1000"])
        #expect(early.status == 1)

        let csv = try Self.run(store, ["query", "guests", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("node,vm,uuid,label,pid,since,until,running,last_seen,origin\r\n"))
        #expect(csv.stdout.contains("kvm01,web-2,\(Self.uuid2),\"system_u:system_r:svirt_t:s0:c3,c4\",2002,"))
        let json = try Self.run(store, ["query", "guests", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 4)
        let table = try Self.run(store, ["query", "guests", "--format", "table", "--wide"])
        #expect(table.stdout.hasPrefix("NODE   VM"))
        #expect(!table.stdout.contains("\u{1B}"))
        #expect(table.stdout.contains("evil\\x1b]0;x\\x07"))
    }
}
