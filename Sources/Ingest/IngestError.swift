/// Ingest failures that are neither a bad input file nor a database error.
public enum IngestError: Error, CustomStringConvertible {
    case readerStopped(String)

    public var description: String {
        switch self {
        case .readerStopped(let name): return "\(name): the reading thread stopped before the end of input"
        }
    }
}
