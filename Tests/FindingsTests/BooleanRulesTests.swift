import Foundation
import Testing
@testable import Findings
import TestSupport

@Suite struct BooleanRulesTests {
    @Test func theEmbeddedCopyMatchesRulesFolder() throws {
        #expect(EmbeddedData.virtBooleansTSV == (try Fixtures.read("rules/virt-booleans.tsv")),
                "the embedded copy differs from rules/virt-booleans.tsv")
    }

    @Test func everyBooleanOfTheSeedIsCovered() {
        let booleans = Set(BooleanRules.standard.rules.map(\.boolean))
        #expect(booleans == ["virt_use_nfs", "virt_use_samba", "virt_use_fusefs", "virt_use_usb", "virt_use_sysfs",
                             "virt_use_comm", "virt_use_xserver", "virt_use_sanlock", "virt_use_rawip", "virt_use_execmem"])
        #expect(BooleanRules.standard.rules.allSatisfy { !$0.tradeOff.isEmpty })
    }

    @Test(arguments: [
        ("virt_use_nfs\tttype", 1),
        ("# c\nvirt_use_nfs\tcolour\tnfs_t", 2),
        ("\n\nvirt_use_nfs\tttype\t", 3),
    ])
    func malformedRulesNameTheirLine(text: String, line: Int) {
        #expect(throws: BooleanRules.ParseError.self) { try BooleanRules.parse(text) }
        do { _ = try BooleanRules.parse(text) } catch let error as BooleanRules.ParseError {
            #expect(error.line == line)
        } catch { Issue.record("\(error)") }
    }
}
