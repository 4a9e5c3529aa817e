import Alerts

/// The alert rules loader (YAML through Yams, then svirt-trace's checks), through its public
/// `parse(_:file:)`. A bad rules file must be a `Failure` naming the file, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAlertRules(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        let rules = try AlertRules.parse(text, file: "fuzz.yaml")
        require(!rules.isEmpty, "an empty rule list was accepted")
    } catch let failure as AlertRules.Failure {
        require(failure.file == "fuzz.yaml", "a failure that does not name the file")
    } catch {
        fatalError("parse threw something other than AlertRules.Failure: \(error)")
    }
    return 0
}

/// A broken promise of the code under test. fatalError, not precondition: -O drops a precondition's
/// message, and the message says which promise broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
