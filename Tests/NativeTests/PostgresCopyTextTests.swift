import Testing
@testable import Native

/// The COPY text encoder writes values in place for speed; these hold it to COPY's format as
/// the server reads it, against a plain encoding of the same rows.
@Suite struct PostgresCopyTextTests {
    /// COPY's text format written the obvious way: one value at a time, through String.
    private func plain(_ row: [SQLValue]) -> [UInt8] {
        row.map { value -> String in
            switch value {
            case .null: return "\\N"
            case .integer(let v): return String(v)
            case .real(let v): return PostgresParameter.text(of: v)
            case .text(let s):
                return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                    .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
            case .blob(let b):
                return "\\\\x" + b.map { byte in
                    let hex = String(byte, radix: 16)
                    return hex.count == 1 ? "0" + hex : hex
                }.joined()
            }
        }.joined(separator: "\t").utf8 + [UInt8(ascii: "\n")]
    }

    private func encoded(_ row: [SQLValue]) throws -> [UInt8] {
        var buffer: [UInt8] = [1, 2]  // bytes before the row stay as they were
        try PostgresCopyText.append(row, to: &buffer)
        #expect(Array(buffer.prefix(2)) == [1, 2])
        return Array(buffer.dropFirst(2))
    }

    @Test func integersAtEveryWidthAndBothEnds() throws {
        var values: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, .max, .min, .max - 1, .min + 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
        }
        var generator = SystemRandomNumberGenerator()
        values += (0..<2_000).map { _ in Int64.random(in: .min ... .max, using: &generator) }
        for value in values {
            #expect(try encoded([.integer(value)]) == plain([.integer(value)]), "\(value)")
        }
    }

    @Test func textIsEscapedOnlyWhereCOPYNeedsIt() throws {
        let texts = ["", "plain", "tab\there", "new\nline", "cr\rlf", "back\\slash", "\\N", "é, 猫 and 🐈",
                     "<b>x</b>'; DROP TABLE t; --", "\u{1B}]0;title\u{7}", "trailing\\", "\t\n\r\\"]
        for text in texts {
            #expect(try encoded([.text(text)]) == plain([.text(text)]), "\(text.debugDescription)")
        }
    }

    @Test func aNULInTextIsRefusedNotTruncated() {
        #expect(throws: PostgresError.self) { _ = try encoded([.text("a\u{0}b")]) }
        #expect(throws: PostgresError.self) { _ = try encoded([.integer(1), .text("plain"), .text("\u{0}")]) }
    }

    @Test func blobsAsHexOfEveryByte() throws {
        let every = (0...255).map { UInt8($0) }
        for blob in [[], [0], [0xff], every, every.reversed() + every] as [[UInt8]] {
            #expect(try encoded([.blob(blob)]) == plain([.blob(blob)]))
        }
    }

    @Test func mixedRowsWithNullsAndReals() throws {
        let row: [SQLValue] = [.integer(42), .null, .text("a\tb"), .real(0.5), .blob([1, 0xab]), .null, .integer(-7)]
        #expect(try encoded(row) == plain(row))
        #expect(try encoded([]) == [UInt8(ascii: "\n")])
    }
}
