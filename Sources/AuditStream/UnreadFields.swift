import Native

/// Context records (SYSCALL, PATH, CWD, PROCTITLE) carry up to 30 fields, of which the analysis
/// reads a few; libauparse's cost is per field (two strdup calls and a list node each). The line
/// handed to auparse keeps only the tokens that become kept fields, so auparse parses less and
/// returns the same kept fields, values and order as from the whole line. The logged line stays
/// the evidence.
///
/// This follows auparse 3.0.9's tokenizer (parse_up_record in ellist.c): the text before 0x1D
/// (the ENRICHED part) is split on spaces, runs of spaces making no empty token; a token without
/// '=' is no field (only AVC and USER_AVC, never stripped, read such tokens); a field is named by
/// the text before the token's first '=' and valued by the rest of the token, whatever else is on
/// the line (a `key` value may become several fields, all named `key`). Tokens starting with
/// `msg=` or `(`, whose names auparse derives differently, are kept whole, and so is everything
/// from 0x1D on. auparse also notes where arch, syscall, a0 and a1 stand in a SYSCALL record, to
/// interpret values; the reader reads values raw, and arch and syscall come first anyway.
enum UnreadFields {
    /// The line without the tokens of unkept fields, or nil when every token stays.
    /// - Parameters:
    ///   - line: the buffer holding the line, in auditd's own spelling (a canonical header).
    ///   - range: the line in `line`.
    ///   - bodyStart: index in `line` just past the header's `): `.
    static func strip(_ line: [UInt8], _ range: Range<Int>, bodyStart: Int, filter: FieldNameFilter) -> [UInt8]? {
        let bytes = line.span
        let end = ByteSearch.firstIndex(of: 0x1D, in: line, range: bodyStart..<range.upperBound) ?? range.upperBound
        var out: [UInt8] = []
        var stripping = false
        var i = bodyStart
        while i < end {
            if bytes[i] == 0x20 {
                i += 1
                continue
            }
            let start = i
            var equals = -1
            var head0: UInt64 = 0
            var head1: UInt64 = 0
            // The name's first 16 bytes are gathered on the way to '=': the filter's key. The
            // value, most of the token's bytes, is skipped by memchr.
            while i < end {
                let byte = bytes[i]
                if byte == 0x20 { break }
                if byte == 0x3D {
                    equals = i
                    i = ByteSearch.firstIndex(of: 0x20, in: line, range: (i + 1)..<end) ?? end
                    break
                }
                let k = i - start
                if k < 8 {
                    head0 |= UInt64(byte) << UInt64(8 * k)
                } else if k < 16 {
                    head1 |= UInt64(byte) << UInt64(8 * (k - 8))
                }
                i += 1
            }
            let keep: Bool
            if equals < 0 {
                keep = false
            } else if bytes[start] == 0x28 /* ( */ || (equals - start == 3 && head0 == msgName) {
                keep = true
            } else {
                keep = filter.keeps(bytes, start..<equals, head0: head0, head1: head1)
            }
            if !keep, !stripping {
                // The first token dropped: everything before it stays as logged.
                stripping = true
                out.reserveCapacity(range.count)
                out.append(contentsOf: line[range.lowerBound..<start])
            } else if keep, stripping {
                if out.last != 0x20 { out.append(0x20) }
                out.append(contentsOf: line[start..<i])
            }
        }
        guard stripping else { return nil }
        out.append(contentsOf: line[end..<range.upperBound])
        return out
    }

    /// `msg` as the filter's first head.
    private static let msgName: UInt64 = 0x6D | 0x73 << 8 | 0x67 << 16
}
