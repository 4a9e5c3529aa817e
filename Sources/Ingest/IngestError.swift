/// Ingest failures that are neither a bad input file nor a database error.
public enum IngestError: Error, CustomStringConvertible {
    case readerStopped(String)
    /// An input that could not be opened or read (the rest of the inputs still go in).
    case unreadable(path: String, reason: String)

    /// The input could not be read; the others still go in.
    public var isUnreadableInput: Bool {
        if case .unreadable = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .readerStopped(let name): return "\(name): the reading thread stopped before the end of input"
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        }
    }
}
