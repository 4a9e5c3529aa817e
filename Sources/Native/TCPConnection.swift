#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP connection with a deadline on every read and write: what a small SMTP client
/// needs, and nothing more.
public final class TCPConnection {
    public struct Failure: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    private let fd: Int32
    private let timeoutMilliseconds: Int32

    public init(host: String, port: UInt16, timeoutMilliseconds: Int32 = 30_000) throws {
        self.timeoutMilliseconds = timeoutMilliseconds
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            throw Failure(reason: "\(host): \(String(cString: gai_strerror(rc)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            node = entry.pointee.ai_next
            let s = socket(entry.pointee.ai_family, entry.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), entry.pointee.ai_protocol)
            guard s >= 0 else { lastError = String(cString: strerror(errno)); continue }
            // Non-blocking connect, so the timeout applies to it too.
            let flags = fcntl(s, F_GETFL)
            _ = fcntl(s, F_SETFL, flags | O_NONBLOCK)
            if connect(s, entry.pointee.ai_addr, entry.pointee.ai_addrlen) != 0 && errno != EINPROGRESS {
                lastError = String(cString: strerror(errno))
                close(s)
                continue
            }
            var p = pollfd(fd: s, events: Int16(POLLOUT), revents: 0)
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            if Self.pollRetrying(&p, timeoutMilliseconds) != 1 {
                lastError = "connection timed out"
                close(s)
                continue
            }
            getsockopt(s, SOL_SOCKET, SO_ERROR, &soError, &length)
            if soError != 0 {
                lastError = String(cString: strerror(soError))
                close(s)
                continue
            }
            _ = fcntl(s, F_SETFL, flags)
            fd = s
            return
        }
        throw Failure(reason: "\(host):\(port): \(lastError)")
    }

    deinit { close(fd) }

    /// poll(2) that a signal handled meanwhile (watch's SIGHUP) does not cut short: it is asked
    /// again for the time left.
    private static func pollRetrying(_ p: inout pollfd, _ milliseconds: Int32) -> Int32 {
        let deadline = ContinuousClock.now + .milliseconds(Int(milliseconds))
        var left = milliseconds
        while true {
            let ready = poll(&p, 1, left)
            if ready >= 0 || errno != EINTR { return ready }
            let remaining = (deadline - ContinuousClock.now).components
            left = Int32(clamping: max(0, remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000))
        }
    }

    private func wait(_ events: Int32) throws {
        var p = pollfd(fd: fd, events: Int16(events), revents: 0)
        let ready = Self.pollRetrying(&p, timeoutMilliseconds)
        guard ready == 1 else { throw Failure(reason: ready == 0 ? "no answer within \(timeoutMilliseconds / 1000) s" : String(cString: strerror(errno))) }
    }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            try wait(Int32(POLLOUT))
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(reason: "send: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    /// Whatever bytes arrive next; empty when the peer closed.
    public func receive(maximum: Int = 4096) throws -> [UInt8] {
        try wait(Int32(POLLIN))
        var buffer = [UInt8](repeating: 0, count: maximum)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 0 else { throw Failure(reason: "receive: \(String(cString: strerror(errno)))") }
        return Array(buffer[0..<n])
    }
}
