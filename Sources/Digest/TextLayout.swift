import Formatting

/// Lines of a plain-text digest, at most `width` columns (RFC 5322 recommends 78): prose wraps
/// at spaces under a hanging indent, and a command goes on lines of its own, broken between
/// arguments with a backslash so that what is copied still runs as one command. Only a single
/// word longer than the width (a path, say) overflows.
struct TextLayout {
    var width = 78
    private(set) var lines: [String] = []

    mutating func blank() { lines.append("") }

    /// `text` after `indent`; continuation lines indented by `indent` + `hang`.
    mutating func prose(_ text: String, indent: String = "", hang: String = "  ") {
        var line = indent
        var started = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = started ? line + " " + word : line + word
            if started && DisplayWidth.of(candidate) > width {
                lines.append(line)
                line = indent + hang + word
            } else {
                line = candidate
            }
            started = true
        }
        lines.append(line)
    }

    /// A shell command on lines of its own; breaks fall between arguments outside quotes.
    mutating func command(_ text: String, indent: String) {
        let words = Self.shellWords(text)
        var line = indent
        var first = true
        for word in words {
            let candidate = first ? line + word : line + " " + word
            // Room for " \" at the end of a broken line.
            if !first && DisplayWidth.of(candidate) > width - 2 {
                lines.append(line + " \\")
                line = indent + "    " + word
            } else {
                line = candidate
            }
            first = false
        }
        lines.append(line)
    }

    /// Splits at spaces outside single quotes (DigestWording quotes that way).
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = [], current = "", quoted = false
        for ch in text {
            if ch == "'" { quoted.toggle() }
            if ch == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
