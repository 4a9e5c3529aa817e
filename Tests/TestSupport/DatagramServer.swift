import Foundation

/// A Unix datagram socket (a syslog or journal stand-in): a python3 process bound to `socket`
/// that appends `decode(datagram)` and a newline to `received` for each datagram it gets.
/// `decode` is Python source defining `decode(d)`, with json, socket and struct imported.
public enum DatagramServer {
    public static func start(socket: String, received: String, decode: String) throws -> Process {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", """
            import json, socket, struct, sys
            \(decode)
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1])
            open(sys.argv[2] + '.ready', 'w').close()
            with open(sys.argv[2], 'a') as f:
                while True:
                    f.write(decode(s.recv(1 << 20)) + '\\n'); f.flush()
            """, socket, received]
        try server.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: received + ".ready"), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return server
    }
}
