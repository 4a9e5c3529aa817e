/// A value in a query result row: what the table, JSON and CSV writers print.
public enum OutputValue: Sendable, Equatable {
    case null
    case string(String)
    case int(Int64)
    case bool(Bool)
    case strings([String])
    /// Already-rendered JSON (an event's detail object).
    case json(String)
}

/// One result row: keys in their documented order.
public typealias OutputRow = [(key: String, value: OutputValue)]
