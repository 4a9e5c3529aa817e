import Foundation

/// A small HTTP server on loopback for webhook tests, run as a Python child: it answers the
/// first `failures` POSTs with 500, then 200, and appends each accepted body (and its
/// Authorization header) to a file.
public final class HTTPSink {
    public let port: Int
    public let received: URL
    private let process = Process()

    public init(failures: Int, folder: URL) throws {
        received = folder.appendingPathComponent("received-\(UUID().uuidString.prefix(6)).jsonl")
        let portFile = folder.appendingPathComponent("port-\(UUID().uuidString.prefix(6))")
        let script = """
        import http.server, sys, json
        failures = [\(failures)]
        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
                if failures[0] > 0:
                    failures[0] -= 1
                    self.send_response(500); self.end_headers(); return
                with open(sys.argv[1], 'a') as f:
                    f.write(json.dumps({'auth': self.headers.get('Authorization'), 'body': body.decode()}) + '\\n')
                self.send_response(200); self.end_headers()
            def log_message(self, *a): pass
        s = http.server.HTTPServer(('127.0.0.1', 0), H)
        open(sys.argv[2], 'w').write(str(s.server_address[1]))
        s.serve_forever()
        """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, received.path, portFile.path]
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let value = Int(text) {
                port = value
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw NSError(domain: "HTTPSink", code: 1, userInfo: [NSLocalizedDescriptionKey: "server did not start"])
    }

    public func bodies() -> [[String: Any]] {
        ((try? String(contentsOf: received, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// SIGKILL: a test runner may have left SIGTERM ignored, and children inherit that.
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
