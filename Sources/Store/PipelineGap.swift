/// A stretch of time whose events may be lost: the log watch read last was rotated away (or
/// truncated without a copy) before it was read to its end.
public struct PipelineGap: Sendable, Equatable {
    public var node: String
    /// Event time of the last event stored before the gap, and of the first one after it.
    public var from: Int64?
    public var to: String?
    public var path: String

    public init(node: String, from: Int64?, to: String?, path: String) {
        self.node = node
        self.from = from
        self.to = to
        self.path = path
    }
}
