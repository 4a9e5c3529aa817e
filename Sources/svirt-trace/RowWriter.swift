import Store
import Formatting
import ArgumentParser
import Foundation

/// Prints rows in one format to a text sink. Tables are buffered to size their columns; the
/// other formats stream.
final class RowWriter {
    struct TableStyle {
        /// Keys shown as table columns, in order.
        var columns: [String]
        /// Key whose value picks the row colour.
        var colourKey: String?
        /// A column whose value is null shows this other key instead when it has something: the
        /// single-guest `source_vm` falls back to every candidate (`source_vms`) on a collision.
        var fallbacks: [String: String] = [:]

        /// A side's single guest, else its candidates.
        static let candidates = ["source_vm": "source_vms", "source_uuid": "source_uuids",
                                 "target_vm": "target_vms", "target_uuid": "target_uuids"]
    }

    private let format: OutputFormat
    /// The keys printed, in order: every key of the query, or those `-o` picked.
    private let keys: [String]
    /// True when `-o` picked keys, so JSON and CSV rows are cut to them.
    private let picked: Bool
    private let table: TableStyle
    private let colour: Bool
    /// Columns a table may take; nil prints every cell whole (`--wide`).
    private let width: Int?
    private let write: (String) -> Void
    private let writeBytes: ([UInt8]) -> Void
    private var line: [UInt8] = []
    private var buffered: [OutputRow] = []
    private var count = 0
    /// How table cells show times (TimeDisplay.timeKeys); JSON and CSV are always ISO-8601 UTC.
    var timeDisplay = TimeDisplay.utc

    /// - Parameters:
    ///   - keys: every key the query writes, in order.
    ///   - fields: the keys `-o` picked, in the order to print them (checked against `keys`), or nil.
    ///   - width: the terminal's columns for tables; nil for `--wide`.
    init(format: OutputFormat, keys: [String], fields: [String]? = nil, table: TableStyle, colour: Bool, width: Int?,
         write: @escaping (String) -> Void, writeBytes: @escaping ([UInt8]) -> Void) {
        self.writeBytes = writeBytes
        self.format = format
        self.keys = fields ?? keys
        self.picked = fields != nil
        var table = table
        if let fields { table.columns = fields }
        self.table = table
        self.colour = colour
        self.width = width
        self.write = write
    }

    /// The `-o` list checked against the keys a query writes.
    /// - Throws: ValidationError (exit 2) naming the valid fields.
    static func fields(_ option: String?, keys: [String]) throws -> [String]? {
        guard let option else { return nil }
        let fields = option.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for field in fields where !keys.contains(field) {
            throw ValidationError("unknown field \"\(field)\" for --output; one of: \(keys.joined(separator: ", "))")
        }
        // A key twice would be a JSON object with a duplicate key, which parsers read differently.
        var seen: Set<String> = []
        for field in fields where !seen.insert(field).inserted {
            throw ValidationError("--output names \"\(field)\" twice")
        }
        return fields
    }

    var rowCount: Int { count }

    func add(_ row: OutputRow) {
        defer { count += 1 }
        let row = picked ? keys.map { key in (key: key, value: row.first(where: { $0.key == key })?.value ?? .null) } : row
        switch format {
        case .jsonl:
            line.removeAll(keepingCapacity: true)
            appendJSON(row, to: &line)
            line.append(0x0A)
            writeBytes(line)
        case .json:
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: (count == 0 ? "[\n" : ",\n").utf8)
            appendJSON(row, to: &line)
            writeBytes(line)
        case .csv:
            if count == 0 { write(keys.map(csvField).joined(separator: ",") + "\r\n") }
            write(row.map { csvField(csvText($0.value, key: $0.key)) }.joined(separator: ",") + "\r\n")
        case .table: buffered.append(row)
        }
    }

    func finish() {
        switch format {
        case .json: write(count == 0 ? "[]\n" : "\n]\n")
        case .csv where count == 0: write(keys.map(csvField).joined(separator: ",") + "\r\n")
        case .table: writeTable()
        default: break
        }
    }

    // MARK: JSON

    /// Each position's key as last written, quoted with its colon: a query's rows have the same
    /// keys in the same order, so this is a comparison of two short strings per field.
    private var quotedKeys: [(key: String, quoted: [UInt8])] = []

    private func appendJSON(_ row: OutputRow, to out: inout [UInt8]) {
        out.append(0x7B)
        for (index, field) in row.enumerated() {
            if index > 0 { out.append(0x2C) }
            if index < quotedKeys.count, quotedKeys[index].key == field.key {
                out.append(contentsOf: quotedKeys[index].quoted)
            } else {
                var key: [UInt8] = []
                JSONText.appendQuoted(field.key, to: &key)
                key.append(0x3A)
                if index < quotedKeys.count {
                    quotedKeys[index] = (field.key, key)
                } else if index == quotedKeys.count {
                    quotedKeys.append((field.key, key))
                }
                out.append(contentsOf: key)
            }
            switch field.value {
            case .null: out.append(contentsOf: "null".utf8)
            case .string(let s): JSONText.appendQuoted(s, to: &out)
            case .int(let i): out.append(contentsOf: String(i).utf8)
            case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
            case .strings(let list): JSONText.appendArray(list, to: &out)
            case .json(let raw): out.append(contentsOf: raw.utf8)
            }
        }
        out.append(0x7D)
    }

    private func jsonValue(_ value: OutputValue) -> String {
        switch value {
        case .null: return "null"
        case .string(let s): return JSONText.quote(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .strings(let list): return "[" + list.map(JSONText.quote).joined(separator: ",") + "]"
        case .json(let raw): return raw
        }
    }

    // MARK: CSV (RFC 4180)

    /// For `--help`: what CSV does to text from the log.
    static let formatHelp = """
        In CSV, text cells have control characters escaped as in tables (ESC is \\x1b, a \
        backslash \\\\), and a text cell that starts with =, +, -, @, tab or carriage return gets a \
        leading single quote (') so a spreadsheet shows it instead of running it as a formula \
        (OWASP's CSV-injection rule); numbers stay numbers. A list is one cell of words separated \
        by spaces; in a list of names (nodes, guests, classes), a name holding a space or a quote is \
        quoted, its quotes doubled.
        """

    /// Lists of sentences (explain's advice), not of names: joined as they are, never quoted.
    static let proseLists: Set<String> = ["advice"]

    private func csvText(_ value: OutputValue, key: String) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return Self.inertText(TerminalText.escape(s))
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        // A list reads as words, as a shell or a spreadsheet splits it; an object stays JSON.
        case .strings(let list):
            return Self.inertText(TerminalText.escape(Self.proseLists.contains(key) ? list.joined(separator: " ") : ListText.words(list)))
        case .json: return Self.inertText(TerminalText.escape(jsonValue(value)))
        }
    }

    /// A text cell a spreadsheet will not evaluate: a leading quote before the characters that
    /// start a formula or a DDE call. The store's bare "-" (no node) is not a formula and stays.
    static func inertText(_ s: String) -> String {
        guard s != "-", let first = s.unicodeScalars.first else { return s }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\n": return "'" + s
        default: return s
        }
    }

    private func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: table

    /// A cell as shown, with its width: escaped first, so its width is that of the escapes the
    /// terminal prints.
    private func tableText(_ value: OutputValue, key: String) -> (text: String, width: Int) {
        let text: String
        switch value {
        case .null, .strings([]): text = "-"
        case .string(let s): text = s
        case .int(let i): text = String(i)
        case .bool(let b): text = b ? "yes" : "no"
        case .strings(let list): text = Self.proseLists.contains(key) ? list.joined(separator: ",") : ListText.joined(list)
        case .json(let raw): text = raw
        }
        return TerminalText.escapeMeasured(text)
    }

    private func cell(_ row: OutputRow, _ key: String) -> OutputValue {
        let value = row.first(where: { $0.key == key })?.value ?? .null
        guard value == .null, let other = table.fallbacks[key] else { return value }
        return row.first(where: { $0.key == other })?.value ?? .null
    }

    private func timed(_ key: String, _ value: OutputValue) -> OutputValue {
        guard case .string(let s) = value else { return value }
        return .string(timeDisplay.render(key: key, text: s))
    }

    /// The zone (`+01:00`) every time in a column ends with, when every cell is such a time
    /// (`2025-11-25 00:39:51.487 +01:00`, milliseconds optional) or `-`, and one is.
    static func sharedZone(_ cells: [String]) -> String? {
        var zone: Substring?
        for cell in cells where cell != "-" {
            let utf8 = Array(cell.utf8)
            guard utf8.count == 26 || utf8.count == 30, utf8[utf8.count - 7] == 0x20 else { return nil }
            let time = utf8[..<(utf8.count - 7)], suffix = utf8[(utf8.count - 6)...]
            let timeShape = Array("dddd-dd-dd dd:dd:dd.ddd".utf8).prefix(time.count)
            func fits(_ bytes: ArraySlice<UInt8>, _ shape: ArraySlice<UInt8>) -> Bool {
                zip(bytes, shape).allSatisfy { byte, want in want == UInt8(ascii: "d") ? (0x30...0x39).contains(byte) : byte == want }
            }
            guard fits(time, timeShape[...]), suffix.first == UInt8(ascii: "+") || suffix.first == UInt8(ascii: "-"),
                  fits(suffix.dropFirst(), Array("dd:dd".utf8)[...]) else { return nil }
            let this = cell.suffix(6)
            if let zone, zone != this { return nil }
            zone = this
        }
        return zone.map(String.init)
    }

    private func writeTable() {
        guard !buffered.isEmpty else { return }
        var columns = table.columns
        var headers = columns.map { $0.uppercased() }
        let shown = buffered.map { row in columns.map { key in tableText(timed(key, cell(row, key)), key: key) } }
        var cells = shown.map { $0.map(\.text) }
        // Each cell is measured once (a 10,000-row timeline spent a fifth of its time measuring).
        var headerWidths = headers.map(DisplayWidth.of)
        var cellWidths = shown.map { $0.map(\.width) }
        var natural = headerWidths
        for line in cellWidths {
            for (i, cell) in line.enumerated() { natural[i] = max(natural[i], cell) }
        }
        if let width, natural.reduce(0, +) + TableFit.gap * max(0, natural.count - 1) > width {
            // Too wide: a zone every time of a column shares goes once into its header, and the
            // room it took in each row goes to the names that would be cut (helper-76: guest
            // names ended in "…" beside thirty columns of time).
            for i in columns.indices {
                guard let zone = Self.sharedZone(cells.map { $0[i] }) else { continue }
                let cut = zone.utf8.count + 1
                for r in cells.indices where cells[r][i] != "-" {
                    cells[r][i] = String(cells[r][i].dropLast(cut))
                    cellWidths[r][i] -= cut
                }
                headers[i] += " (\(zone))"
                headerWidths[i] = DisplayWidth.of(headers[i])
                natural[i] = cellWidths.reduce(headerWidths[i]) { max($0, $1[i]) }
            }
        }
        var whole = columns.map { TableFit.wholeKeys.contains($0) }
        if let width {
            // Columns that cannot fit even cut to the narrowest are left out, and that is said.
            let kept = TableFit.kept(natural: natural, whole: whole, total: width, chosen: picked)
            if kept.count < columns.count {
                let dropped = columns.indices.filter { !kept.contains($0) }.map { columns[$0] }
                Console.status("(\(dropped.count) column\(dropped.count == 1 ? "" : "s") left out to fit \(width) columns: "
                               + "\(dropped.joined(separator: ", ")); --wide shows every column, -o chooses them)")
                columns = kept.map { columns[$0] }
                headers = kept.map { headers[$0] }
                headerWidths = kept.map { headerWidths[$0] }
                natural = kept.map { natural[$0] }
                whole = kept.map { whole[$0] }
                cells = cells.map { line in kept.map { line[$0] } }
                cellWidths = cellWidths.map { line in kept.map { line[$0] } }
            }
        }
        let widths = width.map { TableFit.widths(natural: natural, whole: whole, total: $0) } ?? natural
        var shownHeaders = headers
        if widths != natural {
            for i in widths.indices where widths[i] < natural[i] {
                (shownHeaders[i], headerWidths[i]) = DisplayWidth.truncate(headers[i], measured: headerWidths[i], to: widths[i])
                for r in cells.indices {
                    (cells[r][i], cellWidths[r][i]) = DisplayWidth.truncate(cells[r][i], measured: cellWidths[r][i], to: widths[i])
                }
            }
        }
        func render(_ line: [String], _ measured: [Int]) -> String {
            var text = ""
            for i in line.indices {
                if i > 0 { text += "  " }
                text += line[i]
                // The last column is not padded: the line would end in spaces to trim.
                if i < line.count - 1 { text += String(repeating: " ", count: max(0, widths[i] - measured[i])) }
            }
            return text.trimmingTrailingWhitespace()
        }
        let header = render(shownHeaders, headerWidths)
        write((colour ? "\u{1B}[1m" + header + "\u{1B}[0m" : header) + "\n")
        for (index, row) in buffered.enumerated() {
            let text = render(cells[index], cellWidths[index])
            if colour, let key = table.colourKey, case .string(let kind)? = row.first(where: { $0.key == key })?.value,
               let code = Self.colourCode(kind) {
                write("\u{1B}[\(code)m" + text + "\u{1B}[0m\n")
            } else {
                write(text + "\n")
            }
        }
    }

    private static func colourCode(_ kind: String) -> String? {
        switch kind {
        case "cross-guest", "label-collision", "unconfined-guest": return "1;31"
        case "unknown-source", "unknown-target", "guest-host", "host-guest", "weak-label", "whole-disk": return "33"
        case "needs-boolean", "enforcing-change": return "36"
        case "incomplete": return "33"
        default: return nil
        }
    }
}

extension String {
    /// By bytes: a trailing 0x20 is a space of its own (nothing follows to combine with it), and
    /// Character steps from the end cost a 10,000-row table a tenth of its time.
    func trimmingTrailingWhitespace() -> String {
        let utf8 = self.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        return end == utf8.endIndex ? self : String(Substring(utf8[..<end]))
    }
}
