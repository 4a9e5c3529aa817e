/// Turns the reports' SQLite statements into PostgreSQL ones, so that one text of each report
/// serves both stores and their answers cannot drift apart.
///
/// Only what the reports use is translated; the rest of the difference is kept out of the
/// statements (portable SQL in the reports) or made up for in schema/postgresql/003 (instr,
/// glob, json_extract, the fleet-wide totals, byte-order collation):
/// - `?N` parameters become `$N`, and a bare `?` the number after the highest so far (SQLite's
///   rule);
/// - `group_concat(x)` and `group_concat(DISTINCT x)` become `string_agg(…::text, ',')`;
/// - scalar `max(a, b)` and `min(a, b)` become `greatest` and `least` (the reports give them no
///   NULL, where the two dialects differ);
/// - SQLite's planner hints go: `INDEXED BY name`, and the unary `+` that keeps a column off
///   its index.
/// Quoted strings and identifiers are copied as they are.
public enum PostgresDialect {
    public static func translate(_ sql: String) -> String {
        var translator = Translator(Array(sql.utf8))
        return translator.run()
    }

    private struct Translator {
        let text: [UInt8]
        var out: [UInt8] = []
        /// The highest parameter number given so far: a bare `?` takes the next one, as in SQLite.
        var highestParameter = 0

        init(_ text: [UInt8]) {
            self.text = text
            out.reserveCapacity(text.count + 64)
        }

        mutating func run() -> String {
            out = translate(0..<text.count)
            return String(decoding: out, as: UTF8.self)
        }

        private mutating func translate(_ range: Range<Int>) -> [UInt8] {
            var result: [UInt8] = []
            var i = range.lowerBound
            while i < range.upperBound {
                let c = text[i]
                switch c {
                case UInt8(ascii: "'"), UInt8(ascii: "\""):
                    let end = quotedEnd(from: i, quote: c, limit: range.upperBound)
                    result += text[i..<end]
                    i = end
                case UInt8(ascii: "?"):
                    var j = i + 1
                    while j < range.upperBound, isDigit(text[j]) { j += 1 }
                    if j > i + 1, let number = Int(String(decoding: text[(i + 1)..<j], as: UTF8.self)) {
                        highestParameter = max(highestParameter, number)
                        result += Array("$\(number)".utf8)
                    } else {
                        highestParameter += 1
                        result += Array("$\(highestParameter)".utf8)
                    }
                    i = j
                case UInt8(ascii: "+") where isWordStart(at: i + 1, limit: range.upperBound) && precedesOperand(result):
                    i += 1
                default:
                    guard isIdentifierStart(c), i == range.lowerBound || !isIdentifierPart(text[i - 1]) else {
                        result.append(c)
                        i += 1
                        continue
                    }
                    var j = i
                    while j < range.upperBound, isIdentifierPart(text[j]) { j += 1 }
                    let word = String(decoding: text[i..<j], as: UTF8.self).lowercased()
                    if word == "indexed", let end = indexedByEnd(after: j, limit: range.upperBound) {
                        i = end
                        continue
                    }
                    if ["group_concat", "max", "min"].contains(word), let open = openParen(after: j, limit: range.upperBound),
                       let (close, pieces) = call(open, limit: range.upperBound) {
                        let arguments = pieces.map(trimmed)
                        if word == "group_concat" {
                            result += groupConcat(arguments)
                            i = close + 1
                            continue
                        }
                        if arguments.count == 2 {
                            result += Array((word == "max" ? "greatest(" : "least(").utf8)
                            result += translate(arguments[0]) + Array(", ".utf8) + translate(arguments[1]) + [UInt8(ascii: ")")]
                            i = close + 1
                            continue
                        }
                    }
                    result += text[i..<j]
                    i = j
                }
            }
            return result
        }

        private mutating func groupConcat(_ arguments: [Range<Int>]) -> [UInt8] {
            guard let first = arguments.first else { return Array("string_agg(NULL::text, ',')".utf8) }
            var argument = first
            var distinct = false
            let lead = trimmed(argument)
            if lead.count > 9, String(decoding: text[lead.lowerBound..<(lead.lowerBound + 8)], as: UTF8.self).lowercased() == "distinct",
               !isIdentifierPart(text[lead.lowerBound + 8]) {
                distinct = true
                argument = trimmed((lead.lowerBound + 8)..<lead.upperBound)
            }
            let separator = arguments.count > 1 ? translate(arguments[1]) : Array("','".utf8)
            return Array("string_agg(\(distinct ? "DISTINCT " : "")(".utf8) + translate(argument) + Array(")::text, ".utf8)
                + separator + [UInt8(ascii: ")")]
        }

        private func trimmed(_ range: Range<Int>) -> Range<Int> {
            var low = range.lowerBound, high = range.upperBound
            while low < high, isSpace(text[low]) { low += 1 }
            while high > low, isSpace(text[high - 1]) { high -= 1 }
            return low..<high
        }

        private func quotedEnd(from start: Int, quote: UInt8, limit: Int) -> Int {
            var j = start + 1
            while j < limit {
                if text[j] == quote {
                    // A doubled quote is one quote character inside the string.
                    if j + 1 < limit, text[j + 1] == quote { j += 2; continue }
                    return j + 1
                }
                j += 1
            }
            return limit
        }

        private func openParen(after index: Int, limit: Int) -> Int? {
            var j = index
            while j < limit, isSpace(text[j]) { j += 1 }
            return j < limit && text[j] == UInt8(ascii: "(") ? j : nil
        }

        /// The closing parenthesis of the call opened at `open`, and its arguments split at the
        /// commas outside nested parentheses and quotes; nil when it is never closed.
        private func call(_ open: Int, limit: Int) -> (close: Int, arguments: [Range<Int>])? {
            var pieces: [Range<Int>] = []
            var depth = 0, pieceStart = open + 1, j = open
            while j < limit {
                let c = text[j]
                if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                    j = quotedEnd(from: j, quote: c, limit: limit)
                    continue
                }
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 {
                        if j > open + 1 { pieces.append(pieceStart..<j) }
                        return (j, pieces)
                    }
                }
                if c == UInt8(ascii: ","), depth == 1 {
                    pieces.append(pieceStart..<j)
                    pieceStart = j + 1
                }
                j += 1
            }
            return nil
        }

        /// `INDEXED BY name`: the index after the clause.
        private func indexedByEnd(after index: Int, limit: Int) -> Int? {
            var j = index
            while j < limit, isSpace(text[j]) { j += 1 }
            guard j + 2 <= limit, String(decoding: text[j..<(j + 2)], as: UTF8.self).lowercased() == "by",
                  j + 2 < limit, isSpace(text[j + 2]) else { return nil }
            j += 2
            while j < limit, isSpace(text[j]) { j += 1 }
            while j < limit, isIdentifierPart(text[j]) { j += 1 }
            return j
        }

        private func isWordStart(at index: Int, limit: Int) -> Bool {
            index < limit && isIdentifierStart(text[index])
        }

        /// A `+` is unary where an operand is due: at the start, or after an opening parenthesis,
        /// a comma, an operator or a keyword (`AND +d.node`), never after an operand (`a +b`).
        private func precedesOperand(_ written: [UInt8]) -> Bool {
            var j = written.count - 1
            while j >= 0, isSpace(written[j]) { j -= 1 }
            guard j >= 0 else { return true }
            let c = written[j]
            if c == UInt8(ascii: "(") || c == UInt8(ascii: ",") || c == UInt8(ascii: "=") || c == UInt8(ascii: "<")
                || c == UInt8(ascii: ">") { return true }
            guard isIdentifierPart(c) else { return false }
            var k = j
            while k >= 0, isIdentifierPart(written[k]) { k -= 1 }
            let word = String(decoding: written[(k + 1)...j], as: UTF8.self).uppercased()
            return ["AND", "OR", "NOT", "WHERE", "ON", "SELECT", "BY", "WHEN", "THEN", "ELSE", "IN"].contains(word)
        }

        private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }
        private func isIdentifierStart(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || c == UInt8(ascii: "_")
        }
        private func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }
    }
}
