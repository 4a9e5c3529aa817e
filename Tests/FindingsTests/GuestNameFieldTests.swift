import AuditStream
@testable import Findings
import Testing

/// The guest a libvirt record names, as logged and as `ausearch -i` prints it.
@Suite struct GuestNameFieldTests {
    static func record(_ body: String, vm: String, interpreted: Bool = true) -> AuditRecord {
        let stamp = interpreted ? "11/25/25 00:40:23.461:6091) :" : "1764031223.461:6091):"
        let raw = "type=VIRT_MACHINE_ID msg=audit(\(stamp) pid=1200 uid=root msg='virt=kvm vm=\(body) "
            + "uuid=ff44b0b0-6e65-29fe-0852-9b3f5e84a0c7 vm-ctx=system_u:system_r:svirt_t:s0:c836,c911 res=success'"
        return AuditRecord(type: "VIRT_MACHINE_ID", raw: raw, line: 1, fields: [("virt", "kvm"), ("vm", vm), ("uuid", "ff44b0b0-6e65-29fe-0852-9b3f5e84a0c7")])
    }

    @Test func aNameWithSpacesPrintedUnquotedIsReadUpToTheUUID() {
        // auparse splits `vm=tenant a 26` at the first space (helper-103: the guest was taken for `tenant`).
        #expect(GuestNameField.of(Self.record("tenant a 26", vm: "tenant")) == "tenant a 26")
        #expect(GuestNameField.of(Self.record("web01", vm: "web01")) == "web01")
        // The generator's odd names, as ausearch -i prints them.
        #expect(GuestNameField.of(Self.record("o'brien lab 49", vm: "o'brien")) == "o'brien lab 49")
        #expect(GuestNameField.of(Self.record("qa \"golden\" 25", vm: "qa")) == "qa \"golden\" 25")
    }

    @Test func quotedAndHexNamesAreDecodedAsLogged() {
        #expect(GuestNameField.of(Self.record("\"tenant a\"", vm: "\"tenant a\"", interpreted: false)) == "tenant a")
        #expect(GuestNameField.of(Self.record("74656E616E742061", vm: "74656E616E742061", interpreted: false)) == "tenant a")
        #expect(GuestNameField.of(Self.record("?", vm: "?", interpreted: false)) == nil)
        #expect(GuestNameField.of(Self.record("?", vm: "?")) == nil)
    }

    /// ausearch -i decodes every value: a name of hex digits is the name (helper-106: `beef`,
    /// `cafe babe` and `dead beef 1` all showed as the same two bytes).
    @Test func anInterpretedNameOfHexDigitsIsNotDecodedAgain() {
        #expect(GuestNameField.of(Self.record("beef", vm: "beef")) == "beef")
        #expect(GuestNameField.of(Self.record("cafe babe", vm: "cafe")) == "cafe babe")
        #expect(GuestNameField.of(Self.record("2024", vm: "2024")) == "2024")
        // Logged raw, the same digits are libvirt's hex.
        #expect(GuestNameField.of(Self.record("62656566", vm: "62656566", interpreted: false)) == "beef")
    }

    /// Words that hold another field are not a name: the field as auparse split it stays.
    @Test func wordsHoldingAnotherFieldAreNotTakenForTheName() {
        #expect(GuestNameField.of(Self.record("tenant op=stop", vm: "tenant")) == "tenant")
    }
}
