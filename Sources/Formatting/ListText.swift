/// A list of names shown in one table cell, one digest line or one CSV cell. A name that would
/// read as two (it holds the separator, white space or a quote) is quoted, its quotes doubled
/// as in CSV, so a host named `hv,01` or `CentOS 7.7` reads as one name. Backslashes and
/// control characters are left to the escaping of the terminal, CSV or HTML output that follows.
public enum ListText {
    /// Joined by commas (or `separator`, which starts with one): table cells, the digest and
    /// messages.
    public static func joined(_ items: [String], separator: String = ",") -> String {
        items.map { quotedIfNeeded($0, separator: ",") }.joined(separator: separator)
    }

    /// Joined by spaces, as a shell or a spreadsheet splits words: CSV cells.
    public static func words(_ items: [String]) -> String {
        items.map { quotedIfNeeded($0, separator: " ") }.joined(separator: " ")
    }

    static func quotedIfNeeded(_ item: String, separator: Unicode.Scalar) -> String {
        guard item.unicodeScalars.contains(where: { $0 == separator || $0 == "\"" || $0.properties.isWhitespace })
        else { return item }
        return "\"" + item.replacingOccurrencesOfQuote() + "\""
    }
}

private extension String {
    func replacingOccurrencesOfQuote() -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(unicodeScalars.count + 2)
        for scalar in unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
