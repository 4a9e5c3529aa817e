// RecordHeader is internal to AuditStream: ./run builds with -enable-testing for this.
@testable import AuditStream

/// The record header and time parser on one line (and the fallback field splitter after it), both numeric (`msg=audit(SEC.MS:SERIAL)`) and
/// `ausearch -i` (`msg=audit(MM/DD/YY HH:MM:SS.mmm:SERIAL)`) stamps. The fuzzer needs no reader
/// around it here, so it runs many times faster than fuzz-audit-reader.
///
/// A header it accepts must describe the line it came from and give an event ID that the rest of
/// the pipeline can use: issue 9 (item 1) wants out-of-range numbers to be a parse error of the
/// record, not a trap later on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordHeader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let line = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard case .success(let header) = RecordHeader.parse(line, 0..<line.count) else { return 0 }
    require(header.type.lowerBound >= 0 && header.type.upperBound <= line.count && !header.type.isEmpty,
                 "type range outside the line")
    if let node = header.node { require(node.lowerBound >= 0 && node.upperBound <= line.count, "node range outside the line") }
    require(header.bodyStart <= line.count, "body starts past the end of the line")
    // Seconds may be negative: an `ausearch -i` date before 1970 in the local zone.
    require(header.serial >= 0, "negative serial")
    require((0..<1000).contains(header.milliseconds), "milliseconds outside 0...999")

    let node = header.node.map { String(decoding: line[$0], as: UTF8.self) }
    let id = AuditEventID(node: node, seconds: header.seconds, milliseconds: header.milliseconds, serial: header.serial)
    use(id.timeMilliseconds)
    use(id.stamp)
    // The record type as the reader classifies it, and the fallback field splitter the reader
    // uses on a record libauparse rejects (run here on every record, to reach it often).
    let type = RecordType.classify(line.span, header.type)?.0
        ?? RecordType.canonicalName(String(decoding: line[header.type], as: UTF8.self))
    use(FallbackFields.split(line: line, bodyStart: header.bodyStart, type: type))
    return 0
}

/// A broken promise of the code under test. fatalError, not precondition: -O drops a precondition's
/// message, and the message says which promise broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// Keeps a value the optimiser would otherwise drop with the checks (overflow traps) that made it.
@_optimize(none) @inline(never)
private func use<T>(_ value: T) {}
