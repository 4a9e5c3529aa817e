/// The fixed start of every auditd log line: `[node=NAME ]type=TYPE msg=audit(SEC.MS:SERIAL): `.
/// Parsed straight from bytes so that the records we drop never become Strings.
struct RecordHeader {
    var node: Range<Int>?
    var type: Range<Int>
    var seconds: Int64
    var milliseconds: Int
    var serial: Int64
    /// Index of the first byte after `): `.
    var bodyStart: Int

    enum Failure: String, Error {
        case empty = "empty line"
        case noType = "not an audit record: no type= field at the start of the line"
        case noStamp = "no msg=audit(SECONDS.MILLISECONDS:SERIAL) after the record type"
        case badStamp = "malformed msg=audit(...) time stamp"
    }

    private static let nodePrefix = Array("node=".utf8)
    private static let typePrefix = Array("type=".utf8)
    private static let spaceTypePrefix = Array(" type=".utf8)
    private static let msgPrefix = Array(" msg=audit(".utf8)

    static func parse(_ b: [UInt8], _ range: Range<Int>) -> Result<RecordHeader, Failure> {
        var i = range.lowerBound
        let end = range.upperBound
        guard i < end else { return .failure(.empty) }
        var node: Range<Int>?
        if matches(b, i, end, nodePrefix) {
            // Node names may hold spaces (`node=CentOS 7.7 type=...`): the name runs to " type=".
            let nameStart = i + nodePrefix.count
            guard let t = find(b, nameStart, end, spaceTypePrefix) else { return .failure(.noType) }
            node = nameStart..<t
            i = t + 1
        }
        guard matches(b, i, end, typePrefix) else { return .failure(.noType) }
        let typeStart = i + typePrefix.count
        var j = typeStart
        while j < end, b[j] != 0x20 { j += 1 }
        guard j > typeStart else { return .failure(.noType) }
        let type = typeStart..<j
        guard matches(b, j, end, msgPrefix) else { return .failure(.noStamp) }
        j += msgPrefix.count
        guard let (seconds, afterSeconds) = number(b, j, end), afterSeconds < end, b[afterSeconds] == 0x2E,
              let (millis, afterMillis) = number(b, afterSeconds + 1, end), afterMillis - afterSeconds - 1 <= 3,
              afterMillis < end, b[afterMillis] == 0x3A,
              let (serial, afterSerial) = number(b, afterMillis + 1, end),
              afterSerial < end, b[afterSerial] == 0x29,
              afterSerial + 1 < end, b[afterSerial + 1] == 0x3A else {
            return .failure(.badStamp)
        }
        var body = afterSerial + 2
        if body < end, b[body] == 0x20 { body += 1 }
        return .success(RecordHeader(node: node, type: type, seconds: seconds, milliseconds: Int(millis),
                                     serial: serial, bodyStart: body))
    }

    private static func matches(_ b: [UInt8], _ at: Int, _ end: Int, _ literal: [UInt8]) -> Bool {
        guard end - at >= literal.count else { return false }
        for k in 0..<literal.count where b[at + k] != literal[k] { return false }
        return true
    }

    private static func find(_ b: [UInt8], _ from: Int, _ end: Int, _ literal: [UInt8]) -> Int? {
        var k = from
        while k + literal.count <= end {
            if b[k] == literal[0], matches(b, k, end, literal) { return k }
            k += 1
        }
        return nil
    }

    /// Decimal digits, at most 18 so the value cannot overflow.
    private static func number(_ b: [UInt8], _ from: Int, _ end: Int) -> (Int64, Int)? {
        var k = from
        var value: Int64 = 0
        while k < end, k - from < 18, b[k] >= 0x30, b[k] <= 0x39 {
            value = value * 10 + Int64(b[k] - 0x30)
            k += 1
        }
        return k > from ? (value, k) : nil
    }
}
