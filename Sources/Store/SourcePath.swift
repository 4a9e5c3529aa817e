#if canImport(Glibc)
import Glibc
#endif
import Native

/// How a source's path is stored (`sources.last_path`): absolute, so that every writer names a
/// file alike. An `ingest audit.log.1 audit.log` run in /var/log/audit stored the relative names
/// over watch's absolute ones; the restarted watch then found no source read under its path,
/// caught nothing up, and what was written to the file between the ingest and its rotation was
/// lost without a gap. The folder's symbolic links are resolved (/var/log/audit may be a link
/// to a log volume, and one writer may be given either), the file's own name is not: watch
/// follows the name through rotation, not the file it stands for now. (The watch lock names its
/// database so too, once it has followed the database file's own links.)
public enum SourcePath {
    public static func stored(_ path: String) -> String {
        guard path != "-", !path.isEmpty else { return path }
        var absolute = path
        if !path.hasPrefix("/") {
            guard let cwd = currentDirectory() else { return path }
            absolute = (cwd == "/" ? "" : cwd) + "/" + path
        }
        // The folder as the kernel finds it, `..` after a link included: `a/link/../x` is in the
        // link's target's parent, not in `a` (removing `..` from the text first named another
        // file, helper-83). Lexically only when the folder is gone.
        if let slash = absolute.lastIndex(of: "/") {
            let name = absolute[absolute.index(after: slash)...]
            let folderPath = slash == absolute.startIndex ? "/" : String(absolute[..<slash])
            if !name.isEmpty, name != ".", name != "..", let folder = realFolder(folderPath) {
                return (folder == "/" ? "" : folder) + "/" + name
            }
        }
        return lexicallyNormalized(absolute)
    }

    private static func realFolder(_ folder: String) -> String? {
        guard let resolved = realpath(folder, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `.` and empty components dropped, `..` taking the one before: `/a/./b//c/../d` is `/a/b/d`.
    static func lexicallyNormalized(_ path: String) -> String {
        "/" + LexicalPath.components(path).joined(separator: "/")
    }

    private static func currentDirectory() -> String? {
        guard let cwd = getcwd(nil, 0) else { return nil }
        defer { free(cwd) }
        return String(cString: cwd)
    }
}
