import Foundation
import Testing
@testable import Guests
import TestSupport

/// Status files that are not what libvirt writes: too large, with a DOCTYPE, not a regular file,
/// or a folder that links back up. Each is one reported problem; the other guests still load.
@Suite struct StatusFileLimitsTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <domstatus><domain><name>&lol9;</name><uuid>5501263b-181d-47ed-ab03-a6066f3d26bf</uuid></domain></domstatus>
        """

    /// A folder with one good status file and one sparse file just over the cap.
    static func folderWithAnOversizedFile() throws -> URL {
        let folder = try Fixtures.temporaryFolder("limits")
        try DomainStatusParserTests.status(name: "good").write(to: folder.appendingPathComponent("good.xml"), atomically: true, encoding: .utf8)
        let huge = folder.appendingPathComponent("huge.xml")
        FileManager.default.createFile(atPath: huge.path, contents: Data("<domstatus>".utf8))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: UInt64(DomainStatusParser.maximumBytes) + 1)
        try handle.close()
        return folder
    }

    @Test func aFileOverTheCapIsRefusedUnreadAndTheOthersStillLoad() throws {
        let folder = try Self.folderWithAnOversizedFile()
        let loaded = try StateFolder.load(path: folder.path, defaultNode: nil)
        #expect(loaded.entries.map(\.status.name) == ["good"])
        let huge = folder.appendingPathComponent("huge.xml").path
        #expect(loaded.problems == [.tooLarge(path: huge, bytes: Int64(DomainStatusParser.maximumBytes) + 1,
                                              limit: DomainStatusParser.maximumBytes)])
        #expect(loaded.problems.first?.description.contains("over the 4 MiB") == true)
    }

    @Test func aFileAtTheCapIsStillRead() throws {
        let folder = try Fixtures.temporaryFolder("limits")
        var text = DomainStatusParserTests.status(name: "padded")
        text += String(repeating: " ", count: DomainStatusParser.maximumBytes - text.utf8.count)
        let path = folder.appendingPathComponent("p.xml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try DomainStatusParser.parse(contentsOf: path).name == "padded")
    }

    @Test func aBillionLaughsDocumentIsRefusedAsADoctypeNotAsError89() throws {
        #expect(throws: GuestsError.doctypeRefused(path: "lol.xml", line: 2)) {
            try DomainStatusParser.parse(data: Data(Self.billionLaughs.utf8), file: "lol.xml")
        }
        let message = GuestsError.doctypeRefused(path: "lol.xml", line: 2).description
        #expect(message.contains("<!DOCTYPE") && message.contains("billion-laughs"))
        #expect(!message.contains("NSXMLParserErrorDomain"))
        // An entity declaration without a DOCTYPE around it is refused as well.
        #expect(throws: GuestsError.doctypeRefused(path: "e.xml", line: 1)) {
            try DomainStatusParser.parse(data: Data("<!ENTITY x \"y\"><domstatus/>".utf8), file: "e.xml")
        }
    }

    @Test func parserErrorsAreNamedInWords() {
        #expect(DomainStatusParser.reason(NSError(domain: "NSXMLParserErrorDomain", code: 89)).contains("entity expansion refused"))
        #expect(DomainStatusParser.reason(NSError(domain: "NSXMLParserErrorDomain", code: 9)).contains("character XML does not allow"))
        #expect(DomainStatusParser.reason(NSError(domain: "NSXMLParserErrorDomain", code: 1234)) == "XML parser error 1234")
        let truncated = DomainStatusParserTests.status(name: "web01").replacingOccurrences(of: "</uuid>", with: "</uid>")
        do {
            _ = try DomainStatusParser.parse(data: Data(truncated.utf8), file: "t.xml")
            Issue.record("parsed a broken file")
        } catch {
            #expect(!"\(error)".contains("NSXMLParserErrorDomain"), "\(error)")
        }
    }

    @Test func aFIFOOrAFolderLinkDoesNotHangOrLoop() throws {
        let folder = try Fixtures.temporaryFolder("limits")
        let node = folder.appendingPathComponent("hv01")
        try FileManager.default.createDirectory(at: node, withIntermediateDirectories: true)
        try DomainStatusParserTests.status(name: "g").write(to: node.appendingPathComponent("g.xml"), atomically: true, encoding: .utf8)
        // A link back up, as a careless copy can make: followed, it never ends.
        try FileManager.default.createSymbolicLink(atPath: node.appendingPathComponent("loop").path, withDestinationPath: folder.path)
        let fifo = node.appendingPathComponent("pipe.xml").path
        #expect(try runProcess("/usr/bin/env", ["mkfifo", fifo]).status == 0)
        let loaded = try StateFolder.load(path: folder.path, defaultNode: nil)
        #expect(loaded.entries.map(\.status.name) == ["g"])
        #expect(loaded.problems == [.unreadable(path: fifo, reason: "not a regular file")])
    }
}
