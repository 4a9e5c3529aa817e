import ArgumentParser
import Foundation
import Formatting
import Native

@main
struct SvirtTrace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svirt-trace",
        abstract: "Attribute SELinux sVirt denials on KVM hosts to the guests on both sides.",
        discussion: """
            libvirt gives every guest's QEMU process and disk images a unique MCS category pair \
            (svirt_t:s0:c87,c520). When the kernel denies an access it logs only those labels. \
            svirt-trace reads the audit log through libauparse, follows libvirt's VIRT_MACHINE_ID, \
            VIRT_CONTROL and VIRT_RESOURCE records to know which guest held which label at every \
            moment, and stores each denial with the guests on both sides and one classification \
            (cross-guest, guest-host, needs-boolean, ...) in an SQLite database.

            DATABASE
              --db PATH, else the config file's database, else $SVIRT_TRACE_DB, else /var/lib/svirt-trace/svirt-trace.db for root, \
            else ~/.local/state/svirt-trace/svirt-trace.db.

            CONFIG FILE
              /etc/svirt-trace/svirt-trace.conf (YAML), read when present; --config FILE or \
            $SVIRT_TRACE_CONFIG names another, which must exist (/dev/null: none). Flags override \
            it. See `svirt-trace config check`.

            EXIT STATUS
              0 success; 1 a query matched nothing; 2 usage error; 3 an input could not be read \
            (other inputs were still ingested); 4 database error; 5 a digest could not be delivered; \
            6 standard output could not be written (a reader that went away, as with | head, is \
            not an error: 0); 130 or 143 ingest was stopped by SIGINT or SIGTERM (what it read is \
            stored; the same command again reads on).
            """,
        // The full text reads /proc/self/maps, which cost every command about 15M instructions
        // at start (ArgumentParser builds this configuration for any command): only --version
        // shows it.
        version: CommandLine.arguments.dropFirst().contains("--version") ? BuildInfo.versionText : BuildInfo.version,
        subcommands: [Ingest.self, Query.self, Watch.self, DigestCommand.self, Prune.self, Fleet.self, ConfigCommand.self]
    )

    /// Exit codes documented in --help.
    enum Status {
        static let noMatch: Int32 = 1
        static let usage: Int32 = 2
        static let input: Int32 = 3
        static let database: Int32 = 4
        static let delivery: Int32 = 5
        static let output: Int32 = 6
    }

    /// A path in the environment that is not UTF-8 would name another file: refused (exit 2)
    /// where it is used.
    static func requireUTF8(environment name: String) {
        guard !RawArguments.notUTF8(environment: [name]).isEmpty else { return }
        Console.error("$\(name) is not valid UTF-8: svirt-trace takes paths as UTF-8 text, and this one would name another file")
        Foundation.exit(SvirtTrace.Status.usage)
    }

    static func main() {
        // watch stops on SIGTERM and reloads on SIGHUP from its first instant, not only once its
        // arguments, config and rules are read (a SIGHUP then killed it: helper-81).
        if CommandLine.arguments.dropFirst().first == "watch" { ProcessSignals.catchStopAndReload() }
        // ingest commits what it read when told to stop, and says where it stopped.
        if CommandLine.arguments.dropFirst().first == "ingest" { ProcessSignals.catchFirstStop() }
        // Before anything opens a file: a closed standard descriptor is filled with /dev/null.
        _ = StandardDescriptors.closedAtStart
        // Refused before any of it is used: such a path would name another file.
        for index in RawArguments.notUTF8() where index > 0 {
            Console.error("argument \(index) is not valid UTF-8 (\"\(CommandLine.arguments[index])\" with each bad byte as U+FFFD): "
                          + "svirt-trace takes paths and names as UTF-8 text, and such a path would name another file; "
                          + "rename the file (a log can also come on standard input)")
            Foundation.exit(SvirtTrace.Status.usage)
        }
        requireUTF8(environment: "SVIRT_TRACE_DB")
        requireUTF8(environment: "SVIRT_TRACE_CONFIG")
        // Before anything writes: a reader that goes away is an EPIPE error where the write
        // happens (handled there), never a silent death by SIGPIPE.
        ProcessSignals.ignoreBrokenPipe()
        PostgresConnection.defaultConnectTimeout()
        // The command that was chosen: an error its run() throws (a time word it cannot read) is
        // explained with its own usage line, not the top level's.
        var chosen: ParsableCommand.Type = SvirtTrace.self
        do {
            var command = try parseAsRoot()
            chosen = type(of: command)
            if let problem = LocalZone.current.problem { Console.error("warning: " + problem) }
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.writeStandardOutput(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(0)
            }
            var text = fullMessage(for: error)
            if chosen != SvirtTrace.self, code == .validationFailure {
                // Thrown by the subcommand's run(): its usage is given from the top, as a
                // parsing error's is (the subcommand's own fullMessage names it alone).
                let usage = usageString(for: chosen)
                let path = usage.split(separator: " ")
                    .prefix { !$0.hasPrefix("<") && !$0.hasPrefix("[") && !$0.hasPrefix("-") }.joined(separator: " ")
                text = "Error: \(message(for: error))\nUsage: \(usage)\n  See '\(path) --help' for more information."
            }
            // Messages quote what was typed: a value holding ESC must not reach the terminal raw.
            let message = TerminalText.escapeControls(text)
            // Empty for an ExitCode thrown while validating (the reason was already written).
            if !message.isEmpty { Console.writeStandardError(message + "\n") }
            if code == .validationFailure { Foundation.exit(Status.usage) }
            Foundation.exit(code.rawValue == 1 ? Status.database : code.rawValue)
        }
    }
}
