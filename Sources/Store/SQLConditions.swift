import Native

/// A WHERE clause built from terms with bound values only: user and log text never enters the
/// statement itself.
struct SQLConditions: Sendable {
    private(set) var terms: [String] = []
    private(set) var values: [SQLValue] = []

    /// `column IN (?, ...)`; nothing when `items` is empty.
    mutating func isIn(_ column: String, _ items: [String]) {
        guard !items.isEmpty else { return }
        terms.append("\(column) IN (" + items.map { _ in "?" }.joined(separator: ",") + ")")
        values += items.map { .text($0) }
    }

    mutating func add(_ term: String, _ bound: SQLValue...) {
        add(term, values: bound)
    }

    mutating func add(_ term: String, values bound: [SQLValue]) {
        terms.append(term)
        values += bound
    }

    /// "1" when there is no condition, so it can follow WHERE as is.
    var clause: String { terms.isEmpty ? "1" : terms.joined(separator: " AND ") }
}
