import Foundation

/// A value several test threads change, behind a lock.
public final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    public init(_ value: Value) { stored = value }

    public var value: Value { lock.withLock { stored } }

    public func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
