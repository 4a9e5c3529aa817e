/// A word as a POSIX shell reads it back unchanged: as is when it holds only characters no shell
/// treats specially, else in single quotes (a quote inside closed, escaped and reopened). For the
/// commands svirt-trace suggests, whose arguments (a guest's uuid, a store's path) may come from
/// a log or a user.
public enum ShellWord {
    public static func quoted(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy(isSafe)
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", ",", "+", "@", "=": return true
        default: return false
        }
    }
}
