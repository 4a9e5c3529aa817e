import Testing
import Findings
import Formatting
@testable import Store

/// An event's detail read back from the store as it was written (watch alerts on guest starts
/// another writer stored first from these rows).
@Suite struct StoredDetailTests {
    static func written(_ detail: [(String, DetailValue)]) -> String {
        JSONText.object(detail.map { ($0.0, $0.1.output) })
    }

    @Test func everyKindOfValueReadsBackInItsOrder() throws {
        let detail: [(String, DetailValue)] = [
            ("zeta", .string("g\"00\\\n<script>'; DROP TABLE events;--\u{1B}]0;x\u{07}é")), ("alpha", .int(-9_223_372_036_854_775_808)),
            ("big", .int(9_007_199_254_740_993)), ("static", .bool(true)), ("dynamic", .bool(false)), ("none", .null),
            ("disks", .strings(["/dev/sda", "a,b", "\"q\""])), ("empty", .strings([])), ("one", .int(1)), ("zero", .int(0)),
        ]
        let back = try #require(StoredDetail.decode(Self.written(detail)))
        #expect(back.map(\.0) == detail.map(\.0))
        #expect(back.map(\.1) == detail.map(\.1))
    }

    @Test func anEmptyObjectIsNoDetail() {
        #expect(StoredDetail.decode("{}")?.isEmpty == true)
    }

    @Test(arguments: ["", "[]", "\"x\"", "{\"a\":1.5}", "{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"a\":1,\"a\":2}", "{\"a\":", "{\"a\" 1}",
                      "{\"a\":1e3}", "nonsense"])
    func whatIsNoFlatDetailIsRefused(text: String) {
        #expect(StoredDetail.decode(text) == nil, "\(text)")
    }
}
