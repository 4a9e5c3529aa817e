/// journalctl's relative times (systemd.time(7)): `-1h`, `+30min`, `-1h30min`, `-90` (seconds; a bare number only alone),
/// `2 hours ago`, `1d 2h ago`. A sign or `ago` is required, as in journalctl: a bare `5min`
/// could as well be a typo for a date.
enum RelativeTime {
    /// systemd's units: `m` is minutes and `M` months; a month is 30.44 days and a year 365.25.
    static let units: [String: Double] = [
        "ms": 1, "msec": 1,
        "s": 1000, "sec": 1000, "second": 1000, "seconds": 1000,
        "m": 60_000, "min": 60_000, "minute": 60_000, "minutes": 60_000,
        "h": 3_600_000, "hr": 3_600_000, "hour": 3_600_000, "hours": 3_600_000,
        "d": 86_400_000, "day": 86_400_000, "days": 86_400_000,
        "w": 604_800_000, "week": 604_800_000, "weeks": 604_800_000,
        "M": 2_629_800_000, "month": 2_629_800_000, "months": 2_629_800_000,
        "y": 31_557_600_000, "year": 31_557_600_000, "years": 31_557_600_000,
    ]

    /// The signed offset from now in milliseconds, or nil when `text` is no relative time.
    static func milliseconds(_ text: String) -> Double? {
        var body = Substring(text)
        var sign: Double
        if body.hasSuffix(" ago") {
            body = body.dropLast(4)
            sign = -1
            guard !body.hasPrefix("+"), !body.hasPrefix("-") else { return nil }
        } else if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        } else {
            return nil
        }
        guard let span = span(body) else { return nil }
        sign *= span
        return sign
    }

    /// `1h30min`, `1h 30min`, `2 hours`, `90` (seconds): numbers, each with an optional unit.
    private static func span(_ text: Substring) -> Double? {
        let chars = Array(text.trimmingSpaces())
        guard !chars.isEmpty else { return nil }
        var total = 0.0
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i] == " " { i += 1 }
            let numberStart = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { i += 1 }
            guard i > numberStart, let number = Double(String(chars[numberStart..<i])) else { return nil }
            while i < chars.count, chars[i] == " " { i += 1 }
            let unitStart = i
            while i < chars.count, chars[i].isASCII, chars[i].isLetter { i += 1 }
            let unit = String(chars[unitStart..<i])
            if unit.isEmpty {
                // A bare number is seconds, and only as the whole span: in "1h30" it is a typo.
                guard numberStart == 0, i == chars.count else { return nil }
                total += number * 1000
            } else {
                guard let scale = units[unit] else { return nil }
                total += number * scale
            }
        }
        return total.isFinite ? total : nil
    }
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
