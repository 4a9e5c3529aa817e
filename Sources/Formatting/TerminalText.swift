/// Makes log-controlled text safe to print on a terminal: control characters (C0, DEL, C1),
/// bidirectional overrides and invisible characters (`HiddenCharacters`) become visible escapes,
/// so a guest named "\e]0;pwned\a" cannot retitle the operator's terminal, reorder what they
/// read, or pass for another guest.
public enum TerminalText {
    public static func escape(_ s: String) -> String {
        escape(s, keepingLines: false)
    }

    /// `escape(s)` with its display width: text shown as it came is printable ASCII, a column a
    /// byte, so a table's cell is scanned once instead of twice.
    public static func escapeMeasured(_ s: String) -> (text: String, width: Int) {
        if isShownAsItIs(s) { return (s, s.utf8.count) }
        let text = escape(s, keepingLines: false)
        return (text, DisplayWidth.of(text))
    }

    private static func isShownAsItIs(_ s: String) -> Bool {
        // Over a span, not the generic allSatisfy: every cell of a table goes through here.
        let bytes = s.utf8.span
        for i in bytes.indices {
            let byte = bytes[i]
            if byte < 0x20 || byte >= 0x7F || byte == 0x5C { return false }
        }
        return true
    }

    /// A message of several lines (a usage error quoting what was typed): newlines and tabs stay,
    /// every other control character and bidirectional override is shown escaped, so a value
    /// holding ESC cannot drive the terminal.
    public static func escapeControls(_ s: String) -> String {
        escape(s, keepingLines: true)
    }

    /// `keepingLines`: newlines and tabs pass, and backslashes and U+FFFD are left as they are
    /// (a message is not read back, so nothing needs to be unambiguous).
    private static func escape(_ s: String, keepingLines: Bool) -> String {
        // Printable ASCII without a backslash is shown as it is: most text, kept as it came.
        if isShownAsItIs(s) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLines, 0x09 where keepingLines, 0x5C where keepingLines, 0xFFFD where keepingLines:
                out.unicodeScalars.append(scalar)
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F: out += "\\x" + hex(scalar.value, 2)
            case 0x80...0x9F, 0x2028, 0x2029, 0xFFFD:
                out += "\\u{" + hex(scalar.value, 4) + "}"
            case let value where HiddenCharacters.isHidden(value):
                out += "\\u{" + hex(value, 4) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
