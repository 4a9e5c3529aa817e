#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: errno and its text, as strerror(3) words it.
public struct SystemError: Error, CustomStringConvertible, Equatable, Sendable {
    public var code: Int32
    public var reason: String { Self.text(code) }
    public var description: String { reason }

    public init(code: Int32) {
        self.code = code
    }

    /// The current errno.
    public static var last: SystemError { SystemError(code: errno) }

    public static func text(_ code: Int32) -> String { String(cString: strerror(code)) }

    public static let brokenPipe = EPIPE
    public static let isFolder = EISDIR
}
