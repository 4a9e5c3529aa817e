import Foundation
private import CSQLite

/// The C libraries this process runs with, for `--version`: the ones loaded at run time can differ
/// from the ones it was built against (a distribution update replaces the shared library).
public enum LinkedLibraries {
    /// SQLite's own answer at run time (`sqlite3_libversion()`), e.g. "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// The file the dynamic loader mapped for a library whose name starts with `prefix` (e.g.
    /// "libauparse.so"), symlinks resolved: /usr/lib/x86_64-linux-gnu/libauparse.so.0.0.0. libauparse
    /// has no call that reports its version, so the loaded file is the run-time evidence there is.
    /// nil when it is not mapped (a static link) or /proc is not mounted.
    public static func loadedFile(prefix: String) -> String? {
        // Read to the end rather than by the stat size, which procfs reports as 0.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"),
              let data = try? handle.readToEnd() else { return nil }
        try? handle.close()
        let maps = String(decoding: data, as: UTF8.self)
        for line in maps.split(separator: "\n") {
            // The path is the sixth column; it may hold spaces, so take everything from the first "/".
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            guard (path as NSString).lastPathComponent.hasPrefix(prefix) else { continue }
            return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        }
        return nil
    }
}
