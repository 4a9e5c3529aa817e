import Foundation

/// The built `svirt-trace` executable, run as a subprocess the way an operator runs it.
public enum Binary {
    public static let path: String = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [here.appendingPathComponent("svirt-trace"),
                          here.deletingLastPathComponent().appendingPathComponent("svirt-trace"),
                          Fixtures.repositoryRoot.appendingPathComponent(".build/debug/svirt-trace")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path ?? candidates[2].path
    }()

    /// Runs it with NO_COLOR and the given extra environment.
    public static func run(_ args: [String], stdin: Data? = nil,
                           environment extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in extra { env[k] = v }
        let r = try runProcess(path, args, stdin: stdin, environment: env)
        return (r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self))
    }
}
