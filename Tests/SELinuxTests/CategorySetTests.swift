import Testing
@testable import SELinux

@Suite struct CategorySetTests {
    @Test(arguments: [
        ("c87,c520", [87, 520], "c87,c520"),
        ("c5", [5], "c5"),
        ("c0.c3", [0, 1, 2, 3], "c0.c3"),
        ("c0.c1", [0, 1], "c0,c1"),
        ("c1,c3.c5,c9", [1, 3, 4, 5, 9], "c1,c3.c5,c9"),
        ("c520,c87", [87, 520], "c87,c520"),
        ("c2,c2", [2], "c2"),
        ("c0.c1023", Array(0...1023), "c0.c1023"),
    ])
    func parsesAndPrintsCanonically(text: String, members: [Int], canonical: String) throws {
        let set = try CategorySet.parse(Substring(text))
        #expect(set.members == members)
        #expect(set.description == canonical)
    }

    @Test(arguments: ["c1024", "c0.c2048", "c99999999"])
    func rejectsCategoriesPastTheLimit(text: String) {
        #expect(throws: SELinuxError.self) { try CategorySet.parse(Substring(text)) }
        do {
            _ = try CategorySet.parse(Substring(text))
        } catch let error as SELinuxError {
            guard case .categoryOutOfRange = error else {
                Issue.record("expected categoryOutOfRange, got \(error)")
                return
            }
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: ["", "c", "x5", "c5.", "c1.c2.c3", "c-1", "c5,,c6", "c 5"])
    func rejectsMalformedText(text: String) {
        #expect(throws: SELinuxError.self) { try CategorySet.parse(Substring(text)) }
    }

    @Test func rejectsBackwardRanges() {
        #expect(throws: SELinuxError.reversedCategoryRange("c9.c3")) { try CategorySet.parse("c9.c3") }
    }

    @Test func subsetIsSetInclusion() throws {
        let small = try CategorySet.parse("c87,c520")
        let big = try CategorySet.parse("c0.c1023")
        #expect(small.isSubset(of: big))
        #expect(!big.isSubset(of: small))
        #expect(small.isSubset(of: small))
        #expect(CategorySet().isSubset(of: small))
    }
}
