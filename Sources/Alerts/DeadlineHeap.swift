import Native

/// Keys ordered by the event time their window ends (a binary min-heap): closing every window
/// that ended, or the oldest one when a cap is reached, costs O(log n) per window instead of a
/// scan of all of them. Ties go by the key's bytes, so the order is the same in every run (as
/// Strings, two keys that differ only in Unicode normalization tie, and went in either order).
struct DeadlineHeap: Sendable {
    struct Entry: Sendable, Equatable {
        var end: Int64
        var key: String

        static func < (a: Entry, b: Entry) -> Bool {
            a.end != b.end ? a.end < b.end : ExactText.byBytes(a.key, b.key)
        }

        static func == (a: Entry, b: Entry) -> Bool { a.end == b.end && ExactText(a.key) == ExactText(b.key) }
    }

    private var entries: [Entry] = []

    var count: Int { entries.count }
    var first: Entry? { entries.first }

    mutating func removeAll() { entries.removeAll() }

    mutating func insert(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child] < entries[parent] else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popFirst() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let top = entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count, entries[left] < entries[smallest] { smallest = left }
            if right < entries.count, entries[right] < entries[smallest] { smallest = right }
            guard smallest != parent else { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
