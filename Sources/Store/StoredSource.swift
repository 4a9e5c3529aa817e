/// A source row as `watch` finds it at start: where to resume, and the time of the last event
/// stored from it (the start of a gap if the file is gone).
public struct StoredSource: Sendable, Equatable {
    public var checkpoint: SourceCheckpoint
    public var lastEventMilliseconds: Int64?

    public init(checkpoint: SourceCheckpoint, lastEventMilliseconds: Int64?) {
        self.checkpoint = checkpoint
        self.lastEventMilliseconds = lastEventMilliseconds
    }
}
