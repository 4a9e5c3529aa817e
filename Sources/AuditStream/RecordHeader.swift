import Native

/// The fixed start of every auditd log line: `[node=NAME ]type=TYPE msg=audit(SEC.MS:SERIAL): `.
/// Parsed straight from bytes so that the records we drop never become Strings.
///
/// Lines pasted into mails, bug reports and commit messages are often indented or carry doubled
/// spaces (`  type=USER_AVC  msg=audit(...)`); ausearch reads them, and so does this parser:
/// leading blanks and runs of blanks between the header fields are accepted. `isCanonical` tells
/// the reader whether the line must be rewritten before auparse sees it.
struct RecordHeader {
    var node: Range<Int>?
    var type: Range<Int>
    var seconds: Int64
    var milliseconds: Int
    var serial: Int64
    /// Index of the first byte after `): `.
    var bodyStart: Int
    /// False when blanks were skipped: before the line, after the node name or between the type
    /// and `msg=`, or the stamp is a date. Such a line goes to auparse in auditd's spelling.
    var isCanonical: Bool
    /// The stamp is a date as `ausearch -i` prints it.
    var isInterpreted: Bool

    /// The latest time a record may carry: 9999-12-31T23:59:59Z. Later times do not fit ISO 8601's
    /// four-digit year, and every millisecond time derived from them stays far from Int64's limit.
    static let maximumSeconds: Int64 = 253_402_300_799
    /// Audit serials are the kernel's `unsigned int` (auparse reads them as `unsigned long`); a
    /// larger number is not a serial an auditd wrote.
    static let maximumSerial: Int64 = 4_294_967_295

    enum Failure: String, Error {
        case empty = "empty line"
        case noType = "not an audit record: no type= field at the start of the line"
        case noStamp = "no msg=audit(SECONDS.MILLISECONDS:SERIAL) after the record type"
        case badStamp = "malformed msg=audit(...) time stamp"
        case timeOutOfRange = "time stamp out of range: later than 9999-12-31T23:59:59Z (253402300799 seconds)"
        case serialOutOfRange = "serial number out of range: larger than 4294967295"
        case controlInNode = "node name holds a control character (node names are host names)"
        case nodeNotUTF8 = "node name is not valid UTF-8 (node names are host names)"
    }

    private static let nodePrefix = Array("node=".utf8)
    private static let typePrefix = Array("type=".utf8)
    private static let spaceTypePrefix = Array(" type=".utf8)
    private static let msgPrefix = Array("msg=audit(".utf8)

    static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Result<RecordHeader, Failure> {
        parse(bytes.span, range)
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// A Span reads without the retain, release and exclusivity checks of an Array access: this
    /// runs for every line of the log.
    static func parse(_ b: Span<UInt8>, _ range: Range<Int>) -> Result<RecordHeader, Failure> {
        var i = range.lowerBound
        let end = range.upperBound
        guard i < end else { return .failure(.empty) }
        var canonical = true
        while i < end, isBlank(b[i]) { i += 1 }
        if i != range.lowerBound { canonical = false }
        guard i < end else { return .failure(.empty) }
        var node: Range<Int>?
        if matches(b, i, end, nodePrefix) {
            // Node names may hold spaces (`node=CentOS 7.7 type=...`): the name runs to " type=".
            let nameStart = i + nodePrefix.count
            guard let t = find(b, nameStart, end, spaceTypePrefix) else { return .failure(.noType) }
            var nameEnd = t
            while nameEnd > nameStart, isBlank(b[nameEnd - 1]) { nameEnd -= 1 }
            if nameEnd != t || b[t - 1] == 0x09 { canonical = false }
            // auditd takes node names from host names. A control byte there (0x1D, ENRICHED's
            // separator, makes libauparse 3.0.9 leak 1,152 bytes per event; found by tools/fuzz)
            // is not a record auditd wrote.
            var nonASCII = false
            for k in nameStart..<nameEnd {
                if b[k] < 0x20 || b[k] == 0x7F { return .failure(.controlInNode) }
                if b[k] >= 0x80 { nonASCII = true }
            }
            // Decoded with replacement characters, two different invalid names would be one node,
            // and their guests would collide.
            if nonASCII {
                var name: [UInt8] = []
                for k in nameStart..<nameEnd { name.append(b[k]) }
                if String(validating: name, as: UTF8.self) == nil { return .failure(.nodeNotUTF8) }
            }
            node = nameStart..<nameEnd
            i = t + 1
        }
        guard matches(b, i, end, typePrefix) else { return .failure(.noType) }
        let typeStart = i + typePrefix.count
        var j = typeStart
        while j < end, !isBlank(b[j]) { j += 1 }
        guard j > typeStart else { return .failure(.noType) }
        let type = typeStart..<j
        let blanks = j
        while j < end, isBlank(b[j]) { j += 1 }
        if j - blanks != 1 || b[blanks] != 0x20 { canonical = false }
        guard j > blanks, matches(b, j, end, msgPrefix) else { return .failure(.noStamp) }
        j += msgPrefix.count
        let stamp: Stamp
        var parsedStamp = numericStamp(b, j, end)
        let interpreted = parsedStamp == nil
        if interpreted {
            parsedStamp = interpretedStamp(b, j, end)
            canonical = false
        }
        switch parsedStamp {
        case .none: return .failure(.badStamp)
        case .some(.failure(let failure)): return .failure(failure)
        case .some(.success(let parsed)): stamp = parsed
        }
        let close = stamp.end
        guard close < end, b[close] == 0x29 else { return .failure(.badStamp) }
        // `): ` as auditd writes it, `) : ` (or wider) as `ausearch -i` prints it.
        var body = close + 1
        while body < end, b[body] == 0x20 { body += 1 }
        guard body < end, b[body] == 0x3A else { return .failure(.badStamp) }
        body += 1
        if body < end, b[body] == 0x20 { body += 1 }
        if body != close + 3 { canonical = false }
        return .success(RecordHeader(node: node, type: type, seconds: stamp.seconds, milliseconds: stamp.milliseconds,
                                     serial: stamp.serial, bodyStart: body,
                                     isCanonical: canonical, isInterpreted: interpreted))
    }

    /// The line as auparse should see it: blanks before and inside the header taken out and an
    /// `ausearch -i` time stamp written as numbers (auparse 3.0.9 drops a line with a two-digit
    /// year and reads any other date as its month), the body byte for byte. nil when the line is
    /// already in that form.
    /// - Parameter bytes: the parsed line, indexed as when it was parsed.
    func canonicalLine(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        guard !isCanonical else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        if let node {
            out.append(contentsOf: Self.nodePrefix)
            out.append(contentsOf: bytes[node])
            out.append(0x20)
        }
        out.append(contentsOf: Self.typePrefix)
        out.append(contentsOf: bytes[type])
        out.append(0x20)
        out.append(contentsOf: Self.msgPrefix)
        let ms = String(milliseconds)
        out.append(contentsOf: "\(seconds).\(String(repeating: "0", count: 3 - ms.count) + ms):\(serial)): ".utf8)
        out.append(contentsOf: bytes[bodyStart...])
        return out
    }

    private struct Stamp {
        var seconds: Int64
        var milliseconds: Int
        var serial: Int64
        /// Index just after the serial.
        var end: Int
    }

    /// Range checks shared by both spellings: every number that leaves here is safe to compute with.
    private static func checked(seconds: Int64, millis: Int64, serial: Int64, end: Int) -> Result<Stamp, Failure> {
        guard seconds <= maximumSeconds else { return .failure(.timeOutOfRange) }
        guard serial <= maximumSerial else { return .failure(.serialOutOfRange) }
        guard (0...999).contains(millis) else { return .failure(.badStamp) }
        return .success(Stamp(seconds: seconds, milliseconds: Int(millis), serial: serial, end: end))
    }

    /// `SECONDS.MILLIS:SERIAL`.
    private static func numericStamp(_ b: Span<UInt8>, _ j: Int, _ end: Int) -> Result<Stamp, Failure>? {
        guard let seconds = number(b, j, end), seconds.end < end, b[seconds.end] == 0x2E,
              let millis = number(b, seconds.end + 1, end), millis.digits <= 3, millis.end < end, b[millis.end] == 0x3A,
              let serial = number(b, millis.end + 1, end) else { return nil }
        // More digits than an Int64 holds: far out of range, not a different spelling.
        guard seconds.digits <= 18 else { return .failure(.timeOutOfRange) }
        guard serial.digits <= 18 else { return .failure(.serialOutOfRange) }
        return checked(seconds: seconds.value, millis: millis.value, serial: serial.value, end: serial.end)
    }

    /// `MM/DD/YYYY HH:MM:SS.mmm:SERIAL` (or `DD.MM.YYYY`, `YYYY-MM-DD` from other locales), local time, as
    /// `ausearch -i` prints it. In the C locale audit 3.0.9 prints `%x`, a two-digit year
    /// (`11/25/25`); it is read as glibc's strptime reads `%y`: 69...99 are 1969...1999 and
    /// 00...68 are 2000...2068. (auparse itself does not read the date at all: its strtoul stops at
    /// the first `/`.)
    private static func interpretedStamp(_ b: Span<UInt8>, _ j: Int, _ end: Int) -> Result<Stamp, Failure>? {
        var k = j
        var parts: [(value: Int64, separator: UInt8, digits: Int)] = []
        // Seven numbers and their separators: D/M/Y (in one of three orders), h:m:s.ms and serial.
        for expected in 0..<7 {
            guard let part = number(b, k, end), part.digits <= 4, part.end < end else { return nil }
            let (value, after) = (part.value, part.end)
            let separator = b[after]
            let allowed: [UInt8] = switch expected {
            case 0: [0x2F, 0x2E, 0x2D]
            case 1: [parts[0].separator]
            case 2: [0x20]
            case 3, 4: [0x3A]
            case 5: [0x2E]
            default: [0x3A]
            }
            guard allowed.contains(separator) else { return nil }
            parts.append((value, separator, after - k))
            k = after + 1
        }
        guard let serialPart = number(b, k, end) else { return nil }
        guard serialPart.digits <= 18 else { return .failure(.serialOutOfRange) }
        let (serial, after) = (serialPart.value, serialPart.end)
        let dateSeparator = parts[0].separator
        let hour = parts[3].value, minute = parts[4].value, sec = parts[5].value
        let millis = parts[6].value
        guard parts[6].digits <= 3 else { return nil }
        let yearPart = dateSeparator == 0x2D ? parts[0] : parts[2]
        var year = yearPart.value
        if yearPart.digits == 2, dateSeparator != 0x2D {
            year += year >= 69 ? 1900 : 2000
        } else if yearPart.digits != 4 {
            return nil
        }
        let (month, day): (Int64, Int64) = switch dateSeparator {
        case 0x2F: (parts[0].value, parts[1].value)   // 07/20/2015, 07/20/15
        case 0x2E: (parts[1].value, parts[0].value)   // 20.07.2015
        default: (parts[1].value, parts[2].value)     // 2015-07-20
        }
        // Every part is checked before it becomes an Int32 inside mktime's struct tm.
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(sec), (1900...9999).contains(year) else { return nil }
        guard let seconds = LocalTime.epochSeconds(year: Int(year), month: Int(month), day: Int(day), hour: Int(hour),
                                                   minute: Int(minute), second: Int(sec)) else { return nil }
        return checked(seconds: seconds, millis: millis, serial: serial, end: after)
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

    /// The decimal digits at `from`: the value of the first 18 (which cannot overflow), the index
    /// after the last digit, and how many digits there were.
    private static func number(_ b: Span<UInt8>, _ from: Int, _ end: Int) -> (value: Int64, end: Int, digits: Int)? {
        var k = from
        var value: Int64 = 0
        while k < end {
            let digit = b[k] &- 0x30
            guard digit < 10 else { break }
            if k - from < 18 { value = value &* 10 &+ Int64(digit) }
            k += 1
        }
        return k > from ? (value, k, k - from) : nil
    }
}
