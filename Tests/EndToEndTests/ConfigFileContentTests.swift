import Foundation
import Testing
import TestSupport

/// What a config file may hold, through the real binary: plain YAML in UTF-8, absolute paths, no
/// control characters; every mistake names its line, and nothing of a hostile file reaches the
/// operator's terminal unescaped.
@Suite struct ConfigFileContentTests {
    static func check(_ text: String) throws -> (conf: String, status: Int32, stdout: String, stderr: String) {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let conf = try ConfigFileTests.write(text, in: folder)
        let r = try ConfigFileTests.run(["config", "check", conf])
        return (conf, r.status, r.stdout, r.stderr)
    }

    @Test func anchorsAliasesMergeKeysAndASecondDocumentAreRefusedWithTheLine() throws {
        let cases = [
            "node: hv01\nrules: &r /etc/svirt-trace/alerts.yaml\nsinks:\n  file: *r\n": ":2: anchors and aliases (&r, *r) are not allowed",
            "sinks: &s\n  syslog: true\ndigest: *s\n": ":1: anchors and aliases (&s, *s) are not allowed",
            "node: *nowhere\n": ":1: not valid YAML: found undefined alias",
            "sinks:\n  <<: {syslog: true}\n": ":2: merge keys (<<) are not allowed",
            "node: hv01\n---\nnode: hv02\n": ":2: not valid YAML: expected a single document in the stream (line 1), but found another document",
            "node: hv01\nnode: hv02\n": ":1: given more than once in one mapping (first on this line): `node`",
        ]
        for (text, message) in cases {
            let r = try Self.check(text)
            #expect(r.status == 2 && r.stderr.contains(r.conf + message), "\(text): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one line, without the file's lines quoted: \(r.stderr)")
        }
    }

    /// A newline in digest.from would add a mail header, one in a command or URL another line.
    @Test func aControlCharacterInAnyStringValueIsRefusedWithTheLine() throws {
        let cases: [(String, String, Int)] = [
            ("database: \"/var/lib/s.db\\n\"\n", "database", 1),
            ("node: \"hv01\\e]0;pwned\\a\"\n", "node", 1),
            ("node: \"hv01\\u2028hv02\"\n", "node", 1),
            ("libvirt_state: \"/run/libvirt/qemu\\t\"\n", "libvirt_state", 1),
            ("rules: \"/etc/svirt-trace/\\u202Eyaml.alerts\"\n", "rules", 1),
            ("retention: \"1y\\n\"\n", "retention", 1),
            ("sinks:\n  file:\n    - /var/log/a.jsonl\n    - \"/var/log/b\\r.jsonl\"\n", "sinks.file", 4),
            ("sinks:\n  exec: \"/usr/local/bin/page\\nrm -rf /\"\n", "sinks.exec", 2),
            ("sinks:\n  webhook: \"https://siem.example.org/\\nX-Injected: 1\"\n", "sinks.webhook", 2),
            ("sinks:\n  webhook_token_file: \"/etc/t\\u0085\"\n", "sinks.webhook_token_file", 2),
            ("digest:\n  to: [soc@example.org, \"x@example.org\\nBcc: y@example.org\"]\n", "digest.to", 2),
            ("digest:\n  from: \"a@example.org\\nBcc: evil@example.org\"\n", "digest.from", 2),
            ("digest:\n  mailer: \"smtp://relay\\n\"\n", "digest.mailer", 2),
            ("digest:\n  sendmail: \"/usr/sbin/sendmail\\x7f -t\"\n", "digest.sendmail", 2),
        ]
        for (text, key, line) in cases {
            let r = try Self.check(text)
            #expect(r.status == 2 && r.stderr.contains("\(r.conf):\(line): `\(key)` contains the control character U+"), "\(text): \(r.stderr)")
            #expect(!r.stdout.contains("\u{1B}"), "no escape sequence on standard output")
        }
    }

    /// The built-in SMTP client is plain text: digest.mailer may name only this host, and the
    /// refusal names msmtp, the way to a relay. localhost passes; the digest refuses the same.
    @Test func aRemoteSMTPMailerIsRefusedAtConfigCheckAndAtDigest() throws {
        for remote in ["smtp://relay.example.org:25", "smtp://192.0.2.7", "smtp://[2001:db8::1]:587"] {
            let r = try Self.check("digest:\n  mailer: \"\(remote)\"\n")
            #expect(r.status == 2 && r.stderr.contains(r.conf + ":2: `digest.mailer`") && r.stderr.contains("msmtp"), "\(remote): \(r.stderr)")
        }
        for local in ["smtp://localhost:25", "smtp://127.0.0.1:2525", "smtp://[::1]"] {
            let r = try Self.check("digest:\n  mailer: \"\(local)\"\n")
            #expect(r.status == 0, "\(local): \(r.stderr)")
        }
        let digest = try runProcess(WatchTests.binary, ["digest", "--db", "/nonexistent/s.db", "--to", "soc@example.org",
                                                        "--send", "--mailer", "smtp://relay.example.org"])
        let said = String(decoding: digest.stderr, as: UTF8.self)
        #expect(digest.status == 2 && said.contains("msmtp") && said.contains("STARTTLS"), "\(said)")
    }

    /// A service runs in /, where a relative path names another file than where it was tried.
    @Test func aRelativePathOrTildeIsRefusedWithTheLine() throws {
        let cases: [(String, String)] = [
            ("database: svirt.db\n", ":1: `database` must be an absolute path (starting with /) or a PostgreSQL connection string"),
            ("node: hv01\nlibvirt_state: run/libvirt/qemu\n", ":2: `libvirt_state` must be an absolute path"),
            ("rules: ~/alerts.yaml\n", ":1: `rules` must be an absolute path (starting with /), not \"~/alerts.yaml\" (~ is not expanded)"),
            ("sinks:\n  file: [/var/log/a.jsonl, alerts.jsonl]\n", ":2: `sinks.file` must be an absolute path"),
            ("sinks:\n  webhook_token_file: ./token\n", ":2: `sinks.webhook_token_file` must be an absolute path"),
            ("sinks:\n  exec:\n    - /usr/local/bin/page\n    - logger -t svirt\n", ":4: `sinks.exec` must start with the absolute path of the program (/usr/local/bin/...), not \"logger\""),
            ("digest:\n  sendmail: sendmail -t -oi\n", ":2: `digest.sendmail` must start with the absolute path of the program"),
        ]
        for (text, message) in cases {
            let r = try Self.check(text)
            #expect(r.status == 2 && r.stderr.contains(r.conf + message), "\(text): \(r.stderr)")
        }
        let fine = try Self.check("sinks:\n  exec: /usr/bin/logger -t svirt-trace\ndigest:\n  sendmail: /usr/sbin/sendmail -t -oi\n")
        #expect(fine.status == 0 && fine.stdout.contains("sinks.exec: /usr/bin/logger -t svirt-trace"), "\(fine.stderr)")
    }

    @Test func bytesThatAreNotUTF8AreAnErrorWithTheLineAndOffset() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let conf = folder.appendingPathComponent("svirt-trace.conf").path
        var bytes = Data("# comment\nnode: hv".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Data("01\n".utf8))
        try bytes.write(to: URL(fileURLWithPath: conf))
        let r = try ConfigFileTests.run(["config", "check", conf])
        #expect(r.status == 2 && r.stderr.contains("\(conf):2: not UTF-8: the byte at offset 18 (0xff) is not valid UTF-8"), "\(r.stderr)")
    }

    /// Error messages may quote the file (a key, libyaml's reading of a line); what they quote is
    /// escaped, for config check and for every command that reads the file.
    @Test func aHostileFileCannotSendEscapeSequencesToTheTerminal() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = ["node: hv01\n\"\\e]0;pwned\\a\": 1\n": ":2: unknown key `\\x1b]0;pwned\\x07`",
                     "node: hv01\nrules: /etc/\u{1B}[2J\n": ":2: not valid YAML: control characters are not allowed",
                     "node: \"\\e]0;pwned\\a\"\n": ":1: `node` contains the control character U+001B"]
        for (text, message) in cases {
            let conf = try ConfigFileTests.write(text, in: folder)
            for args in [["config", "check", conf], ["query", "stats", "--config", conf], ["watch", "--config", conf, "--stdin"]] {
                let r = try ConfigFileTests.run(args, stdin: Data())
                #expect(r.status == 2 && r.stderr.contains(conf + message), "\(args): \(r.stderr)")
                #expect(!r.stderr.contains("\u{1B}") && !r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{07}"), "\(args): raw escape")
            }
        }
    }
}
