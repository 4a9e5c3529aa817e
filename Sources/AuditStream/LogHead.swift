/// The first audit record in the head of a log file: where a file begins in time and on which
/// node, to tell the extent of a gap between a log that is gone and the next one.
public struct LogHead: Sendable, Equatable {
    public var node: String?
    public var timeMilliseconds: Int64

    public init(node: String?, timeMilliseconds: Int64) {
        self.node = node
        self.timeMilliseconds = timeMilliseconds
    }

    /// The first line of `bytes` that parses as an audit record, if any.
    public static func first(in bytes: [UInt8]) -> LogHead? {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if case .success(let header) = RecordHeader.parse(bytes, start..<end) {
                let (ms, overflow) = header.seconds.multipliedReportingOverflow(by: 1000)
                if !overflow {
                    return LogHead(node: header.node.map { String(decoding: bytes[$0], as: UTF8.self) },
                                   timeMilliseconds: ms &+ Int64(header.milliseconds))
                }
            }
            start = end + 1
        }
        return nil
    }
}
