import Foundation
import Guests

/// The libvirt status XML parser (`/run/libvirt/qemu/NAME.xml`), through its public
/// `parse(data:file:)`. Malformed documents must be an error, never a trap; a parsed status must
/// have the name and UUID it promises.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDomainStatus(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    guard let status = try? DomainStatusParser.parse(data: data, file: "fuzz.xml") else { return 0 }
    require(!status.name.isEmpty && !status.uuid.isEmpty, "a status without a name or UUID was accepted")
    return 0
}

/// A broken promise of the code under test. fatalError, not precondition: -O drops a precondition's
/// message, and the message says which promise broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
