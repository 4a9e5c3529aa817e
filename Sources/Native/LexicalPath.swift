/// A path's components as its text gives them: `.` and empty components dropped, `..` taking
/// the one before (never above the root). No link is looked at: for a path the caller has
/// already resolved, or one it only compares.
public enum LexicalPath {
    public static func components(_ path: String) -> [Substring] {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts
    }
}
