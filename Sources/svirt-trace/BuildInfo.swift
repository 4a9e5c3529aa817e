import Native

/// What `--version` prints. The version is defined here and only here (the Makefile reads it).
enum BuildInfo {
    static let version = "0.11.0"

    /// Several lines: the version, the commit, and the C libraries it runs with.
    static var versionText: String {
        let auparseBuilt = auparseBuildVersion.map { "\($0) at build time (pkg-config auparse)" }
            ?? "build-time version unknown (built without make)"
        let auparseLoaded = LinkedLibraries.loadedFile(prefix: "libauparse.so").map { "runs with \($0)" }
            ?? "loaded file not found"
        return """
            svirt-trace \(version)
            commit: \(commit ?? "unknown commit")
            libauparse: \(auparseBuilt); \(auparseLoaded)
            SQLite: \(LinkedLibraries.sqliteVersion)
            """
    }
}

// `make` writes BuildInfo+Generated.swift (not committed) with the commit and the pkg-config
// version of auparse, and compiles with -DSVIRT_TRACE_BUILD_INFO. A plain `swift build` leaves the
// flag off, so a stale generated file is ignored and these are used instead.
#if !SVIRT_TRACE_BUILD_INFO
extension BuildInfo {
    static let commit: String? = nil
    static let auparseBuildVersion: String? = nil
}
#endif
