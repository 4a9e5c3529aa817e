/// How many terminal columns text takes, as wcwidth(3) counts them without depending on the
/// locale: a table sized by bytes or by characters breaks on CJK names, emoji and combining
/// marks.
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        // Almost every cell is printable ASCII (labels, paths, JSON): a column a byte, without
        // splitting it into grapheme clusters (a 10,000-row table spent most of its time there).
        // Anything else, a control character included, is measured cluster by cluster.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var total = 0
        for character in s { total += of(character) }
        return total
    }

    /// 0 for a cluster of zero-width marks, 2 for an East Asian wide or emoji cluster, else 1.
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return 1 }
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.allSatisfy(isZeroWidth) { return 0 }
        if first.properties.isEmojiPresentation || isWide(first.value) { return 2 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// `s` cut to at most `width` columns, ending in "…" when anything was cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        truncate(s, measured: of(s), to: width).text
    }

    /// `s`, whose width is `measured`, cut to at most `width` columns (ending in "…" when
    /// anything was cut), with the width it then has: a table measures each cell once.
    public static func truncate(_ s: String, measured: Int, to width: Int) -> (text: String, width: Int) {
        guard measured > width else { return (s, measured) }
        guard width > 0 else { return ("", 0) }
        if measured == s.utf8.count, s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII: a column a byte, so it is cut by bytes.
            return (String(decoding: s.utf8.prefix(width - 1), as: UTF8.self) + "…", width)
        }
        var out = ""
        var used = 0
        for character in s {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        // Measured whole: "…" after a prepending character joins its cluster.
        let cut = out + "…"
        return (cut, of(cut))
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return scalar.value == 0x200B || (0x1160...0x11FF).contains(scalar.value)
        }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F, in ranges).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
