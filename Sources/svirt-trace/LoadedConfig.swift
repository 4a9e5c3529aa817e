import ArgumentParser
import Config
import Foundation
import Synchronization

/// The config file in force for this process: loaded once, when the command line is validated
/// (DatabaseOptions.validate), and read by every part of the command after that. One process
/// runs one command, so one process-wide value is the whole truth.
enum LoadedConfig {
    private static let state = Mutex<(settings: Settings, file: String?)>((Settings(), nil))

    static var settings: Settings { state.withLock { $0.settings } }
    /// The file read, or nil when none was (no default file).
    static var file: String? { state.withLock { $0.file } }

    /// Reads `explicit` (--config; must exist) or the default file when present. A bad file is
    /// a usage error (exit 2) with the file and line.
    static func load(explicit: String?) throws {
        do {
            let loaded = try ConfigFile.effective(explicit: explicit)
            state.withLock { $0 = loaded }
        } catch {
            report(error, prefix: "config: ")
            throw ExitCode(SvirtTrace.Status.usage)
        }
    }

    /// A config failure's description is already terminal-safe (it escapes what it quotes of
    /// the file); escaping it again would double every backslash.
    static func report(_ error: Error, prefix: String = "") {
        if let failure = error as? ConfigFile.Failure {
            Console.writeStandardError("svirt-trace: \(prefix)\(failure)\n")
            // An auditd plugin's standard error is /dev/null; it would exit for this, and be
            // restarted, without a word anywhere.
            Console.journalIfStandardErrorIsDiscarded("\(prefix)\(failure)")
        } else {
            Console.error("\(prefix)\(error)")
        }
    }

    /// Watch reads the config file once, at start; SIGHUP reloads only the rules file. What a
    /// SIGHUP finds in the config file, so that an edit is not silently left unapplied: nil when
    /// it still says what is in force.
    static func changeSinceStart() -> (message: String, isError: Bool)? {
        guard let file else {
            // None was read because the default file was absent: one put there since is not read either.
            guard ConfigFile.exists(ConfigFile.defaultPath) else { return nil }
            return ("\(ConfigFile.defaultPath) appeared since watch started; SIGHUP reloads only the rules file: restart watch to read it (systemctl restart svirt-trace-watch)", false)
        }
        do {
            guard try ConfigFile.load(path: file) != settings else { return nil }
            return ("the config file \(file) changed since watch started; SIGHUP reloads only the rules file: restart watch to apply it (systemctl restart svirt-trace-watch)", false)
        } catch {
            return ("the config file is no longer valid (\(error)); the settings read at start stay in force, and a restart would fail", true)
        }
    }

    /// libvirt's live status folder, used by watch when neither --libvirt-state nor the config
    /// names one and it exists on this host.
    static let standardLibvirtState = "/run/libvirt/qemu"

    static var hostLibvirtState: String? {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: standardLibvirtState, isDirectory: &isFolder) && isFolder.boolValue
            ? standardLibvirtState : nil
    }
}
