import Foundation
import Testing
import TestSupport

/// Plugin mode under a real auditd: the shipped plugin conf (`path` pointed at the binary under
/// test, `active` turned on), the default config file, and messages sent through the kernel with
/// audit_log_user_message() as libvirt and object managers send them. One auditd at a time: the
/// kernel has one audit connection.
@Suite(.serialized) struct AuditdPluginTests {
    struct Guest {
        var name: String
        var uuid: String
        var level: String
        var pid: Int
    }

    static let web = Guest(name: "web-a", uuid: "5b0cbd7a-0000-4000-8000-00000000000a", level: "s0:c10,c20", pid: 4242)
    static let db = Guest(name: "db-b", uuid: "5b0cbd7a-0000-4000-8000-00000000000b", level: "s0:c30,c40", pid: 4343)
    static let ci = Guest(name: "ci-c", uuid: "5b0cbd7a-0000-4000-8000-00000000000c", level: "s0:c50,c60", pid: 4444)

    /// A guest start as libvirt logs it: selinux and dac labels, its disk, then the start.
    static func start(_ g: Guest) -> [String] {
        let vm = "virt=kvm vm=\"\(g.name)\" uuid=\(g.uuid)"
        return [
            "VIRT_MACHINE_ID \(vm) vm-ctx=system_u:system_r:svirt_t:\(g.level) img-ctx=system_u:object_r:svirt_image_t:\(g.level) model=selinux",
            "VIRT_MACHINE_ID \(vm) vm-ctx=+107:+107 img-ctx=+107:+107 model=dac",
            "VIRT_RESOURCE virt=kvm resrc=disk reason=start vm=\"\(g.name)\" uuid=\(g.uuid) old-disk=\"?\" new-disk=\"/var/lib/libvirt/images/\(g.name).qcow2\"",
            "VIRT_CONTROL virt=kvm op=start reason=booted vm=\"\(g.name)\" uuid=\(g.uuid) vm-pid=\(g.pid)",
        ]
    }

    static func stop(_ g: Guest) -> String {
        "VIRT_CONTROL virt=kvm op=stop reason=destroyed vm=\"\(g.name)\" uuid=\(g.uuid) vm-pid=-1"
    }

    static func avc(from g: Guest, perm: String = "read", target: String, tclass: String = "file", path: String) -> String {
        "USER_AVC avc:  denied  { \(perm) } for pid=\(g.pid) comm=\"qemu-kvm\" path=\"\(path)\" "
            + "scontext=system_u:system_r:svirt_t:\(g.level) tcontext=\(target) tclass=\(tclass) permissive=0"
    }

    static func crossGuest(_ from: Guest, _ to: Guest) -> String {
        avc(from: from, target: "system_u:object_r:svirt_image_t:\(to.level)", path: "/var/lib/libvirt/images/\(to.name).qcow2")
    }

    /// The shipped plugin conf with only `path` pointed at the binary under test, and `active`
    /// turned on (it ships off, so installing a package starts nothing).
    static func pluginConf() throws -> String {
        try Fixtures.read("rules/auditd/plugins.d/svirt-trace.conf").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("path ") || line.hasPrefix("path=") { return "path = \(Binary.path)" }
            if line.hasPrefix("active ") || line.hasPrefix("active=") { return "active = yes" }
            return String(line)
        }.joined(separator: "\n")
    }

    static func config(_ folder: URL, rules: URL? = nil, catchUp: Bool = false) -> String {
        """
        database: \(folder.appendingPathComponent("store.db").path)
        \(rules.map { "rules: \($0.path)" } ?? "")
        \(catchUp ? "catch_up_log: \(folder.appendingPathComponent("audit/log/audit.log").path)" : "")
        sinks:
          file: \(folder.appendingPathComponent("alerts.jsonl").path)

        """
    }

    /// A private auditd, or nil (after saying why in one line) when the host has no audit
    /// netlink and the local run asked to skip; without that variable (CI) the test fails.
    static func auditd(_ folder: URL, rules: URL? = nil, catchUp: Bool = false,
                       settings: [String: String] = [:]) throws -> PrivateAuditd? {
        do {
            return try PrivateAuditd(folder: folder, pluginConf: pluginConf(), config: config(folder, rules: rules, catchUp: catchUp),
                                     auditdSettings: settings)
        } catch {
            // Unavailable (no netlink, another auditd), or no auditctl or auditd at all.
            if ProcessInfo.processInfo.environment[PrivateAuditd.skipVariable] == "1" {
                print("AuditdPluginTests skipped (\(PrivateAuditd.skipVariable)=1): \(error)")
                return nil
            }
            Issue.record("auditd plugin test could not run: \(error) (set \(PrivateAuditd.skipVariable)=1 to skip locally)")
            return nil
        }
    }

    static func alerts(_ folder: URL) -> [[String: Any]] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("alerts.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    static func waitFor(_ what: String, timeout: TimeInterval = 30, in auditd: PrivateAuditd? = nil, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        // What the plugin said, and what auditd logged, to tell a slow machine from a fault.
        let journal = auditd?.journalEntries().compactMap { $0["MESSAGE"] }.joined(separator: "\n") ?? ""
        let log = auditd.flatMap { try? String(contentsOf: $0.auditLog, encoding: .utf8) }.map { $0.split(separator: "\n").suffix(20).joined(separator: "\n") } ?? ""
        let plugins = auditd?.pluginProcesses().map { "\($0.pid) \($0.arguments)" } ?? []
        Issue.record("timed out waiting for \(what)\nplugins: \(plugins)\nplugin's journal:\n\(journal)\nauditd's log (last 20):\n\(log)")
        return false
    }

    static func denials(_ folder: URL) throws -> [[String: Any]] {
        let r = try Binary.run(["query", "denials", "--db", folder.appendingPathComponent("store.db").path, "--format", "json"])
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        return (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func theShippedConfRunsThePluginWhichStoresAttributesAndAlertsEveryDenial() throws {
        let folder = try Fixtures.temporaryFolder("auditd")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let auditd = try Self.auditd(folder) else { return }
        defer { auditd.stop() }
        let plugin = try auditd.waitForPlugin()
        // auditd-plugins(5) passes at most two arguments: the shipped conf fits.
        #expect(plugin.arguments == [Binary.path, "watch", "--stdin"], "\(plugin.arguments)")

        try PrivateAuditd.send(Self.start(Self.web) + Self.start(Self.db) + [
            Self.crossGuest(Self.web, Self.db),
            Self.avc(from: Self.web, target: "system_u:object_r:shadow_t:s0", path: "/etc/shadow"),
            Self.avc(from: Self.db, target: "system_u:object_r:nfs_t:s0", path: "/mnt/nfs/data"),
            Self.stop(Self.db),
        ])
        _ = Self.waitFor("three alerts at the configured sink", in: auditd) { Self.alerts(folder).count >= 3 }
        let kinds = Set(Self.alerts(folder).compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["cross-guest", "guest-host", "needs-boolean"]), "\(kinds)")
        let cross = Self.alerts(folder).first { $0["kind"] as? String == "cross-guest" }
        #expect(cross?["source_vm"] as? String == Self.web.name && cross?["target_vm"] as? String == Self.db.name, "\(cross ?? [:])")
        // The kernel puts the sender's pid first in a USER_AVC: the denied process is the one
        // its message names.
        #expect(cross?["pid"] as? Int == Self.web.pid, "\(cross ?? [:])")

        // SIGTERM to auditd reaches the plugin, which reads what the stream still holds, commits
        // its last transaction and exits: the last records auditd logged are stored too.
        try PrivateAuditd.send([Self.avc(from: Self.web, target: "system_u:object_r:etc_t:s0", path: "/etc/last-words"), Self.stop(Self.web)])
        _ = Self.waitFor("the last records in auditd's log", in: auditd) {
            let log = (try? String(contentsOf: auditd.auditLog, encoding: .utf8)) ?? ""
            return log.contains("/etc/last-words") && log.contains("op=stop reason=destroyed vm=\"\(Self.web.name)\"")
        }
        auditd.stop()
        #expect(kill(plugin.pid, 0) != 0, "the plugin exited with auditd")
        let stored = try Self.denials(folder)
        let byKind = Dictionary(grouping: stored) { $0["kind"] as? String ?? "" }
        let storedCross = try #require(byKind["cross-guest"]?.first, "\(stored)")
        #expect(storedCross["source_vm"] as? String == Self.web.name && storedCross["target_vm"] as? String == Self.db.name)
        #expect(storedCross["pid"] as? Int == Self.web.pid, "\(storedCross)")
        #expect(byKind["guest-host"]?.first?["source_vm"] as? String == Self.web.name, "\(stored)")
        #expect(byKind["guest-host"]?.count == 2, "the denial sent just before auditd's SIGTERM is stored: \(stored)")
        let events = try Binary.run(["query", "events", "--db", folder.appendingPathComponent("store.db").path, "--format", "json"])
        #expect(events.stdout.contains("\"domain-stop\"") && events.stdout.contains(Self.web.uuid), "the stop sent last is stored: \(events.stdout)")
        let boolean = try #require(byKind["needs-boolean"]?.first, "\(stored)")
        #expect(boolean["source_vm"] as? String == Self.db.name && "\(boolean)".contains("virt_use_nfs"), "\(boolean)")

        // Its own log went to the journal, not to the /dev/null auditd gave it as standard error.
        let journal = auditd.journalEntries().filter { $0["SYSLOG_IDENTIFIER"] == "svirt-trace" }
        #expect(journal.contains { $0["MESSAGE"]?.hasPrefix("watching") == true }, "\(journal)")
        #expect(journal.contains { $0["MESSAGE"]?.hasPrefix("watch stopped") == true }, "\(journal)")
        // Its standard output is auditd's /dev/null: it knows, prints nothing there, and says
        // where the alerts go instead.
        #expect(journal.contains { $0["MESSAGE"]?.hasPrefix("standard output goes nowhere") == true && $0["MESSAGE"]?.contains("alerts.jsonl") == true }, "\(journal)")
    }

    @Test func auditdsHangUpReloadsTheRulesAndABadFileKeepsThemInForce() throws {
        let folder = try Fixtures.temporaryFolder("auditd-hup")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("rules.yaml")
        let shipped = try Fixtures.read("rules/alerts.yaml")
        try shipped.write(to: rules, atomically: true, encoding: .utf8)
        guard let auditd = try Self.auditd(folder, rules: rules) else { return }
        defer { auditd.stop() }
        _ = try auditd.waitForPlugin()
        try PrivateAuditd.send(Self.start(Self.web) + Self.start(Self.db) + Self.start(Self.ci) + [Self.crossGuest(Self.web, Self.db)])
        _ = Self.waitFor("the first alert", in: auditd) { Self.alerts(folder).count >= 1 }
        let shippedTitle = try #require(Self.alerts(folder).first?["title"] as? String)

        let reloaded = shipped.replacingOccurrences(of: "title: \"{source} → {target}: {access} (cross-guest)\"",
                                                    with: "title: RELOADED cross-guest rule")
        #expect(reloaded != shipped)
        try reloaded.write(to: rules, atomically: true, encoding: .utf8)
        auditd.hangUp()
        _ = Self.waitFor("the reload in the plugin's log", in: auditd) {
            auditd.journalEntries().contains { $0["MESSAGE"]?.hasPrefix("reloaded rules") == true }
        }
        try PrivateAuditd.send([Self.crossGuest(Self.db, Self.ci)])
        _ = Self.waitFor("the second alert", in: auditd) { Self.alerts(folder).count >= 2 }
        #expect(Self.alerts(folder).dropFirst().first?["title"] as? String == "RELOADED cross-guest rule", "\(Self.alerts(folder))")

        try "rules: [ this is not a rule".write(to: rules, atomically: true, encoding: .utf8)
        auditd.hangUp()
        _ = Self.waitFor("the failed reload in the plugin's log", in: auditd) {
            auditd.journalEntries().contains { $0["MESSAGE"]?.hasPrefix("rules reload failed") == true }
        }
        try PrivateAuditd.send([Self.crossGuest(Self.ci, Self.web)])
        _ = Self.waitFor("the third alert", in: auditd) { Self.alerts(folder).count >= 3 }
        let titles = Self.alerts(folder).compactMap { $0["title"] as? String }
        #expect(titles.count == 3 && titles[0] == shippedTitle && titles[2] == "RELOADED cross-guest rule", "\(titles)")
    }

    /// Without catch_up_log the restarted plugin sees only what auditd hands it from then on:
    /// what the killed one had not stored is lost, and counted here. With it, the restarted
    /// plugin reads auditd's log from the store's mark first, and nothing is lost.
    @Test(arguments: [false, true])
    func aKilledPluginIsRestartedByAuditd(catchUp: Bool) throws {
        let folder = try Fixtures.temporaryFolder("auditd-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let auditd = try Self.auditd(folder, catchUp: catchUp) else { return }
        defer { auditd.stop() }
        let first = try auditd.waitForPlugin()
        try PrivateAuditd.send(Self.start(Self.web))
        // A steady stream of guest-host denials, each a distinct event; the plugin is killed a
        // third of the way through.
        let total = 1500
        let stream = (0..<total).map { i in
            Self.avc(from: Self.web, target: "system_u:object_r:etc_t:s0", path: "/etc/probe-\(i)")
        }
        let sender = Thread { _ = try? PrivateAuditd.send(stream, rate: 1000) }
        sender.start()
        Thread.sleep(forTimeInterval: 0.5)
        try auditd.killPlugin(first.pid)
        let second = try auditd.waitForPlugin(excluding: [first.pid])
        #expect(second.arguments == [Binary.path, "watch", "--stdin"])
        _ = Self.waitFor("the stream to end", timeout: 60, in: auditd) { sender.isFinished }
        Thread.sleep(forTimeInterval: 1)
        auditd.stop()

        let all = try Self.denials(folder)
        let count = all.filter { $0["kind"] as? String == "guest-host" && $0["tcontext"] as? String == "system_u:object_r:etc_t:s0" }.count
        let logged = ((try? String(contentsOf: auditd.auditLog, encoding: .utf8)) ?? "")
            .split(separator: "\n").filter { $0.contains("path=\"/etc/probe-") }.count
        print("auditd plugin SIGKILL (catch_up_log \(catchUp ? "set" : "unset")): \(total) sent, \(logged) in auditd's log, \(count) stored by the plugins; \(logged - count) lost across the restart")
        #expect(logged == total, "auditd's own log has every message")
        if catchUp {
            #expect(count == total, "the restarted plugin caught up from auditd's log")
            let caught = auditd.journalEntries().compactMap { $0["MESSAGE"] }.filter { $0.hasPrefix("caught up from") }
            #expect(caught.count == 2, "one catch-up per start: \(caught)")
        } else {
            #expect(count >= total / 2 && count <= total, "the restarted plugin stored the rest: \(all.count) denials, kinds \(Set(all.compactMap { $0["kind"] as? String }))")
        }
    }

    /// The catch-up starts from the newest stored event, whichever source stored it: a plugin
    /// that stored everything from the stream while auditd rotated its log past num_logs has
    /// lost nothing, and its next start must not say otherwise (no pipeline-gap) nor read the
    /// rotated history again.
    @Test func aCatchUpAfterRotationsTheStreamCoveredReportsNoGap() throws {
        let folder = try Fixtures.temporaryFolder("auditd-rotate")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let auditd = try Self.auditd(folder, catchUp: true, settings: ["max_log_file": "1", "num_logs": "2"]) else { return }
        defer { auditd.stop() }
        let first = try auditd.waitForPlugin()
        try PrivateAuditd.send(Self.start(Self.web))
        let total = 8000
        try PrivateAuditd.send((0..<total).map { i in
            Self.avc(from: Self.web, target: "system_u:object_r:etc_t:s0", path: "/etc/rotate-\(i)")
        }, rate: 4000)
        let db = folder.appendingPathComponent("store.db").path
        func stored() -> Int {
            let r = try? Binary.run(["query", "stats", "--db", db, "--format", "json"])
            let rows = (r.flatMap { try? JSONSerialization.jsonObject(with: Data($0.stdout.utf8)) } as? [[String: Any]]) ?? []
            return rows.filter { $0["section"] as? String == "kind" && $0["name"] as? String == "guest-host" }
                .reduce(0) { $0 + (($1["count"] as? Int) ?? 0) }
        }
        _ = Self.waitFor("the stream stored", timeout: 60, in: auditd) { stored() == total }
        let rotated = (try? FileManager.default.contentsOfDirectory(atPath: auditd.auditLog.deletingLastPathComponent().path)) ?? []
        #expect(rotated.contains("audit.log.1"), "auditd rotated its log: \(rotated)")
        try auditd.killPlugin(first.pid)
        try PrivateAuditd.send([Self.stop(Self.web)])
        // Another stop of the same guest changes nothing stored but makes auditd write again.
        _ = try auditd.waitForPlugin(excluding: [first.pid]) { try PrivateAuditd.send([Self.stop(Self.web)]) }
        _ = Self.waitFor("the second start's catch-up", in: auditd) {
            auditd.journalEntries().compactMap { $0["MESSAGE"] }.filter { $0.hasPrefix("caught up from") }.count == 2
        }
        auditd.stop()
        let events = try Binary.run(["query", "events", "--db", db, "--format", "json"])
        #expect(!events.stdout.contains("pipeline-gap"), "no gap: the stream stored everything \(events.stdout.prefix(2000))")
        #expect(stored() == total)
        let messages = auditd.journalEntries().compactMap { $0["MESSAGE"] }
        #expect(!messages.contains { $0.hasPrefix("pipeline gap") }, "\(messages)")
    }

    /// A config file the plugin refuses makes it exit at every start: the reason must reach the
    /// journal, as its standard error is auditd's /dev/null.
    @Test func aBadConfigFileIsReportedInTheJournal() throws {
        let folder = try Fixtures.temporaryFolder("auditd-badconf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let auditd: PrivateAuditd
        do {
            auditd = try PrivateAuditd(folder: folder, pluginConf: Self.pluginConf(), config: Self.config(folder) + "bogus_key: 1\n")
        } catch {
            if ProcessInfo.processInfo.environment[PrivateAuditd.skipVariable] == "1" { return }
            Issue.record("auditd plugin test could not run: \(error)")
            return
        }
        defer { auditd.stop() }
        try PrivateAuditd.send(Self.start(Self.web))
        _ = Self.waitFor("the config error in the journal", in: auditd) {
            auditd.journalEntries().contains { ($0["MESSAGE"] ?? "").contains("bogus_key") && $0["PRIORITY"] == "3" }
        }
    }
}
