import Foundation
import Testing
import TestSupport

/// Whether the config file may be believed, through the real binary: as sshd and sudo judge
/// theirs, every folder from / down to it and every symbolic link on the way must be out of reach
/// of users other than root and the one running svirt-trace. Changing owners needs root, so those
/// cases run only as root (CI and the development machines run as root).
@Suite struct ConfigFileTrustTests {
    static let isRoot = geteuid() == 0

    static func check(_ path: String, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(["config", "check", path], environment: ConfigFileTests.noDefault.merging(environment) { $1 })
    }

    static func mode(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    static func owner(_ path: String, _ uid: Int) throws {
        try FileManager.default.setAttributes([.ownerAccountID: uid], ofItemAtPath: path)
    }

    @Test func everyFolderFromTheRootDownIsJudgedNotOnlyTheFilesOwn() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let upper = folder.appendingPathComponent("a")
        let lower = upper.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: lower, withIntermediateDirectories: true)
        let conf = try ConfigFileTests.write("node: hv01\n", in: lower)
        #expect(try Self.check(conf).status == 0)

        // Two levels up: whoever may write there can rename b and put another one in its place.
        try Self.mode(upper.path, 0o777)
        let open = try Self.check(conf)
        #expect(open.status == 2 && open.stderr.contains("refused: it is in the world-writable folder \(upper.path) (mode 0777)"), "\(open.stderr)")
        let ingest = try ConfigFileTests.run(["ingest", "--config", conf, "--db", folder.appendingPathComponent("x.db").path, ConfigFileTests.sample])
        #expect(ingest.status == 2 && ingest.stderr.contains("world-writable folder \(upper.path)"), "\(ingest.stderr)")

        try Self.mode(upper.path, 0o775)
        let group = try Self.check(conf)
        #expect(group.status == 2 && group.stderr.contains("the folder \(upper.path) on its way is group-writable (mode 0775)"), "\(group.stderr)")
        try Self.mode(upper.path, 0o755)

        // The file itself: group-writable is refused as sshd refuses it.
        try Self.mode(conf, 0o664)
        let file = try Self.check(conf)
        #expect(file.status == 2 && file.stderr.contains("\(conf): refused: it is group-writable"), "\(file.stderr)")
        try Self.mode(conf, 0o644)
        #expect(try Self.check(conf).status == 0)
    }

    @Test(.enabled(if: isRoot)) func aFolderOrFileOfAnotherUserIsRefused() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let upper = folder.appendingPathComponent("a")
        let lower = upper.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: lower, withIntermediateDirectories: true)
        let conf = try ConfigFileTests.write("node: hv01\n", in: lower)
        try Self.owner(upper.path, 4321)
        let folderOwner = try Self.check(conf)
        #expect(folderOwner.status == 2 && folderOwner.stderr.contains("the folder \(upper.path) on its way belongs to user id 4321"), "\(folderOwner.stderr)")
        try Self.owner(upper.path, 0)
        try Self.owner(conf, 4321)
        let fileOwner = try Self.check(conf)
        #expect(fileOwner.status == 2 && fileOwner.stderr.contains("\(conf): refused: it belongs to user id 4321"), "\(fileOwner.stderr)")
    }

    @Test func aSymbolicLinkIsJudgedByTheFoldersOfTheLinkAndOfItsTarget() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let safe = folder.appendingPathComponent("safe")
        let open = folder.appendingPathComponent("open")
        for f in [safe, open] { try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true) }
        let target = try ConfigFileTests.write("node: hv01\n", in: safe)
        let link = open.appendingPathComponent("svirt-trace.conf").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try Self.check(link).status == 0)

        // The link in a folder anybody may write to: anybody may point it elsewhere.
        try Self.mode(open.path, 0o777)
        let viaOpen = try Self.check(link)
        #expect(viaOpen.status == 2 && viaOpen.stderr.contains("world-writable folder \(open.path)"), "\(viaOpen.stderr)")
        try Self.mode(open.path, 0o755)

        // A relative link whose target lies under a folder anybody may write to.
        let deep = folder.appendingPathComponent("deep/er")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let far = try ConfigFileTests.write("node: hv02\n", in: deep)
        let relative = safe.appendingPathComponent("relative.conf").path
        try FileManager.default.createSymbolicLink(atPath: relative, withDestinationPath: "../deep/er/svirt-trace.conf")
        let followed = try Self.check(relative)
        #expect(followed.status == 0 && followed.stdout.contains("node: hv02"), "\(followed.stderr)")
        try Self.mode(folder.appendingPathComponent("deep").path, 0o777)
        let viaTarget = try Self.check(relative)
        #expect(viaTarget.status == 2 && viaTarget.stderr.contains("world-writable folder \(folder.path)/deep "), "\(viaTarget.stderr)")
        _ = far

        // A loop of links ends.
        let loopA = folder.appendingPathComponent("loop-a").path
        try FileManager.default.createSymbolicLink(atPath: loopA, withDestinationPath: "loop-b")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop-b").path, withDestinationPath: "loop-a")
        let loop = try Self.check(loopA)
        #expect(loop.status == 2 && loop.stderr.contains("too many symbolic links"), "\(loop.stderr)")
    }

    @Test(.enabled(if: isRoot)) func aLinkOwnedByAnotherUserIsRefused() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = try ConfigFileTests.write("node: hv01\n", in: folder)
        let link = folder.appendingPathComponent("link.conf").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try runProcess("/usr/bin/env", ["chown", "-h", "4321", link]).status == 0)
        let r = try Self.check(link)
        #expect(r.status == 2 && r.stderr.contains("the symbolic link \(link) belongs to user id 4321"), "\(r.stderr)")
    }

    /// /tmp is world-writable but sticky and root's: only an entry's owner may replace it there.
    @Test func aRootOwnedStickyFolderLikeTmpIsAcceptedForAFileOfRootOrTheUser() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sticky = folder.appendingPathComponent("sticky")
        try FileManager.default.createDirectory(at: sticky, withIntermediateDirectories: true)
        try Self.mode(sticky.path, 0o1777)
        let conf = try ConfigFileTests.write("node: hv01\n", in: sticky)
        let ok = try Self.check(conf)
        if Self.isRoot {
            #expect(ok.status == 0 && ok.stdout.contains("node: hv01"), "\(ok.stderr)")
            try Self.owner(conf, 4321)
            let other = try Self.check(conf)
            #expect(other.status == 2 && other.stderr.contains("refused: it belongs to user id 4321"), "\(other.stderr)")
            try Self.owner(conf, 0)
            try Self.owner(sticky.path, 4321)
            let notRoots = try Self.check(conf)
            #expect(notRoots.status == 2 && notRoots.stderr.contains("the folder \(sticky.path) on its way belongs to user id 4321"), "\(notRoots.stderr)")
            try Self.owner(sticky.path, 0)
        } else {
            // Not root: the sticky folder is this user's, not root's, so it is refused.
            #expect(ok.status == 2 && ok.stderr.contains("world-writable folder \(sticky.path)"), "\(ok.stderr)")
        }
        // Without the sticky bit, anybody may replace the file.
        try Self.mode(sticky.path, 0o777)
        let plain = try Self.check(conf)
        #expect(plain.status == 2 && plain.stderr.contains("world-writable folder \(sticky.path) (mode 0777)"), "\(plain.stderr)")
    }

    /// The invoking user is trusted besides root: run as nobody, nobody's file in a root-owned
    /// sticky folder is accepted, and root's is too.
    @Test(.enabled(if: isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func theInvokingUsersOwnFileIsTrusted() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.mode(folder.path, 0o755)
        let sticky = folder.appendingPathComponent("sticky")
        try FileManager.default.createDirectory(at: sticky, withIntermediateDirectories: true)
        try Self.mode(sticky.path, 0o1777)
        let conf = try ConfigFileTests.write("node: hv-nobody\n", in: sticky)
        try Self.owner(conf, 65534)
        func asNobody() throws -> (status: Int32, stdout: String, stderr: String) {
            let r = try runProcess("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Binary.path, "config", "check", conf],
                                   environment: ["SVIRT_TRACE_CONFIG": "/dev/null", "PATH": "/usr/bin:/bin"])
            return (r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self))
        }
        let mine = try asNobody()
        #expect(mine.status == 0 && mine.stdout.contains("node: hv-nobody"), "\(mine.stderr)")
        let asRoot = try Self.check(conf)
        #expect(asRoot.status == 2 && asRoot.stderr.contains("belongs to user id 65534"), "root does not trust nobody's file: \(asRoot.stderr)")
        try Self.owner(conf, 0)
        #expect(try asNobody().status == 0, "root's file is trusted by every user")
    }

    /// Opening a FIFO for reading would wait for a writer forever.
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let folder = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo.conf").path
        #expect(try runProcess("/usr/bin/env", ["mkfifo", "-m", "0644", fifo]).status == 0)
        let r = try Self.check(fifo)
        #expect(r.status == 2 && r.stderr.contains("\(fifo): is not a regular file"), "\(r.stderr)")
    }
}
