/// Characters that change what a reader sees without being seen: a guest named `web​01` (a zero
/// width space inside) must not pass for `web01` in a table, a terminal or a digest.
public enum HiddenCharacters {
    /// Reorders text or is not seen: what every output shows escaped.
    public static func isHidden(_ value: UInt32) -> Bool {
        isBidiControl(value) || isInvisible(value)
    }

    /// Bidirectional marks, embeddings, overrides and isolates: they reorder the text around them.
    public static func isBidiControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Shown as nothing, or as a blank: soft hyphen, joiners and zero-width spaces, Hangul and
    /// Khmer fillers, invisible operators, variation selectors, the byte-order mark, interlinear
    /// annotation marks and tag characters.
    public static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200D, 0x2060...0x2064,
             0x206A...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }
}
