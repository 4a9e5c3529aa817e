import Findings
import Formatting

extension DetailValue {
    /// An event's detail value as the output encoders take it.
    public var output: OutputValue {
        switch self {
        case .string(let s): return .string(s)
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .strings(let list): return .strings(list)
        case .null: return .null
        }
    }
}
