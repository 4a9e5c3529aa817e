#if canImport(Glibc)
import Glibc
#endif
import Formatting
import Foundation
import Native
import Yams

/// Reads the one config file. Every mistake names the file and the line, so an operator can fix
/// a daemon that refused to start from its log alone.
public enum ConfigFile {
    /// Read when present, silently skipped when absent: the only file that may be missing.
    public static let defaultPath = "/etc/svirt-trace/svirt-trace.conf"
    /// $SVIRT_TRACE_CONFIG names another default file (tests, a second instance), which must exist.
    public static let environmentVariable = "SVIRT_TRACE_CONFIG"
    /// `--config /dev/null` (or $SVIRT_TRACE_CONFIG=/dev/null): no file, the built-in defaults,
    /// as `ssh -F /dev/null` says it.
    public static let noFile = "/dev/null"
    /// Config files are a few hundred bytes; a huge one is a mistake.
    public static let maximumFileSize: Int64 = 1 << 20

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var file: String
        /// 1-based; nil when the problem is the file itself.
        public var line: Int?
        public var reason: String
        /// Terminal-safe: a reason may quote the file's bytes (a key, a value), and a hostile file
        /// must not reach the operator's terminal as escape sequences.
        public var description: String {
            TerminalText.escape(line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)")
        }
    }

    /// The settings in force: `explicit` (--config), else the file $SVIRT_TRACE_CONFIG names, must
    /// exist; only the built-in default file may be absent.
    public static func effective(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> (settings: Settings, file: String?) {
        if let explicit { return (try load(path: explicit), explicit) }
        if let named = environment[environmentVariable], !named.isEmpty { return (try load(path: named), named) }
        guard exists(defaultPath) else { return (Settings(), nil) }
        return (try load(path: defaultPath), defaultPath)
    }

    /// Absent means no such name: a dangling link, or a file we may not read, is there (and an
    /// error when loaded), not silently skipped.
    public static func exists(_ path: String) -> Bool {
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { return true }
        do { _ = try FileStatus(path: path) } catch let error as SystemError { return error.code != ENOENT } catch { return true }
        return true
    }

    /// Loads a config file, refusing one that others may change or replace: it names commands
    /// watch runs (as root, under auditd) and where alerts go.
    public static func load(path: String) throws -> Settings {
        if path == noFile { return Settings() }
        let trust = ConfigPathTrust()
        let resolved: String
        do { resolved = try trust.check(path).resolved } catch let refusal as ConfigPathTrust.Refusal {
            throw Failure(file: path, reason: refusal.reason)
        }
        // No link is left in `resolved`; O_NOFOLLOW fails if one appeared since, and O_NONBLOCK
        // keeps a FIFO put there from blocking the open.
        let descriptor = open(resolved, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure(file: path, reason: "cannot read it: \(SystemError.last)") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let opened: FileStatus
        do {
            opened = try FileStatus(descriptor: descriptor)
            // What is read is what was judged.
            try trust.judgeFile(opened)
        } catch let refusal as ConfigPathTrust.Refusal {
            throw Failure(file: path, reason: refusal.reason)
        } catch { throw Failure(file: path, reason: "cannot read it: \(error)") }
        guard opened.size <= maximumFileSize else {
            throw Failure(file: path, reason: "is \(opened.size) bytes; a config file may be at most \(maximumFileSize) bytes")
        }
        let data: Data
        do { data = try handle.readToEnd() ?? Data() } catch { throw Failure(file: path, reason: "cannot read it: \(error)") }
        guard data.count <= maximumFileSize else {
            throw Failure(file: path, reason: "is more than \(maximumFileSize) bytes; a config file may be at most that")
        }
        return try parse(ConfigYAML.text(data, file: path), file: path)
    }

    static let topKeys = ["database", "node", "libvirt_state", "catch_up_log", "rules", "retention", "libvirt_senders", "sinks",
                          "digest"]
    static let sinkKeys = ["file", "exec", "exec_timeout", "webhook", "webhook_token_file", "syslog", "journal"]
    static let digestKeys = ["to", "from", "mailer", "sendmail"]

    public static func parse(_ text: String, file: String) throws -> Settings {
        let root = try ConfigYAML.compose(text, file: file)
        var settings = Settings()
        // An empty file (or only comments) sets nothing.
        guard let root else { return settings }
        let reader = ConfigNodeReader(file: file)
        let top = try reader.mapping(root, "the file", keys: topKeys)
        for (key, value) in top {
            switch key.name {
            case "database": settings.database = try reader.database(value, key.name)
            case "node": settings.node = try reader.string(value, key.name)
            case "libvirt_state": settings.libvirtState = try reader.path(value, key.name)
            case "catch_up_log": settings.catchUpLog = try reader.path(value, key.name)
            case "rules": settings.rules = try reader.path(value, key.name)
            case "libvirt_senders": settings.libvirtSenders = try reader.strings(value, key.name, reader.sender)
            case "retention":
                let text = try reader.string(value, key.name)
                do { _ = try RetentionPeriod(text) } catch { throw reader.failure(value, "`retention`: \(error)") }
                settings.retention = text
            // A section whose keys are all commented out is empty, as in the shipped example.
            case "sinks": if value.null == nil { settings.sinks = try sinks(value, reader) }
            case "digest": if value.null == nil { settings.digest = try digest(value, reader) }
            default: break
            }
        }
        return settings
    }

    static func sinks(_ node: Node, _ reader: ConfigNodeReader) throws -> Settings.Sinks {
        var sinks = Settings.Sinks()
        for (key, value) in try reader.mapping(node, "`sinks`", keys: sinkKeys) {
            let name = "sinks.\(key.name)"
            switch key.name {
            case "file": sinks.files = try reader.strings(value, name, reader.path)
            case "exec": sinks.exec = try reader.strings(value, name, reader.command)
            case "exec_timeout":
                let seconds = try reader.number(value, name)
                guard seconds > 0, seconds.isFinite else { throw reader.failure(value, "`\(name)` must be a number of seconds more than zero") }
                sinks.execTimeout = seconds
            case "webhook":
                sinks.webhooks = try reader.strings(value, name) { item, name in
                    let url = try reader.string(item, name)
                    // The check watch's webhook sink makes at start.
                    if case .failure(let failure) = WebhookURL.parse(url) {
                        throw reader.failure(item, "`\(name)` takes http:// or https:// URLs with a host and a valid port, "
                                             + "not \"\(url)\" (\(failure))")
                    }
                    return url
                }
            case "webhook_token_file": sinks.webhookTokenFile = try reader.path(value, name)
            case "syslog": sinks.syslog = try reader.bool(value, name)
            case "journal": sinks.journal = try reader.bool(value, name)
            default: break
            }
        }
        return sinks
    }

    static func digest(_ node: Node, _ reader: ConfigNodeReader) throws -> Settings.DigestSettings {
        var digest = Settings.DigestSettings()
        for (key, value) in try reader.mapping(node, "`digest`", keys: digestKeys) {
            let name = "digest.\(key.name)"
            switch key.name {
            case "to": digest.to = try reader.strings(value, name)
            case "from": digest.from = try reader.string(value, name)
            case "mailer":
                let mailer = try reader.string(value, name)
                guard mailer == "sendmail" || mailer.hasPrefix("smtp://") else {
                    throw reader.failure(value, "`\(name)` takes sendmail or smtp://localhost[:PORT], not \"\(mailer)\"")
                }
                if mailer != "sendmail" {
                    do { _ = try LocalSMTPURL(mailer) } catch { throw reader.failure(value, "`\(name)`: \(error)") }
                }
                digest.mailer = mailer
            case "sendmail": digest.sendmail = try reader.command(value, name)
            default: break
            }
        }
        return digest
    }
}
