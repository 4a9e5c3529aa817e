/// A line or record that could not be used, with where it was. Counted and stored; never fatal.
public struct ParseIssue: Sendable, Equatable {
    public var source: String
    public var line: Int
    public var byteOffset: Int64
    public var reason: String
    /// The offending text, lossily decoded and cut to `ParseIssue.maximumTextLength` bytes.
    public var text: String

    public static let maximumTextLength = 512

    public init(source: String, line: Int, byteOffset: Int64, reason: String, text: String) {
        self.source = source
        self.line = line
        self.byteOffset = byteOffset
        self.reason = reason
        self.text = text
    }

    init(source: String, line: Int, byteOffset: Int64, reason: String, bytes: ArraySlice<UInt8>) {
        let cut = bytes.prefix(Self.maximumTextLength)
        self.init(source: source, line: line, byteOffset: byteOffset, reason: reason,
                  text: String(decoding: cut, as: UTF8.self))
    }
}
