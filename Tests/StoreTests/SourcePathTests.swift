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
