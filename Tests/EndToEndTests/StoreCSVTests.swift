import Foundation
import Testing
@testable import Store
import TestSupport
import Formatting

/// Item 16: CSV a spreadsheet opens without running anything and a terminal shows without
/// obeying anything, still RFC 4180.
@Suite struct StoreCSVTests {
    static let names = ["=HYPERLINK(\"http://x\")", "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "\tTAB", "\rCR",
                        "bell\u{07}esc\u{1B}[31mred", "plain,with \"quotes\""]

    /// Guests named `names` attack each other in a ring: one cross-guest denial each.
    static func log() -> String {
        var lines: [String] = []
        var serial = 700
        var time = 1_764_000_000
        func stamp() -> String { serial += 1; time += 1; return "\(time).250:\(serial)" }
        for (i, name) in names.enumerated() {
            let uuid = String(format: "00000000-0000-0000-0000-%012d", i + 1)
            let level = "s0:c\(i + 10),c\(i + 100)"
            let vm = "vm=" + CommandLineTests.hex(Array(name.utf8))
            lines.append("type=VIRT_MACHINE_ID msg=audit(\(stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm \(vm) uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
            lines.append("type=VIRT_CONTROL msg=audit(\(stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm op=start reason=booted \(vm) uuid=\(uuid) vm-pid=\(1000 + i) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
        }
        for i in names.indices {
            let j = (i + 1) % names.count
            lines.append("type=AVC msg=audit(\(stamp())): avc:  denied  { read } for  pid=\(1000 + i) comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c\(i + 10),c\(i + 100) tcontext=system_u:object_r:svirt_image_t:s0:c\(j + 10),c\(j + 100) tclass=file permissive=0")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The CSV as Python's csv module reads it: rows of column to cell.
    static func parse(_ csv: String) throws -> [[String: String]] {
        let r = try runProcess("/usr/bin/env", ["python3", "-c", "import csv,sys,json; print(json.dumps(list(csv.DictReader(sys.stdin))))"],
                               stdin: Data(csv.utf8))
        return try JSONSerialization.jsonObject(with: r.stdout) as? [[String: String]] ?? []
    }

    @Test func hostileNamesAreInertAndVisibleInCSV() throws {
        let folder = try Fixtures.temporaryFolder("csv")
        let log = folder.appendingPathComponent("a.log")
        try Self.log().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(ingest.stderr.contains("\(Self.names.count) denials (cross-guest=\(Self.names.count))"), "\(ingest.stderr)")

        for report in [["denials"], ["cross-guest"], ["who-touched", Self.names[0]], ["label", "c10,c100"], ["events"]] {
            let csv = try StoreCLI.run(["query"] + report + ["--db", db, "--format", "csv"])
            #expect(csv.status == 0, "\(report): \(csv.stderr)")
            // Nothing a terminal obeys: only the CRLF row ends are control characters.
            let controls = csv.stdout.replacingOccurrences(of: "\r\n", with: "").unicodeScalars.filter { $0.value < 0x20 || $0.value == 0x7F }
            #expect(controls.isEmpty, "\(report): raw control characters \(controls.map(\.value))")
            let rows = try Self.parse(csv.stdout)
            #expect(!rows.isEmpty, "\(report)")
            for row in rows {
                for (key, cell) in row {
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(where: { cell.hasPrefix($0) }) || cell == "-",
                            "\(report) \(key): live formula cell \(cell.debugDescription)")
                }
            }
        }
        let rows = try Self.parse(try StoreCLI.run(["query", "denials", "--db", db, "--format", "csv"]).stdout)
        let expected = Set(Self.names.map { name -> String in
            let visible = TerminalText.escape(name)
            return ["=", "+", "-", "@"].contains(where: { visible.hasPrefix($0) }) ? "'" + visible : visible
        })
        #expect(Set(rows.compactMap { $0["source_vm"] }) == expected)
        #expect(expected.contains("'=HYPERLINK(\"http://x\")") && expected.contains("bell\\x07esc\\x1b[31mred")
                && expected.contains("\\tTAB") && expected.contains("'-2+3"))
        // Numbers stay numbers.
        #expect(rows.allSatisfy { Int($0["pid"] ?? "") != nil && Int($0["serial"] ?? "") != nil })
        let help = try StoreCLI.run(["query", "denials", "--help"])
        #expect(help.stdout.contains("single quote") && help.stdout.contains("OWASP"))
    }
}
