import Foundation
import Testing
@testable import AuditStream

@Suite struct RecordHeaderTests {
    func parse(_ line: String) -> RecordHeader? {
        let bytes = Array(line.utf8)
        if case .success(let header) = RecordHeader.parse(bytes, 0..<bytes.count) { return header }
        return nil
    }

    func text(_ line: String, _ range: Range<Int>?) -> String? {
        range.map { String(decoding: Array(line.utf8)[$0], as: UTF8.self) }
    }

    @Test func rawRecord() throws {
        let line = "type=AVC msg=audit(1764000100.123:501): avc:  denied"
        let h = try #require(parse(line))
        #expect(text(line, h.type) == "AVC")
        #expect(h.node == nil)
        #expect((h.seconds, h.milliseconds, h.serial) == (1_764_000_100, 123, 501))
        #expect(String(decoding: Array(line.utf8)[h.bodyStart...], as: UTF8.self) == "avc:  denied")
    }

    @Test func nodeNamesMayHoldSpaces() throws {
        let line = "node=CentOS 7.7 type=SYSCALL msg=audit(1617274500.755:14682074): arch=c000003e"
        let h = try #require(parse(line))
        #expect(text(line, h.node) == "CentOS 7.7")
        #expect(text(line, h.type) == "SYSCALL")
        #expect(h.serial == 14_682_074)
    }

    @Test(arguments: [
        ("type=AVC msg=audit(07/20/2015 14:23:28.857:957) : avc:", 2015, 7, 20),
        ("type=AVC msg=audit(20.07.2015 14:23:28.857:957) : avc:", 2015, 7, 20),
        ("type=AVC msg=audit(2015-07-20 14:23:28.857:957) : avc:", 2015, 7, 20),
        ("type=AVC msg=audit(1.7.2015 14:23:28.857:957)  : avc:", 2015, 7, 1),
    ])
    func interpretedTimeStampsAreLocalTime(line: String, year: Int, month: Int, day: Int) throws {
        let h = try #require(parse(line))
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (14, 23, 28)
        let expected = Int64(Calendar.current.date(from: components)!.timeIntervalSince1970)
        #expect(h.seconds == expected)
        #expect(h.milliseconds == 857)
        #expect(h.serial == 957)
    }

    @Test(arguments: [
        "", "avc: denied", "type=AVC", "type=AVC msg=audit(): x", "type=AVC msg=audit(1.2): x",
        "type=AVC msg=audit(1.2345:6): x", "type=AVC msg=audit(1.2:3) x", "node=x", "type= msg=audit(1.2:3): x",
        "type=AVC msg=audit(13/45/2015 14:23:28.857:957) : x",
    ])
    func rejectsMalformedHeaders(line: String) {
        #expect(parse(line) == nil)
    }
}
