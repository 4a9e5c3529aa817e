import Foundation
import Testing
@testable import Store

/// Every writer stores a file's path alike: absolute, without `.`, `..` or doubled slashes.
@Suite struct SourcePathTests {
    @Test(arguments: [
        ("/var/log/audit/audit.log", "/var/log/audit/audit.log"),
        ("/var/log//audit/./audit.log.1", "/var/log/audit/audit.log.1"),
        ("/var/log/audit/../audit/audit.log", "/var/log/audit/audit.log"),
        ("/../../audit.log", "/audit.log"),
        ("/", "/"),
    ])
    func absolutePathsAreNormalized(path: String, stored: String) {
        #expect(SourcePath.stored(path) == stored)
    }

    @Test func relativePathsAreTakenFromTheWorkingDirectory() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(SourcePath.stored("audit.log") == SourcePath.lexicallyNormalized(cwd + "/audit.log"))
        #expect(SourcePath.stored("./sub/../audit.log.1") == SourcePath.lexicallyNormalized(cwd + "/audit.log.1"))
        #expect(SourcePath.stored("audit.log").hasPrefix("/"))
    }

    @Test func standardInputKeepsItsName() {
        #expect(SourcePath.stored("-") == "-")
    }
}

extension SourcePathTests {
    /// /var/log/audit may be a link to a log volume: the folder is resolved, the file's name is
    /// not (watch follows the name through rotation).
    @Test func theFolderIsResolvedAndTheNameKept() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("svirt-trace-source-path-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.appendingPathComponent("volume/audit")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let link = root.appendingPathComponent("audit-link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        try FileManager.default.createSymbolicLink(atPath: real.appendingPathComponent("current.log").path,
                                                   withDestinationPath: real.appendingPathComponent("audit.log").path)
        let resolvedRoot = try #require(realpath(root.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        })
        #expect(SourcePath.stored(link.path + "/audit.log.1") == resolvedRoot + "/volume/audit/audit.log.1")
        #expect(SourcePath.stored(real.path + "/audit.log.1") == resolvedRoot + "/volume/audit/audit.log.1")
        #expect(SourcePath.stored(link.path + "/current.log") == resolvedRoot + "/volume/audit/current.log")
        #expect(SourcePath.stored("/no/such/folder/audit.log") == "/no/such/folder/audit.log")
        // `..` after a link goes up from the link's target, as the kernel reads it (helper-83).
        try FileManager.default.createDirectory(at: real.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let jump = root.appendingPathComponent("other/jump")
        try FileManager.default.createDirectory(at: jump.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: jump.path, withDestinationPath: real.appendingPathComponent("sub").path)
        #expect(SourcePath.stored(jump.path + "/../audit.log") == resolvedRoot + "/volume/audit/audit.log")
    }
}
