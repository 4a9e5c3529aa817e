import Testing
import Formatting
@testable import Digest

@Suite struct HiddenCharacterTests {
    /// Characters that hide or reorder text (helper-71): `web\u{200B}01` looked exactly like
    /// `web01` in a table, U+061C reordered it, and JSON lines printed to a terminal carried C1
    /// controls (U+009B is CSI) and overrides raw.
    @Test func invisibleAndReorderingCharactersAreShown() throws {
        let hidden: [UInt32] = [0x00AD, 0x034F, 0x061C, 0x115F, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2064, 0x206F,
                                0x3164, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFFB, 0xE0041, 0xE007F]
        for value in hidden {
            let scalar = try #require(Unicode.Scalar(value))
            let text = "web" + String(Character(scalar)) + "01"
            let hex = String(value, radix: 16)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            #expect(TerminalText.escape(text) == "web\\u{\(code)}01", "U+\(code)")
            #expect(HTMLDigest.escape(text) == "web&#x2426;01", "U+\(code)")
        }
        #expect(TerminalText.escape("caf\u{E9} \u{4E2D}\u{6587} \u{1F600}") == "caf\u{E9} \u{4E2D}\u{6587} \u{1F600}", "visible text stays")
        #expect(JSONText.quote("a\u{9B}31mb\u{202E}c\u{61C}d\u{2066}e") == #""a\u009b31mb\u202ec\u061cd\u2066e""#)
        #expect(JSONText.quote("\u{7F}\u{80}\u{9F}\u{A0}\u{B0}") == "\"\\u007f\\u0080\\u009f\u{A0}\u{B0}\"")
        var bytes: [UInt8] = []
        JSONText.appendQuoted("x\u{9B}y", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""x\u009by""#)
        for text in ["\u{E9}t\u{E9}", "\u{2013}dash", "a\u{200B}b"] {
            #expect(JSONText.quote(text) == "\"" + text + "\"", "\(text): still UTF-8, as it came")
        }
    }

    /// The digest mail's Subject (helper-72): a node named hv<U+202E>10vh reversed the counts
    /// after it in the inbox, and hv<U+200B>01 read as hv01.
    @Test func theMailSubjectShowsThemToo() {
        #expect(MIMEMessage.headerSafe("[svirt-trace] hv\u{202E}10vh: 6 cross-guest") == "[svirt-trace] hv\\u{202e}10vh: 6 cross-guest")
        #expect(MIMEMessage.headerSafe("hv\u{200B}01\r\nBcc: x") == "hv\\u{200b}01  Bcc: x")
        #expect(MIMEMessage.encodedSubject("hv\u{200B}01") == "hv\\u{200b}01", "ASCII once escaped: plain")
    }
}
