import Testing
@testable import SELinux

@Suite struct SecurityContextTests {
    @Test func parsesAnsVirtProcessLabel() throws {
        let context = try SecurityContext.parse("system_u:system_r:svirt_t:s0:c87,c520")
        #expect(context.user == "system_u")
        #expect(context.role == "system_r")
        #expect(context.type == "svirt_t")
        #expect(context.level == MLSLevel(sensitivity: 0, categories: try CategorySet([87, 520])))
        #expect(context.range?.isSingleLevel == true)
    }

    @Test func keepsEveryColonOfARange() throws {
        let context = try SecurityContext.parse("system_u:system_r:virtd_t:s0-s0:c0.c1023")
        #expect(context.type == "virtd_t")
        #expect(context.range?.low == MLSLevel(sensitivity: 0))
        #expect(context.range?.high.categories.count == 1024)
        #expect(context.description == "system_u:system_r:virtd_t:s0-s0:c0.c1023")
    }

    @Test func acceptsAContextWithoutLevel() throws {
        let context = try SecurityContext.parse("user_u:system_r:vpnc_t")
        #expect(context.range == nil)
        #expect(context.level == nil)
        #expect(context.description == "user_u:system_r:vpnc_t")
    }

    @Test(arguments: [
        "system_u:system_r", "system_u::svirt_t:s0", "", "a:b:c:", "a:b:c:s0:", "a:b:c:x0",
        "a:b:c:s0:c1024", "a:b:c:s16", "a:b:c:s0:c5-s0", "a:b:c:s0-s0-s0", "a:b;rm:c:s0",
    ])
    func rejectsMalformedContexts(text: String) {
        #expect(throws: SELinuxError.self) { try SecurityContext.parse(text) }
    }

    @Test func rejectsARangeWhoseHighDoesNotDominateItsLow() {
        #expect(throws: SELinuxError.self) { try SecurityContext.parse("u:r:t:s0:c1,c2-s0:c1") }
    }

    @Test(arguments: [
        ("s0:c87,c520", "s0:c87,c520", true),
        ("s0:c0.c1023", "s0:c87,c520", true),
        ("s0:c87,c520", "s0:c12,c34", false),
        ("s0:c87,c520", "s0:c87", true),
        ("s0:c87", "s0:c87,c520", false),
        ("s1", "s0", true),
        ("s0", "s1", false),
        ("s0:c5", "s0", true),
    ])
    func dominance(a: String, b: String, dominates: Bool) throws {
        #expect(try MLSLevel.parse(a).dominates(try MLSLevel.parse(b)) == dominates)
    }
}
