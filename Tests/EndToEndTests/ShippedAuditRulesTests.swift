import Foundation
import Testing
import TestSupport

/// The shipped audit rules must load on a host that lacks what they watch: augenrules merges every
/// rules file into one and `auditctl -R` stops at the first failing line, so one missing folder
/// would drop every rule after it.
@Suite struct ShippedAuditRulesTests {
    /// Folders every Linux host has; the kernel needs a watched path's parent to exist.
    static let alwaysPresentParents: Set<String> = ["/etc", "/var/lib", "/usr/sbin"]

    static func ruleLines() throws -> [String] {
        try Fixtures.read("rules/auditd/svirt-trace.rules").split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The watched path of a `-w PATH ...` line, without a trailing slash.
    static func watchedPath(_ line: String) -> String? {
        let words = line.split(separator: " ").map(String.init)
        guard words.count >= 2, words[0] == "-w" else { return nil }
        var path = words[1]
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    @Test func everyRuleIsAWatchBelowAFolderEveryHostHas() throws {
        let lines = try Self.ruleLines()
        #expect(lines.count >= 6)
        for line in lines {
            // `-F dir=` fails for a missing folder; other forms are not needed here.
            #expect(!line.contains("dir="), "\(line)")
            let path = try #require(Self.watchedPath(line), "not a -w rule: \(line)")
            let parent = (path as NSString).deletingLastPathComponent
            #expect(Self.alwaysPresentParents.contains(parent), "\(line): parent \(parent) may be missing")
            #expect(line.hasSuffix("-k svirt-trace"), "\(line)")
        }
    }

    /// Loads every rule twice under a key of its own, removed again afterwards: as shipped (on a
    /// host without libvirt that covers missing folders) and with its path replaced by a name
    /// missing from the same parent. Needs root and a kernel with audit; skipped otherwise.
    @Test(.enabled(if: auditctlUsable(), "needs root, auditctl and kernel audit"))
    func everyRuleLoadsWhenItsPathIsMissing() throws {
        let key = "svirt-trace-test-\(getpid())-\(UUID().uuidString.prefix(6))"
        defer { _ = try? runProcess(auditctl, ["-D", "-k", key]) }
        let lines = try Self.ruleLines()
        var loaded: [String] = []
        for line in lines {
            let path = try #require(Self.watchedPath(line))
            let parent = (path as NSString).deletingLastPathComponent
            let missing = parent + "/svirt-trace-missing-\(UUID().uuidString.prefix(8))"
            #expect(!FileManager.default.fileExists(atPath: missing))
            loaded.append(line.replacingOccurrences(of: "-k svirt-trace", with: "-k \(key)"))
            loaded.append(line.replacingOccurrences(of: path, with: missing)
                .replacingOccurrences(of: "-k svirt-trace", with: "-k \(key)"))
        }
        let folder = try Fixtures.temporaryFolder("rules")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("test.rules")
        try (loaded.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let load = try runProcess(auditctl, ["-R", file.path])
        #expect(load.status == 0, "\(String(decoding: load.stderr, as: UTF8.self))")
        let listed = try runProcess(auditctl, ["-l", "-k", key])
        let count = String(decoding: listed.stdout, as: UTF8.self).split(separator: "\n").count
        #expect(count == loaded.count)
    }
}

private let auditctl = ["/usr/sbin/auditctl", "/sbin/auditctl"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/sbin/auditctl"

private func auditctlUsable() -> Bool {
    guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: auditctl) else { return false }
    return (try? runProcess(auditctl, ["-s"]).status) == 0
}
