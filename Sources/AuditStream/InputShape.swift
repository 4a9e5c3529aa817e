/// What the start of an input looks like, for the message that says an input held no audit record:
/// an operator who fed a picture, a compressed log or a journal copy learns which it was.
public enum InputShape {
    /// True when the first line reads as an audit record: an input that starts like an audit log
    /// but gave no records this time was resumed past its records, not the wrong file.
    public static func startsWithRecord(_ head: [UInt8]) -> Bool {
        let line = firstLine(head)
        if case .success = RecordHeader.parse(Array(line), 0..<line.count) { return true }
        return false
    }

    private static let signatures: [(bytes: [UInt8], name: String)] = [
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        (Array("GIF8".utf8), "a GIF image"),
        (Array("%PDF".utf8), "a PDF document"),
        ([0x1F, 0x8B], "gzip-compressed data (decompress it first: zcat FILE | svirt-trace ingest -)"),
        (Array("BZh".utf8), "bzip2-compressed data (decompress it first: bzcat FILE | svirt-trace ingest -)"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data (decompress it first: xzcat FILE | svirt-trace ingest -)"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data (decompress it first: zstdcat FILE | svirt-trace ingest -)"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
        (Array("SQLite format 3".utf8) + [0], "an SQLite database"),
        (Array("LPKSHHRH".utf8), "a binary systemd journal file (export it with journalctl -o cat)"),
    ]

    /// "a JPEG image", "text: \"...\"": what `head` (the first bytes of an input) looks like.
    public static func describe(_ head: [UInt8]) -> String {
        if head.isEmpty { return "an empty input" }
        for signature in signatures where head.starts(with: signature.bytes) { return signature.name }
        let line = firstLine(head)
        let printable = line.filter { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 >= 0x80 }.count
        if line.contains(0) || printable * 10 < line.count * 9 { return "binary data" }
        let shown = "\"" + escaped(line.prefix(80)) + (line.count > 80 ? "...\"" : "\"")
        let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
        if let first = trimmed.first, first == 0x7B || first == 0x5B { return "JSON, not audit records: \(shown)" }
        if trimmed.first == 0x3C { return "XML or HTML, not audit records: \(shown)" }
        if contains(head, Array("audit(".utf8)) {
            return "text with audit records inside other text (a syslog or journal copy? give auditd's own log, or `ausearch --raw` output): \(shown)"
        }
        return "text, not an audit record (type=... msg=audit(...): ...): \(shown)"
    }

    private static func firstLine(_ head: [UInt8]) -> ArraySlice<UInt8> {
        var line = head.firstIndex(of: 0x0A).map { head[..<$0] } ?? head[...]
        if line.last == 0x0D { line = line.dropLast() }
        return line
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Printable ASCII as is, anything else as \xNN: safe on any terminal.
    private static func escaped(_ bytes: ArraySlice<UInt8>) -> String {
        var out = ""
        for b in bytes {
            if b >= 0x20 && b < 0x7F && b != 0x5C && b != 0x22 {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
