import Foundation
import Testing
import Store
import TestSupport

/// Every real log in ../shared/corpus ingests without a crash, and stores the AVC records that
/// ausearch finds.
@Suite struct CorpusTests {
    static let files: [String] = {
        guard let walker = FileManager.default.enumerator(atPath: Fixtures.corpus.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { !$0.hasSuffix(".md") }.sorted().filter {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: Fixtures.corpus.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }
    }()

    /// Files where svirt-trace keeps more AVC records than ausearch prints, and why. ausearch
    /// loses a good record that follows a malformed one with the same time stamp; svirt-trace
    /// reports the malformed line and keeps the good one.
    static let keptBeyondAusearch: [String: Int] = [
        "fedora-selinux-policy-commitmsg-audit-lines.log": 1,
    ]

    @Test func theCorpusIsThere() {
        #expect(Self.files.count > 200, "expected ../shared/corpus beside the checkout")
    }

    @Test(arguments: files)
    func ingestsAndStoresWhatAusearchFinds(file: String) throws {
        let path = Fixtures.corpus.appendingPathComponent(file).path
        let probe = try StoreProbe(label: "corpus")
        try probe.ingest([path])
        let stored = try probe.count("SELECT count(*) FROM avc_records WHERE record_type = 'AVC'")
        let ausearch = try runProcess("/usr/bin/env", ["ausearch", "-if", path, "-m", "AVC", "--raw"])
        #expect(ausearch.status == 0 || ausearch.status == 1, "ausearch is missing: apt-get install auditd")
        let printed = String(decoding: ausearch.stdout, as: UTF8.self).split(separator: "\n").filter {
            $0.hasPrefix("type=AVC ") || ($0.hasPrefix("node=") && $0.contains(" type=AVC "))
        }.count
        #expect(stored == Int64(printed + (Self.keptBeyondAusearch[file] ?? 0)), "\(file)")
    }
}
