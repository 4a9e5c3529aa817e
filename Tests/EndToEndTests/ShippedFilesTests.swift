import Foundation
import Testing
import TestSupport

/// The files operators install must say what auditd and systemd need.
@Suite struct ShippedFilesTests {
    @Test func theAuditdPluginRunsWatchOnStandardInput() throws {
        let conf = try Fixtures.settings("rules/auditd/plugins.d/svirt-trace.conf")
        // Shipped off, like distributions' plugin confs: an install must not start it.
        #expect(conf["active"] == "no")
        #expect(conf["direction"] == "out")
        #expect(conf["type"] == "always")
        #expect(conf["format"] == "string")
        // auditd-plugins(5) passes at most two args; the rest comes from the config file.
        #expect(conf["args"] == "watch --stdin")
    }

    @Test func theAuditRulesWatchWhatTheIssueNames() throws {
        let rules = try Fixtures.read("rules/auditd/svirt-trace.rules").split(separator: "\n").filter { $0.hasPrefix("-w ") }
        // /var/lib/libvirt/ covers the images pool; enforce switches come as MAC_STATUS records.
        for path in ["/etc/libvirt/", "/var/lib/libvirt/", "/etc/selinux/",
                     "/usr/sbin/setenforce", "/usr/sbin/setsebool", "/usr/sbin/semanage"] {
            #expect(rules.contains { $0.hasPrefix("-w \(path) ") && $0.contains("-k svirt-trace") }, "\(path)")
        }
    }

    @Test func theServiceIsHardened() throws {
        let unit = try Fixtures.settings("rules/systemd/svirt-trace-watch.service")
        #expect(unit["ProtectSystem"] == "strict")
        #expect(unit["NoNewPrivileges"] == "yes")
        #expect(unit["ReadWritePaths"] == "/var/lib/svirt-trace")
        #expect(unit["CapabilityBoundingSet"] == "CAP_DAC_READ_SEARCH")
        #expect(unit["ExecStart"]?.contains("watch --follow") == true)
        // A lasting failure restarts slower than systemd's start limit (5 in 10 s) counts.
        #expect(unit["Restart"] == "on-failure")
        #expect(unit["RestartSec"].flatMap { Int($0.dropLast()) }.map { $0 * 5 > 10 } == true)
        // Database, node, sinks and the libvirt folder come from /etc/svirt-trace/svirt-trace.conf.
        #expect(unit["ExecStart"]?.contains("--db") == false)
    }
}
