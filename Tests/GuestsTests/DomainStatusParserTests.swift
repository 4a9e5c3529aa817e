import Foundation
import Testing
@testable import Guests
import TestSupport

@Suite struct DomainStatusParserTests {
    static func status(name: String, uuid: String = "5501263b-181d-47ed-ab03-a6066f3d26bf", pid: String = "4242",
                       type: String = "dynamic") -> String {
        """
        <!-- WARNING: THIS IS AN AUTO-GENERATED FILE. -->
        <domstatus state='running' reason='booted' pid='\(pid)'>
          <domain type='kvm' id='3'>
            <name>\(name)</name>
            <uuid>\(uuid)</uuid>
            <devices>
              <disk type='file' device='disk'>
                <source file='/var/lib/libvirt/images/a.qcow2' index='1'>
                  <seclabel model='selinux' relabel='no'/>
                </source>
              </disk>
            </devices>
            <seclabel type='\(type)' model='selinux' relabel='yes'>
              <label>system_u:system_r:svirt_t:s0:c87,c520</label>
              <imagelabel>system_u:object_r:svirt_image_t:s0:c87,c520</imagelabel>
            </seclabel>
            <seclabel type='dynamic' model='dac' relabel='yes'>
              <label>+107:+107</label>
              <imagelabel>+107:+107</imagelabel>
            </seclabel>
          </domain>
        </domstatus>
        """
    }

    @Test func readsNameUUIDPidLabelsAndDisks() throws {
        let parsed = try DomainStatusParser.parse(data: Data(Self.status(name: "web01").utf8), file: "web01.xml")
        #expect(parsed.name == "web01")
        #expect(parsed.uuid == "5501263b-181d-47ed-ab03-a6066f3d26bf")
        #expect(parsed.pid == 4242)
        #expect(parsed.state == "running")
        #expect(parsed.disks == ["/var/lib/libvirt/images/a.qcow2"])
        #expect(parsed.securityLabels.map(\.model) == ["selinux", "dac"], "the per-disk seclabel is not the guest's")
        #expect(parsed.securityLabels[0].label == "system_u:system_r:svirt_t:s0:c87,c520")
        #expect(parsed.securityLabels[0].imageLabel == "system_u:object_r:svirt_image_t:s0:c87,c520")
        #expect(parsed.securityLabels[1].label == "+107:+107")
    }

    @Test func hostileNamesArriveAsPlainText() throws {
        let escaped = "x&apos;; DROP TABLE denials; -- &lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;"
        let parsed = try DomainStatusParser.parse(data: Data(Self.status(name: escaped).utf8), file: "h.xml")
        #expect(parsed.name == "x'; DROP TABLE denials; -- <script>alert(1)</script> \"q\"")
    }

    @Test func malformedXMLIsAClearErrorWithItsLine() {
        let broken = Self.status(name: "web01").replacingOccurrences(of: "</uuid>", with: "</uid>")
        #expect {
            try DomainStatusParser.parse(data: Data(broken.utf8), file: "broken.xml")
        } throws: { error in
            guard case GuestsError.malformedXML(let path, let line, _) = error else { return false }
            return path == "broken.xml" && line > 1
        }
    }

    @Test func aDomainDefinitionIsNotAStatusFile() throws {
        let url = Fixtures.corpus.appendingPathComponent("libvirt-tests-qemuxml2argvdata-seclabel-static.xml")
        #expect(throws: GuestsError.notDomainStatus(path: url.path, root: "domain")) {
            try DomainStatusParser.parse(contentsOf: url.path)
        }
    }

    @Test func missingUUIDIsReported() {
        let text = Self.status(name: "web01", uuid: "")
        #expect(throws: GuestsError.missingElement(path: "u.xml", element: "<domain><uuid>")) {
            try DomainStatusParser.parse(data: Data(text.utf8), file: "u.xml")
        }
    }

    @Test func stateFolderReadsFlatAndPerNodeLayoutsAndReportsBadFiles() throws {
        let flat = try Fixtures.temporaryFolder("state")
        try Self.status(name: "a").write(to: flat.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        try "<domstatus".write(to: flat.appendingPathComponent("bad.xml"), atomically: true, encoding: .utf8)
        try "not xml".write(to: flat.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let loaded = try StateFolder.load(path: flat.path, defaultNode: "hvX")
        #expect(loaded.entries.map(\.status.name) == ["a"])
        #expect(loaded.entries.map(\.node) == ["hvX"])
        #expect(loaded.problems.count == 1)

        let perNode = try Fixtures.temporaryFolder("state")
        for node in ["hv01", "hv02"] {
            let folder = perNode.appendingPathComponent(node)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.status(name: "g-\(node)").write(to: folder.appendingPathComponent("g.xml"), atomically: true, encoding: .utf8)
        }
        let nodes = try StateFolder.load(path: perNode.path, defaultNode: nil)
        #expect(nodes.entries.map(\.node) == ["hv01", "hv02"])
        #expect(nodes.entries.map(\.status.name) == ["g-hv01", "g-hv02"])
        // A snapshot of the nodes that hold status files, not of the node-less default as well.
        #expect(nodes.nodes == ["hv01", "hv02"])
        // libvirt's own subfolders (channel, swtpm) are not nodes; the flat folder is the default's.
        for name in ["channel", "swtpm"] {
            try FileManager.default.createDirectory(at: flat.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        #expect(try StateFolder.load(path: flat.path, defaultNode: "hvX").nodes == ["hvX"])
        // An empty folder: no guest running on the default node.
        #expect(try StateFolder.load(path: try Fixtures.temporaryFolder("state").path, defaultNode: "hvY").nodes == ["hvY"])

        #expect(throws: GuestsError.self) { try StateFolder.load(path: flat.appendingPathComponent("missing").path, defaultNode: nil) }
    }
}
