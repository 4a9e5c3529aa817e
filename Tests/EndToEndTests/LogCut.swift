import Foundation

/// A log cut where auditd's rotation may cut it, for the tests of rotated and split files.
enum LogCut {
    /// The log's lines, without the empty one after its last newline.
    static func lines(of log: URL) throws -> [Substring] {
        var lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `TIME:SERIAL` of a record line.
    static func stamp(_ line: Substring) -> Substring? {
        line.range(of: "msg=audit(").map { line[$0.upperBound...].prefix(while: { $0 != ")" }) }
    }

    /// From the middle on, the index just past the AVC of a denial whose SYSCALL follows it: a
    /// rotation there leaves the AVC at the end of one file and the rest at the top of the next.
    static func insideADenial(_ lines: [Substring]) -> Int? {
        var cut = max(1, lines.count / 2)
        while cut < lines.count - 1 {
            if lines[cut - 1].contains("type=AVC "), lines[cut].contains("type=SYSCALL "), stamp(lines[cut]) == stamp(lines[cut - 1]) {
                return cut
            }
            cut += 1
        }
        return nil
    }

    /// Lines as a file's text.
    static func text(_ lines: ArraySlice<Substring>) -> String {
        lines.joined(separator: "\n") + "\n"
    }
}
