import Foundation
import Testing
@testable import Alerts
import Synchronization
import TestSupport

/// Sinks that fail the way real ones do: a command that never reads or never ends, a folder
/// instead of a file, a symbolic link, a full queue.
@Suite struct AlertSinkTests {
    static let json = #"{"id":"-/1.000:1/cross-guest","severity":"critical"}"#

    static func reason(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aCommandThatReadsItsInputAndExitsZeroGetsTheAlert() throws {
        let out = try Fixtures.temporaryFolder("exec").appendingPathComponent("got.json").path
        try ExecSink(command: "cat > '\(out)'", timeout: 5).deliver(Self.json)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.json + "\n")
    }

    @Test func theCommandGetsNoDescriptorOfWatchButItsThreeStandardOnes() throws {
        let folder = try Fixtures.temporaryFolder("exec")
        // Inheritable (no close-on-exec), as a descriptor from watch's own parent would be.
        let fd = open(folder.path, O_RDONLY)
        defer { close(fd) }
        #expect(fd > 2)
        let out = folder.appendingPathComponent("fds").path
        try ExecSink(command: "cat >/dev/null; ls /proc/$$/fd > '\(out)'", timeout: 5).deliver(Self.json)
        let fds = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
        #expect(fds.contains(0) && fds.contains(1), "\(fds)")
        #expect(!fds.contains(fd), "\(fds)")
    }

    @Test func aCommandThatExitsWithoutReadingIsAFailedDeliveryNotACrash() {
        // `true` exits at once: before the fix the write hit a closed pipe (SIGPIPE, or a trap).
        for _ in 0..<20 {
            let reason = Self.reason { try ExecSink(command: "true", timeout: 5).deliver(Self.json) }
            #expect(reason?.contains("without reading the alert") == true, "\(reason ?? "delivered")")
        }
        let big = String(repeating: "x", count: 300_000)  // more than a pipe holds
        let reason = Self.reason { try ExecSink(command: "true", timeout: 5).deliver(big) }
        #expect(reason?.contains("without reading") == true, "\(reason ?? "delivered")")
    }

    @Test func aFailingCommandGivesItsExitStatus() {
        #expect(Self.reason { try ExecSink(command: "cat >/dev/null; exit 3", timeout: 5).deliver(Self.json) }?
            .contains("exit status 3") == true)
    }

    @Test func aCommandPastItsTimeoutIsStoppedEvenIfItIgnoresSIGTERM() throws {
        let folder = try Fixtures.temporaryFolder("exec")
        let marker = folder.appendingPathComponent("pid").path
        let started = Date()
        let reason = Self.reason {
            try ExecSink(command: "echo $$ > '\(marker)'; trap '' TERM; while :; do sleep 0.05; done", timeout: 0.3, grace: 0.3)
                .deliver(Self.json)
        }
        let took = Date().timeIntervalSince(started)
        #expect(reason?.contains("timed out after 0.3 s") == true, "\(reason ?? "delivered")")
        #expect(took >= 0.55 && took < 3, "SIGTERM at 0.3 s, SIGKILL 0.3 s later: \(took) s")
        let pid = try String(contentsOfFile: marker, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "the shell is gone and reaped (no zombie)")
    }

    @Test func anAlertFileThatIsAFolderSaysSo() throws {
        let folder = try Fixtures.temporaryFolder("sink")
        let reason = Self.reason { _ = try FileSink(path: folder.path) }
        #expect(reason?.contains("is a folder") == true, "\(reason ?? "opened")")
        let missing = Self.reason { _ = try FileSink(path: folder.appendingPathComponent("no/such/alerts.jsonl").path) }
        #expect(missing?.contains("No such file or directory") == true, "\(missing ?? "opened")")
    }

    @Test func aTokenFileThatCannotBeReadSaysWhy() throws {
        let folder = try Fixtures.temporaryFolder("sink")
        let missing = Self.reason { _ = try WebhookSink(url: "http://127.0.0.1:9/", tokenFile: folder.appendingPathComponent("none").path) }
        #expect(missing?.contains("No such file or directory") == true, "\(missing ?? "read")")
        let isFolder = Self.reason { _ = try WebhookSink(url: "http://127.0.0.1:9/", tokenFile: folder.path) }
        #expect(isFolder?.contains("is a folder") == true, "\(isFolder ?? "read")")
    }

    @Test func aSymlinkedAlertFileIsJudgedByItsTarget() throws {
        let folder = try Fixtures.temporaryFolder("sink")
        let target = folder.appendingPathComponent("alerts.jsonl").path
        #expect(FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]))
        let link = folder.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let sink = try FileSink(path: link)
        try sink.deliver(Self.json)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.json + "\n")

        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: target)
        #expect(Self.reason { _ = try FileSink(path: link) }?.contains("world-writable") == true, "a writable target is refused")
    }

    @Test func aTargetInAWorldWritableFolderWithoutTheStickyBitIsRefused() throws {
        let folder = try Fixtures.temporaryFolder("sink")
        let open = folder.appendingPathComponent("open")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: open.path)
        let target = open.appendingPathComponent("alerts.jsonl").path
        #expect(FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]))
        let link = folder.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for path in [target, link] {
            let reason = Self.reason { _ = try FileSink(path: path) }
            #expect(reason?.contains("world-writable folder") == true, "\(path): \(reason ?? "opened")")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: open.path)
        _ = try FileSink(path: link)  // sticky, as /tmp: only the owner may replace the file
    }

    /// Holds every delivery until released.
    final class BlockedSink: AlertSink, @unchecked Sendable {
        let name = "blocked"
        let gate = DispatchSemaphore(value: 0)
        func deliver(_ json: String) throws { gate.wait() }
    }

    @Test func aSinkQueueIsBoundedAndItsDropsAreCountedForAReport() {
        let sink = BlockedSink()
        let dispatcher = SinkDispatcher(sinks: [sink], capacity: 3) { _ in }
        for i in 0..<10 {
            dispatcher.send(alert: Int64(i), id: "a\(i)", time: Int64(i) * 1000, json: "{}")
        }
        let failed = dispatcher.takeOutcomes()
        #expect(failed.count == 7, "seven did not fit and failed at once")
        #expect(failed.allSatisfy { !$0.delivered && $0.error?.contains("queue full") == true })
        let drops = dispatcher.takeDrops()
        #expect(drops == [SinkDispatcher.Drops(sink: "blocked", count: 7, firstAlertID: "a3", firstAlertTime: 3000)])
        let report = Alert.queueFull(drops[0], capacity: 3)
        #expect(report.id == "a3/queue-full/blocked")
        #expect(report.count == 7)
        #expect(dispatcher.takeDrops().isEmpty, "counted once")
        for _ in 0..<3 { sink.gate.signal() }
        dispatcher.drain(timeout: 5)
        #expect(dispatcher.takeOutcomes().filter(\.delivered).count == 3)
        #expect(dispatcher.room(for: "blocked") == 3)
    }
}

@Suite struct TrustedRulesFileTests {
    @Test func aSymlinkedRulesFileIsJudgedByItsTarget() throws {
        let folder = try Fixtures.temporaryFolder("rules")
        let target = folder.appendingPathComponent("alerts.yaml").path
        try EmbeddedRules.alertsYAML.write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target)
        let link = folder.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try AlertRules.load(path: link).count == AlertRule.defaults.count, "the link's own mode 0777 means nothing")
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: target)
        #expect(throws: AlertRules.Failure.self) { try AlertRules.load(path: link) }
    }

    @Test func aRulesFileInAWorldWritableFolderWithoutTheStickyBitIsRefused() throws {
        let folder = try Fixtures.temporaryFolder("rules")
        let open = folder.appendingPathComponent("open")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: open.path)
        let target = open.appendingPathComponent("alerts.yaml").path
        try EmbeddedRules.alertsYAML.write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target)
        let link = folder.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for path in [target, link] {
            do {
                _ = try AlertRules.load(path: path)
                Issue.record("\(path) loaded")
            } catch let failure as AlertRules.Failure {
                #expect(failure.reason.contains("world-writable folder"), "\(failure)")
            }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: open.path)
        #expect(try AlertRules.load(path: link).count == AlertRule.defaults.count)
        #expect(throws: AlertRules.Failure.self) { try AlertRules.load(path: folder.path) }
    }
}
