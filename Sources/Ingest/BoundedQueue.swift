import Foundation

/// A blocking hand-off of bounded size between one producer thread and one consumer: the reader
/// can run at most `capacity` items ahead of the store, so memory stays bounded.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    // Every field is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Waits for room. Returns false when the consumer has closed the queue: stop producing.
    @discardableResult
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// Waits for an item; nil once the queue is closed and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let first = items.removeFirst()
        condition.broadcast()
        return first
    }

    enum Taken {
        case item(Element)
        case timedOut
        case closed
    }

    /// Waits for an item up to `deadline`.
    func take(before deadline: Date) -> Taken {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed {
            if !condition.wait(until: deadline) { break }
        }
        guard !items.isEmpty else { return closed ? .closed : .timedOut }
        let first = items.removeFirst()
        condition.broadcast()
        return .item(first)
    }

    /// An item if one is there, without waiting.
    func poll() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        guard !items.isEmpty else { return nil }
        let first = items.removeFirst()
        condition.broadcast()
        return first
    }

    /// No more items will be taken: wakes a producer waiting for room.
    func close() {
        condition.lock()
        closed = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
