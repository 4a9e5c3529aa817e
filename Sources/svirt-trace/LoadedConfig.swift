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
            Console.error("config: \(error)")
            throw ExitCode(SvirtTrace.Status.usage)
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
