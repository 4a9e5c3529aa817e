import Foundation

/// A real SMTP server on loopback for delivery tests: Debian's python3-aiosmtpd, run as a child
/// of the test. It refuses recipients whose address starts with `nobody@` (550) and writes every
/// accepted message, with its envelope, as one JSON line.
public final class SMTPSink {
    public let port: Int
    public let received: URL
    private let process = Process()

    public struct Message {
        public var mailFrom: String
        public var recipients: [String]
        public var content: String
    }

    public init(folder: URL) throws {
        received = folder.appendingPathComponent("smtp-\(UUID().uuidString.prefix(6)).jsonl")
        let portFile = folder.appendingPathComponent("smtp-port-\(UUID().uuidString.prefix(6))")
        let script = """
        import asyncio, json, socket, sys
        from aiosmtpd.controller import Controller
        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, options):
                if address.startswith('nobody@'):
                    return '550 5.1.1 no such user here'
                envelope.rcpt_tos.append(address)
                return '250 OK'
            async def handle_DATA(self, server, session, envelope):
                with open(sys.argv[1], 'a') as f:
                    f.write(json.dumps({'from': envelope.mail_from, 'to': envelope.rcpt_tos,
                                        'content': envelope.original_content.decode('utf-8', 'replace')}) + '\\n')
                return '250 Message accepted for delivery'
        probe = socket.socket(); probe.bind(('127.0.0.1', 0)); port = probe.getsockname()[1]; probe.close()
        controller = Controller(Handler(), hostname='127.0.0.1', port=port)
        controller.start()
        open(sys.argv[2], 'w').write(str(port))
        import threading; threading.Event().wait()
        """
        // Debian's interpreter: python3-aiosmtpd is installed for it, not for other Pythons on PATH.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, received.path, portFile.path]
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let value = Int(text) {
                port = value
                return
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        throw NSError(domain: "SMTPSink", code: 1, userInfo: [NSLocalizedDescriptionKey:
            "aiosmtpd did not start (apt-get install python3-aiosmtpd; tools/install-deps does)"])
    }

    public func messages() -> [Message] {
        let text = (try? String(contentsOf: received, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            guard let o = try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else { return nil }
            return Message(mailFrom: o["from"] as? String ?? "", recipients: o["to"] as? [String] ?? [],
                           content: o["content"] as? String ?? "")
        }
    }

    /// SIGKILL: a test runner may have left SIGTERM ignored, and children inherit that.
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
