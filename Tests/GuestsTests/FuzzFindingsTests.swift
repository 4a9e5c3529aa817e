import Foundation
import Testing
@testable import Guests
import TestSupport

/// Inputs tools/fuzz found (Tests/Fixtures/fuzz/), minimised. While such a bug is open the input
/// traps, so each runs as an exit test: in a child process, failing cleanly instead of taking the
/// whole test run down. Exit codes: 2 fixture unreadable, 3 accepted, 4 wrong error.
@Suite struct DomainStatusFuzzFindingsTests {
    /// fuzz-domain-status: an element name, attribute name, comment, processing-instruction
    /// target or entity reference that is not UTF-8 trapped inside FoundationXML: libxml2 (in the recovery mode
    /// XMLParser asks for) passes the bytes on, and XMLParser's callbacks force-unwrap them as
    /// UTF-8 (swift-corelibs-foundation, Swift 6.3.1). A status file must be refused with a
    /// GuestsError, not crash `ingest` or `watch`.
    @Test(arguments: ["domain-status-invalid-utf8-element-name.xml", "domain-status-invalid-utf8-attribute-name.xml",
                      "domain-status-invalid-utf8-comment.xml", "domain-status-invalid-utf8-processing-instruction.xml",
                      "domain-status-invalid-utf8-entity-name.xml"])
    func aNameThatIsNotUTF8IsAnErrorNotATrap(fixture: String) async {
        await #expect(processExitsWith: .success) { [fixture] in
            let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz/\(fixture)")
            guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { exit(2) }
            do {
                _ = try DomainStatusParser.parse(data: data, file: "x.xml")
                exit(3)
            } catch is GuestsError {
            } catch {
                exit(4)
            }
        }
    }
}
