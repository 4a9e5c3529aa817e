/// Orders MCS levels the way a reader counts: `s0:c2,c10` before `s0:c10,c11`. Digit runs compare
/// as numbers (any length, without overflow), everything else byte by byte.
public struct LabelOrder: Comparable, Sendable {
    private let parts: [Part]
    /// Breaks ties between spellings of one number (`c02`, `c2`), so the order is total.
    private let raw: [UInt8]

    private enum Part: Comparable {
        /// A digit run without its leading zeros, so that length then text compares numbers.
        case number(digits: Int, text: [UInt8])
        case text([UInt8])

        static func < (a: Part, b: Part) -> Bool {
            switch (a, b) {
            case (.number(let n, let x), .number(let m, let y)): return n != m ? n < m : x.lexicographicallyPrecedes(y)
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let x), .text(let y)): return x.lexicographicallyPrecedes(y)
            }
        }
    }

    public init(level: String) {
        var parts: [Part] = []
        var run: [UInt8] = []
        var inDigits = false
        func close() {
            guard !run.isEmpty else { return }
            if inDigits {
                let significant = Array(run.drop { $0 == UInt8(ascii: "0") })
                parts.append(.number(digits: significant.count, text: significant))
            } else {
                parts.append(.text(run))
            }
            run = []
        }
        for byte in level.utf8 {
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if digit != inDigits { close(); inDigits = digit }
            run.append(byte)
        }
        close()
        self.parts = parts
        raw = Array(level.utf8)
    }

    public static func < (a: LabelOrder, b: LabelOrder) -> Bool {
        if a.parts.lexicographicallyPrecedes(b.parts) { return true }
        if b.parts.lexicographicallyPrecedes(a.parts) { return false }
        return a.raw.lexicographicallyPrecedes(b.raw)
    }

    public static func == (a: LabelOrder, b: LabelOrder) -> Bool {
        a.raw == b.raw
    }
}
