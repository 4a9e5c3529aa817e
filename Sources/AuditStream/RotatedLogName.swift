/// auditd's names for the files of one log: `LOG` is the newest, `LOG.N` is older than
/// `LOG.N-1`. One ingest reads a set oldest first (`InputOrder`), and the correlator takes its
/// files for one stream of events (`ClockStepPlacer`).
public enum RotatedLogName {
    /// The set a path belongs to and its age in it: `LOG.N` (N a number without sign or leading
    /// zero) is N, `LOG` itself 0; nil for a path that is neither. LOG is a name ending in `.log`
    /// (auditd's `audit.log`), so that files numbered otherwise (`audit.2025.11`, months) are
    /// left in the order given.
    public static func rotation(of path: String) -> (base: String, age: Int)? {
        let bytes = Array(path.utf8)
        let suffix = Array(".log".utf8)
        if bytes.count > suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix) { return (path, 0) }
        guard let dot = bytes.lastIndex(of: 0x2E) else { return nil }
        let digits = bytes[(dot + 1)...]
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.first != 0x30 else {
            return nil
        }
        let base = bytes[..<dot]
        guard base.count > suffix.count, base.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return (String(decoding: base, as: UTF8.self), digits.reduce(0) { $0 * 10 + Int($1 - 0x30) })
    }
}
