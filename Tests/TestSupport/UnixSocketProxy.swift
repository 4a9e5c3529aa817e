import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP port on 127.0.0.1 (or a unix socket) that forwards each connection to a unix socket
/// (the test server's), and can be cut: an outage of the fleet store as its clients see it
/// (connections reset, new ones refused), without stopping a server other tests use. It can
/// also freeze connections: a server that stops reading and answering in the middle of what a
/// client sends it, as a frozen server or a network gone silent does.
public final class UnixSocketProxy: @unchecked Sendable {
    public private(set) var port: UInt16 = 0
    /// The folder it listens in as PostgreSQL would (FOLDER/.s.PGSQL.PORT); nil: TCP.
    public let folder: String?
    private let target: String
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var open: Set<Int32> = []
    private var freezeAfter: Int?
    private var cutCount = 0

    /// - Parameter target: the unix socket's path (PostgreSQL's is FOLDER/.s.PGSQL.PORT).
    public init(target: String) throws {
        self.target = target
        folder = nil
        try listen()
    }

    /// Listens on FOLDER/.s.PGSQL.PORT, for `host=FOLDER port=PORT`. A unix socket holds little
    /// in flight (about 200 KiB), so a client's writes soon block when nothing reads them,
    /// where loopback TCP can take megabytes first.
    public init(target: String, listeningIn folder: String, port: UInt16) throws {
        self.target = target
        self.folder = folder
        self.port = port
        try listen()
    }

    /// `connection` (key=value words) pointed at this proxy's unix socket instead of its host and port.
    public func connection(from connection: String) -> String {
        let words = connection.split(separator: " ").filter { !$0.hasPrefix("host=") && !$0.hasPrefix("port=") }
        return (words + ["host=\(folder ?? "127.0.0.1")", "port=\(port)"]).joined(separator: " ")
    }

    /// From now on, every connection (open or new) whose client has sent more than `bytes`
    /// freezes: nothing more is read from its client, and nothing more from the server reaches
    /// it. Its sockets stay open, so the client sees silence, not an error.
    public func freeze(afterClientBytes bytes: Int) {
        lock.withLock { freezeAfter = bytes }
    }

    /// The test server's socket, from its connection string (host=FOLDER port=PORT).
    public static func postgresSocket(of connection: String) -> String? {
        var host: String?, port = "5432"
        for word in connection.split(separator: " ") {
            if word.hasPrefix("host=") { host = String(word.dropFirst(5)) }
            if word.hasPrefix("port=") { port = String(word.dropFirst(5)) }
        }
        return host.map { "\($0)/.s.PGSQL.\(port)" }
    }

    /// New connections go through again, as when a network comes back; those already frozen
    /// stay silent and open (their other end, over a real network, never heard of the outage).
    public func thawNewConnections() {
        lock.withLock { freezeAfter = nil }
    }

    /// Resets every connection and refuses new ones until `restore`.
    public func cut() {
        lock.withLock {
            cutCount += 1
            if listener >= 0 { shutdown(listener, Int32(SHUT_RDWR)); close(listener); listener = -1 }
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// Accepts connections again, on the same port.
    public func restore() throws { try listen() }

    deinit { cut() }

    private func listen() throws {
        if let folder { return try listenOnUnixSocket("\(folder)/.s.PGSQL.\(port)") }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            throw NSError(domain: "UnixSocketProxy", code: Int(errno))
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        lock.withLock { listener = fd }
        Thread.detachNewThread { [self] in acceptLoop(fd) }
    }

    private func listenOnUnixSocket(_ path: String) throws {
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.unixAddress(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            throw NSError(domain: "UnixSocketProxy", code: Int(errno))
        }
        lock.withLock { listener = fd }
        Thread.detachNewThread { [self] in acceptLoop(fd) }
    }

    private static func unixAddress(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        return address
    }

    /// What the two pumps of one connection share.
    private final class Link: @unchecked Sendable {
        var clientBytes = 0
        var frozen = false
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { if errno == EINTR { continue }; return }
            let upstream = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.unixAddress(target)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard connected == 0 else { close(client); close(upstream); continue }
            lock.withLock { open.formUnion([client, upstream]) }
            let link = Link()
            Thread.detachNewThread { [self] in pump(from: client, to: upstream, link: link, fromClient: true) }
            Thread.detachNewThread { [self] in pump(from: upstream, to: client, link: link, fromClient: false) }
        }
    }

    private func pump(from source: Int32, to destination: Int32, link: Link, fromClient: Bool) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let cuts = lock.withLock { cutCount }
        while true {
            if lock.withLock({ link.frozen }) {
                // Silent until the proxy is cut (or goes), which shuts the sockets down.
                while lock.withLock({ cutCount == cuts }) { Thread.sleep(forTimeInterval: 0.05) }
                break
            }
            var count = read(source, &buffer, buffer.count)
            if count <= 0 { break }
            let frozenNow = lock.withLock { () -> Bool in
                if link.frozen { return true }
                guard fromClient, let limit = freezeAfter else { return false }
                if link.clientBytes + count > limit {
                    count = max(0, limit - link.clientBytes)
                    link.frozen = true
                }
                link.clientBytes += count
                return false
            }
            // Read before the freeze, from a server that froze meanwhile: never delivered.
            if frozenNow { continue }
            var sent = 0
            while sent < count {
                let written = buffer[sent..<count].withUnsafeBytes { write(destination, $0.baseAddress, count - sent) }
                if written <= 0 { break }
                sent += written
            }
            if sent < count { break }
        }
        // Either side gone: both go (the other pump ends on its read).
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(destination, Int32(SHUT_RDWR))
        lock.withLock {
            if open.remove(source) != nil { close(source) }
        }
    }
}
