import Formatting
import Foundation
import Native
import Yams

/// Reads the one config file. Every mistake names the file and the line, so an operator can fix
/// a daemon that refused to start from its log alone.
public enum ConfigFile {
    /// Read when present, silently skipped when absent.
    public static let defaultPath = "/etc/svirt-trace/svirt-trace.conf"
    /// $SVIRT_TRACE_CONFIG names another default file (tests, a second instance).
    public static let environmentVariable = "SVIRT_TRACE_CONFIG"
    /// Config files are a few hundred bytes; a huge one is a mistake.
    public static let maximumFileSize: Int64 = 1 << 20

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var file: String
        /// 1-based; nil when the problem is the file itself.
        public var line: Int?
        public var reason: String
        public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
    }

    /// The settings in force: `explicit` (from --config) must exist; the default file is read
    /// when present.
    public static func effective(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> (settings: Settings, file: String?) {
        if let explicit { return (try load(path: explicit), explicit) }
        let path = environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultPath
        guard (try? FileStatus(path: path)) != nil else { return (Settings(), nil) }
        return (try load(path: path), path)
    }

    /// Loads a config file, refusing one that others may change: it names commands watch runs
    /// (as root, under auditd) and where alerts go.
    public static func load(path: String) throws -> Settings {
        let status: FileStatus
        do { status = try FileStatus(path: path) } catch { throw Failure(file: path, reason: "cannot read it: \(error)") }
        if status.isFolder { throw Failure(file: path, reason: "is a folder, not a config file") }
        if status.isWorldWritable { throw Failure(file: path, reason: "refused: it is world-writable (chmod o-w)") }
        let folder = URL(fileURLWithPath: FileStatus.resolvedPath(path) ?? path).deletingLastPathComponent().path
        if let info = try? FileStatus(path: folder), info.isWorldWritable {
            throw Failure(file: path, reason: "refused: it is in the world-writable folder \(folder), where anybody could replace it (chmod o-w)")
        }
        if status.owner != 0, status.owner != FileStatus.effectiveUser {
            throw Failure(file: path, reason: "refused: it belongs to user id \(status.owner), neither root nor the user running svirt-trace (chown it)")
        }
        guard status.size <= maximumFileSize else {
            throw Failure(file: path, reason: "is \(status.size) bytes; a config file may be at most \(maximumFileSize) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(file: path, reason: "cannot read it") }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    static let topKeys = ["database", "node", "libvirt_state", "rules", "retention", "sinks", "digest"]
    static let sinkKeys = ["file", "exec", "exec_timeout", "webhook", "webhook_token_file", "syslog", "journal"]
    static let digestKeys = ["to", "from", "mailer", "sendmail"]

    public static func parse(_ text: String, file: String) throws -> Settings {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw Failure(file: file, reason: "not valid YAML: \(error)")
        }
        var settings = Settings()
        // An empty file (or only comments) sets nothing.
        guard let root else { return settings }
        let reader = ConfigNodeReader(file: file)
        let top = try reader.mapping(root, "the file", keys: topKeys)
        for (key, value) in top {
            switch key.name {
            case "database": settings.database = try reader.path(value, key.name)
            case "node":
                let node = try reader.string(value, key.name)
                if node.contains(where: { $0.isNewline || $0 == "\0" }) { throw reader.failure(value, "`node` must be a name on one line") }
                settings.node = node
            case "libvirt_state": settings.libvirtState = try reader.path(value, key.name)
            case "rules": settings.rules = try reader.path(value, key.name)
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
            case "file": sinks.files = try reader.strings(value, name)
            case "exec": sinks.exec = try reader.strings(value, name)
            case "exec_timeout":
                let seconds = try reader.number(value, name)
                guard seconds > 0, seconds.isFinite else { throw reader.failure(value, "`\(name)` must be a number of seconds more than zero") }
                sinks.execTimeout = seconds
            case "webhook":
                sinks.webhooks = try reader.strings(value, name)
                for url in sinks.webhooks where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
                    throw reader.failure(value, "`\(name)` takes http:// or https:// URLs, not \"\(url)\"")
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
                    throw reader.failure(value, "`\(name)` takes sendmail or smtp://HOST[:PORT], not \"\(mailer)\"")
                }
                digest.mailer = mailer
            case "sendmail": digest.sendmail = try reader.string(value, name)
            default: break
            }
        }
        return digest
    }
}
