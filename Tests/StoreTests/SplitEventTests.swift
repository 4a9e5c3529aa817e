import Testing
@testable import Store

/// Two pieces of one event (a rotation between its records) against one event read twice in
/// two spellings.
@Suite struct SplitEventTests {
    static let read = "type=AVC msg=audit(1764042454.500:2005): avc:  denied  { read } for  pid=6299 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0"
    static let write = "type=AVC msg=audit(1764042454.500:2005): avc:  denied  { write } for  pid=6299 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0"
    static let syscall = "type=SYSCALL msg=audit(1764042454.500:2005): arch=c000003e syscall=257 success=no exit=-13 items=0 ppid=1 pid=6299 auid=4294967295 uid=107 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" key=(null)"
    static let proctitle = "type=PROCTITLE msg=audit(1764042454.500:2005): proctitle=71656D75"
    /// `ausearch -i` prints the same AVC with its stamp as a date, names unquoted and a trailing blank.
    static let readInterpreted = "type=AVC msg=audit(11/25/2025 03:47:34.500:2005) : avc:  denied  { read } for  pid=6299 comm=qemu-kvm name=disk dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0 "

    static func records(_ raws: [String]) -> [(type: String, raw: String)] {
        raws.map { raw in (String(raw.dropFirst(5).prefix(while: { $0 != " " })), raw) }
    }

    @Test func aRotationBetweenTwoAVCsLeavesTwoPiecesThatJoin() {
        let first = Self.records([Self.read]), second = Self.records([Self.write, Self.syscall, Self.proctitle])
        #expect(SplitEvent.continuation(of: first, in: second) == [0, 1, 2])
        // Read newest file first: the first piece continues the stored second.
        #expect(SplitEvent.continuation(of: second, in: first) == [0])
    }

    @Test func theSameEventInAnotherSpellingIsNoContinuation() {
        let stored = Self.records([Self.read])
        #expect(SplitEvent.continuation(of: stored, in: Self.records([Self.readInterpreted])) == nil)
        #expect(SplitEvent.continuation(of: stored, in: Self.records([Self.read + "\u{1D}AUID=\"unset\""])) == nil)
        // The whole event in another spelling holds the stored AVC again: not joined either.
        #expect(SplitEvent.continuation(of: stored, in: Self.records([Self.readInterpreted, Self.write, Self.syscall])) == nil)
    }

    @Test func contextRecordsStillCountByKind() {
        let stored = Self.records([Self.read, Self.syscall])
        #expect(SplitEvent.continuation(of: stored, in: Self.records([Self.syscall.replacingOccurrences(of: "exit=-13", with: "exit=EACCES")])) == nil)
        #expect(SplitEvent.continuation(of: stored, in: Self.records([Self.proctitle])) == [0])
    }
}
