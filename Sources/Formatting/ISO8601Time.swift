/// ISO-8601 date and time with a zone, `2026-11-28T10:15:00Z` or `2026-11-28T11:15:00.5+01:00`,
/// read strictly. Foundation's formatter took ten or more fractional digits modulo something
/// (`27.9999999999Z` came out as 27.2) and offsets such as `+99:99` (helper-71): a window that is
/// silently not the one typed.
enum ISO8601Time {
    /// Milliseconds since the epoch (a fraction rounded to the nearest millisecond), or nil when
    /// `text` is not such a time: wrong shape, a field out of range (month 13, February 30, hour
    /// 24, offset beyond ±23:59).
    static func milliseconds(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        var at = 0
        func number(_ width: Int) -> Int? {
            guard at + width <= b.count else { return nil }
            var value = 0
            for byte in b[at..<at + width] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            at += width
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard at < b.count, b[at] == byte else { return false }
            at += 1
            return true
        }
        guard let year = number(4), skip(0x2D), let month = number(2), skip(0x2D), let day = number(2),
              skip(0x54) || skip(0x74), let hour = number(2), skip(0x3A), let minute = number(2), skip(0x3A), let second = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var fraction = 0
        if skip(0x2E) {
            // The first four digits decide the millisecond (the fourth rounds); the rest cannot.
            let start = at
            while at < b.count, (0x30...0x39).contains(b[at]) { at += 1 }
            guard at > start else { return nil }
            var tenths = 0
            for index in 0..<4 { tenths = tenths * 10 + (start + index < at ? Int(b[start + index] - 0x30) : 0) }
            fraction = (tenths + 5) / 10
        }
        guard at < b.count else { return nil }
        var offsetMinutes = 0
        if b[at] == 0x5A || b[at] == 0x7A {
            at += 1
        } else if b[at] == 0x2B || b[at] == 0x2D {
            let sign = b[at] == 0x2D ? -1 : 1
            at += 1
            guard let hours = number(2) else { return nil }
            _ = skip(0x3A)
            guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
        } else {
            return nil
        }
        guard at == b.count else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1000 + Int64(fraction)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
    /// days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
