/// A list of names shown in one cell or one line, joined by commas. A name that holds a comma,
/// a quote, a backslash or white space is quoted (its quotes and backslashes escaped), so a host
/// named `hv,01` or a guest named `web 1` reads as one name, never as two.
public enum ListText {
    public static func joined(_ items: [String]) -> String {
        items.map(quotedIfNeeded).joined(separator: ",")
    }

    static func quotedIfNeeded(_ item: String) -> String {
        guard item.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\\" || $0.properties.isWhitespace })
        else { return item }
        var quoted = "\""
        for scalar in item.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { quoted.unicodeScalars.append("\\") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }
}
