import Foundation
import Testing
import TestSupport

/// The files operators install must say what auditd and systemd need.
@Suite struct ShippedFilesTests {
    static func settings(_ path: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try Fixtures.read(path).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { out[parts[0]] = parts[1] }
        }
        return out
    }

    @Test func theAuditdPluginRunsWatchOnStandardInput() throws {
        let conf = try Self.settings("rules/auditd/plugins.d/svirt-trace.conf")
        #expect(conf["active"] == "yes")
        #expect(conf["direction"] == "out")
        #expect(conf["type"] == "always")
        #expect(conf["format"] == "string")
        #expect(conf["args"]?.contains("watch --stdin") == true)
    }

    @Test func theAuditRulesWatchWhatTheIssueNames() throws {
        let rules = try Fixtures.read("rules/auditd/svirt-trace.rules").split(separator: "\n").filter { $0.hasPrefix("-w ") }
        for path in ["/etc/libvirt/", "/var/lib/libvirt/images/", "/etc/selinux/", "/sys/fs/selinux/enforce",
                     "/usr/sbin/setenforce", "/usr/sbin/setsebool", "/usr/sbin/semanage"] {
            #expect(rules.contains { $0.hasPrefix("-w \(path) ") && $0.contains("-k svirt-trace") }, "\(path)")
        }
    }

    @Test func theServiceIsHardened() throws {
        let unit = try Self.settings("rules/systemd/svirt-trace-watch.service")
        #expect(unit["ProtectSystem"] == "strict")
        #expect(unit["NoNewPrivileges"] == "yes")
        #expect(unit["ReadWritePaths"] == "/var/lib/svirt-trace")
        #expect(unit["CapabilityBoundingSet"] == "CAP_DAC_READ_SEARCH")
        #expect(unit["ExecStart"]?.contains("watch --follow") == true)
    }
}
