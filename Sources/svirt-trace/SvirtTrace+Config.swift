import ArgumentParser
import Native
import Alerts
import Config
import Formatting
import Findings
import Foundation
import Store

extension SvirtTrace {
    struct ConfigCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Check the config file and show the settings in force.",
            discussion: """
                The config file is YAML: /etc/svirt-trace/svirt-trace.conf, read by watch, ingest, \
                query, digest and prune when present. --config FILE, else $SVIRT_TRACE_CONFIG, names \
                another, which must exist (/dev/null: no file, the built-in defaults). Command-line \
                flags override it. Keys: database, node, libvirt_state, catch_up_log, rules, retention, \
                libvirt_senders, sinks \
                (file, exec, exec_timeout, webhook, webhook_token_file, syslog, journal) and digest \
                (to, from, mailer, sendmail); rules/svirt-trace.conf is a commented example of every \
                key. Watch reads it once, at start: a change takes a restart (SIGHUP reloads only \
                the rules file).

                An unknown key, a value of the wrong type, a relative path (paths and the programs \
                of sinks.exec and digest.sendmail must be absolute; ~ is not expanded), a control \
                character in any value, bytes that are not UTF-8, anchors and aliases (&, *), merge \
                keys (<<) and more than one document are errors naming the line.

                The file is refused, as sshd and sudo refuse theirs, unless only root and the user \
                running svirt-trace can change it: the file, every folder from / down to it and \
                every symbolic link on the way (the link's folders and the target's) must belong to \
                root or that user; the file must not be writable by its group or others; a folder \
                writable by its group or others is accepted only when it is root-owned and sticky \
                (/tmp).
                """,
            subcommands: [Check.self])

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "check",
                abstract: "Validate a config file and print the effective settings.",
                discussion: "EXIT STATUS\n  0 valid (or no file: the built-in defaults); 2 invalid.")

            @Argument(help: ArgumentHelp("The file (default: $SVIRT_TRACE_CONFIG, else /etc/svirt-trace/svirt-trace.conf).", valueName: "file"))
            var file: String?

            func run() throws {
                let loaded: (settings: Settings, file: String?)
                do { loaded = try ConfigFile.effective(explicit: file) } catch {
                    LoadedConfig.report(error)
                    throw ExitCode(Status.usage)
                }
                // What watch opens at start besides the file itself: a problem there would stop
                // it (or an auditd plugin, silently) though the file is valid.
                var problems: [String] = []
                if let rules = loaded.settings.rules {
                    do { _ = try AlertRules.load(path: rules) } catch { problems.append("rules: \(error)") }
                }
                if let token = loaded.settings.sinks.webhookTokenFile, !FileManager.default.isReadableFile(atPath: token) {
                    problems.append("sinks.webhook_token_file: \(token): cannot be read")
                }
                for file in loaded.settings.sinks.files {
                    if let status = try? FileStatus(path: file), status.isFolder { problems.append("sinks.file: \(file): is a folder") }
                }
                if let log = loaded.settings.catchUpLog, !FileManager.default.isReadableFile(atPath: log) {
                    Console.status("warning: catch_up_log: \(TerminalText.escape(log)) cannot be read now; the plugin will read only its stream")
                }
                for warning in LibvirtSender.containerWarnings(loaded.settings.libvirtSenders) {
                    Console.status("warning: \(TerminalText.escape(warning))")
                }
                guard problems.isEmpty else {
                    for problem in problems { Console.error("config: \(loaded.file ?? "-"): \(problem)") }
                    throw ExitCode(Status.usage)
                }
                let lines = Self.describe(loaded.settings, file: loaded.file)
                Console.writeStandardOutput(Data((lines.joined(separator: "\n") + "\n").utf8))
            }

            /// One `key: value` line per setting, saying where a default comes from.
            static func describe(_ s: Settings, file: String?) -> [String] {
                func list(_ values: [String]) -> String { values.joined(separator: ", ") }
                // Values hold no control character (the file is refused), the path given may.
                var out = [file == ConfigFile.noFile ? "config: none (\(ConfigFile.noFile)): built-in defaults"
                           : "config: \(file.map(TerminalText.escape) ?? "none (\(ConfigFile.defaultPath) is absent): built-in defaults")"]
                // A connection string is shown without its passwords.
                let database = s.database.map { PostgresConnectionString.names($0) ? PostgresConnectionString.redacted($0) : $0 }
                out.append("database: \(database ?? "\(Database.defaultPath()) (default)")")
                out.append("node: \(s.node ?? "none (lines without node= are stored under -)")")
                out.append("libvirt_state: \(s.libvirtState ?? LoadedConfig.hostLibvirtState.map { "\($0) (default: it exists here)" } ?? "none (\(LoadedConfig.standardLibvirtState) does not exist here)")")
                out.append("catch_up_log: \(s.catchUpLog ?? "none (the plugin reads only its stream)")")
                out.append("rules: \(s.rules ?? "built-in (rules/alerts.yaml)")")
                let fleetRetention = s.retention != nil && s.database.map(PostgresConnectionString.names) == true
                out.append("retention: \(s.retention ?? "keep everything")"
                           + (fleetRetention ? " (not applied: watch refuses it with the fleet store as database)" : ""))
                out.append("libvirt_senders: " + (s.libvirtSenders.isEmpty ? "built-in only" : list(s.libvirtSenders) + " (besides the built-in)"))
                let k = s.sinks
                out.append("sinks.file: \(k.files.isEmpty ? "none" : list(k.files))")
                out.append("sinks.exec: \(k.exec.isEmpty ? "none" : list(k.exec))")
                out.append("sinks.exec_timeout: \(k.execTimeout.map { "\($0)" } ?? "10 (default)")")
                out.append("sinks.webhook: \(k.webhooks.isEmpty ? "none" : list(k.webhooks))")
                out.append("sinks.webhook_token_file: \(k.webhookTokenFile ?? "none")")
                out.append("sinks.syslog: \(k.syslog)")
                out.append("sinks.journal: \(k.journal)")
                if k.isEmpty {
                    out.append("(no sink: watch prints alerts on standard output; under auditd, watch --stdin sends them to the journal)")
                }
                let d = s.digest
                out.append("digest.to: \(d.to.isEmpty ? "none (digest --send needs --to)" : list(d.to))")
                out.append("digest.from: \(d.from ?? "svirt-trace@HOSTNAME (default)")")
                out.append("digest.mailer: \(d.mailer ?? "sendmail (default)")")
                out.append("digest.sendmail: \(d.sendmail ?? "/usr/sbin/sendmail -t -oi (default)")")
                return out
            }
        }
    }
}
