import Foundation
import Testing
@testable import Alerts

/// The hand-written stored form of a dedupe window must read back, through the synthesized
/// Decodable that `restore` uses, as the very window that was stored.
@Suite struct WindowStateJSONTests {
    static let hostile = ["plain", "quote \" backslash \\ slash /", "new\nline\ttab\r", "nul \u{0} bell \u{7} esc \u{1b}[31m",
                          "<script>alert(1)</script>", "'; DROP TABLE alerts; --", "emoji 🛡️ and é", "\u{2028}\u{2029}", ""]

    static func alert(_ text: String, optionals: Bool) -> Alert {
        Alert(id: "n/1764000000.001:\(text.count)/cross-guest", time: 1_764_000_000_001, severity: .critical, title: "t \(text)",
              rule: "r\(text)", kind: "cross-guest", node: optionals ? text : nil, sourceVM: optionals ? text : nil,
              sourceUUID: optionals ? "u" : nil, targetVM: optionals ? text : nil, targetUUID: nil,
              scontext: optionals ? "system_u:system_r:svirt_t:s0:c1,c2" : nil, tcontext: nil, tclass: optionals ? "file" : nil,
              perms: optionals ? [text, "read"] : [], permissive: optionals ? false : nil, pid: optionals ? -5 : nil,
              exe: optionals ? text : nil, path: optionals ? text : nil, count: 3, evidence: "n:\(text.count)",
              hint: optionals ? text : nil)
    }

    @Test(arguments: hostile, [true, false])
    func aStoredWindowReadsBackAsItWas(text: String, optionals: Bool) throws {
        var window = RepeatWindow(start: Int64.min, end: Int64.max, firstID: text, suppressed: 41, last: Self.alert(text, optionals: optionals),
                                  source: optionals ? text : nil, perMinute: 30)
        let decoded = try JSONDecoder().decode(RepeatWindow.self, from: Data(window.stateJSON().utf8))
        #expect(decoded == window)
        // And it is what Foundation's encoder would have stored, as far as a reader can tell.
        let viaEncoder = try JSONDecoder().decode(RepeatWindow.self, from: JSONEncoder().encode(window))
        #expect(decoded == viaEncoder)
    }
}
