import Native

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

    static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Result<RecordHeader, Failure> {
        parse(bytes.span, range)
    }

    /// A Span reads without the retain, release and exclusivity checks of an Array access: this
    /// runs for every line of the log.
    static func parse(_ b: Span<UInt8>, _ range: Range<Int>) -> Result<RecordHeader, Failure> {
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
        let stamp = numericStamp(b, j, end) ?? interpretedStamp(b, j, end)
        guard let (seconds, millis, serial, close) = stamp, close < end, b[close] == 0x29 else { return .failure(.badStamp) }
        // `): ` as auditd writes it, `) : ` (or wider) as `ausearch -i` prints it.
        var body = close + 1
        while body < end, b[body] == 0x20 { body += 1 }
        guard body < end, b[body] == 0x3A else { return .failure(.badStamp) }
        body += 1
        if body < end, b[body] == 0x20 { body += 1 }
        return .success(RecordHeader(node: node, type: type, seconds: seconds, milliseconds: millis,
                                     serial: serial, bodyStart: body))
    }

    /// `SECONDS.MILLIS:SERIAL`; returns the index after the serial.
    private static func numericStamp(_ b: Span<UInt8>, _ j: Int, _ end: Int) -> (Int64, Int, Int64, Int)? {
        guard let (seconds, afterSeconds) = number(b, j, end), afterSeconds < end, b[afterSeconds] == 0x2E,
              let (millis, afterMillis) = number(b, afterSeconds + 1, end), afterMillis - afterSeconds - 1 <= 3,
              afterMillis < end, b[afterMillis] == 0x3A,
              let (serial, afterSerial) = number(b, afterMillis + 1, end) else { return nil }
        return (seconds, Int(millis), serial, afterSerial)
    }

    /// `MM/DD/YYYY HH:MM:SS.mmm:SERIAL` (or `DD.MM.YYYY`, `YYYY-MM-DD` from other locales), local time, as
    /// `ausearch -i` prints it.
    private static func interpretedStamp(_ b: Span<UInt8>, _ j: Int, _ end: Int) -> (Int64, Int, Int64, Int)? {
        var k = j
        var parts: [(Int64, UInt8)] = []
        // Seven numbers and their separators: D/M/Y (in one of three orders), h:m:s.ms and serial.
        for expected in 0..<7 {
            guard let (value, after) = number(b, k, end), after < end else { return nil }
            let separator = b[after]
            let allowed: [UInt8] = switch expected {
            case 0: [0x2F, 0x2E, 0x2D]
            case 1: [parts[0].1]
            case 2: [0x20]
            case 3, 4: [0x3A]
            case 5: [0x2E]
            default: [0x3A]
            }
            guard allowed.contains(separator) else { return nil }
            parts.append((value, separator))
            k = after + 1
        }
        guard let (serial, after) = number(b, k, end) else { return nil }
        let (first, dateSeparator) = parts[0]
        let second = parts[1].0, third = parts[2].0, hour = parts[3].0, minute = parts[4].0, sec = parts[5].0
        let millis = parts[6].0
        guard millis < 1000 else { return nil }
        let (year, month, day): (Int64, Int64, Int64) = switch dateSeparator {
        case 0x2F: (third, first, second)   // 07/20/2015
        case 0x2E: (third, second, first)   // 20.07.2015
        default: (first, second, third)     // 2015-07-20
        }
        guard let seconds = LocalTime.epochSeconds(year: Int(year), month: Int(month), day: Int(day), hour: Int(hour),
                                                   minute: Int(minute), second: Int(sec)) else { return nil }
        return (seconds, Int(millis), serial, after)
    }

    private static func matches(_ b: Span<UInt8>, _ at: Int, _ end: Int, _ literal: [UInt8]) -> Bool {
        guard end - at >= literal.count else { return false }
        for k in 0..<literal.count where b[at + k] != literal[k] { return false }
        return true
    }

    private static func find(_ b: Span<UInt8>, _ from: Int, _ end: Int, _ literal: [UInt8]) -> Int? {
        var k = from
        while k + literal.count <= end {
            if b[k] == literal[0], matches(b, k, end, literal) { return k }
            k += 1
        }
        return nil
    }

    /// Decimal digits, at most 18 so the value cannot overflow.
    private static func number(_ b: Span<UInt8>, _ from: Int, _ end: Int) -> (Int64, Int)? {
        var k = from
        var value: Int64 = 0
        while k < end, k - from < 18, b[k] >= 0x30, b[k] <= 0x39 {
            value = value * 10 + Int64(b[k] - 0x30)
            k += 1
        }
        return k > from ? (value, k) : nil
    }
}
