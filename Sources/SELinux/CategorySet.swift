/// A set of MCS categories c0...c1023, as a fixed 1024-bit map: equality, hashing and the subset
/// test behind dominance are sixteen word operations.
public struct CategorySet: Hashable, Sendable {
    public static let maximumCategory = 1023
    private static let wordCount = 16

    private var words: [UInt64]

    public init() { words = Array(repeating: 0, count: Self.wordCount) }

    public init<S: Sequence>(_ categories: S) throws where S.Element == Int {
        self.init()
        for c in categories { try insert(c) }
    }

    public mutating func insert(_ category: Int) throws {
        guard (0...Self.maximumCategory).contains(category) else { throw SELinuxError.categoryOutOfRange(String(category)) }
        words[category >> 6] |= 1 << UInt64(category & 63)
    }

    public func contains(_ category: Int) -> Bool {
        guard (0...Self.maximumCategory).contains(category) else { return false }
        return words[category >> 6] & (1 << UInt64(category & 63)) != 0
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Only the words in use: a guest's two categories sit in one or two of the sixteen, and the
    /// lease map hashes a level for every denial. Equal sets have equal words in use, so this
    /// agrees with `==`.
    public func hash(into hasher: inout Hasher) {
        for i in 0..<Self.wordCount where words[i] != 0 {
            hasher.combine(i)
            hasher.combine(words[i])
        }
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Ascending category numbers.
    public var members: [Int] {
        var out: [Int] = []
        for (w, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                out.append(w * 64 + bit)
                bits &= bits - 1
            }
        }
        return out
    }

    public func isSubset(of other: CategorySet) -> Bool {
        for i in 0..<Self.wordCount where words[i] & ~other.words[i] != 0 { return false }
        return true
    }

    public func union(_ other: CategorySet) -> CategorySet {
        var out = self
        for i in 0..<Self.wordCount { out.words[i] |= other.words[i] }
        return out
    }

    /// Parses the category part of a level: `c0,c5`, `c0.c1023`, `c1,c3.c7,c9`.
    public static func parse(_ text: Substring) throws -> CategorySet {
        var set = CategorySet()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: ".", omittingEmptySubsequences: false)
            switch ends.count {
            case 1:
                try set.insert(parseCategory(ends[0], whole: part))
            case 2:
                let low = try parseCategory(ends[0], whole: part)
                let high = try parseCategory(ends[1], whole: part)
                guard low <= high else { throw SELinuxError.reversedCategoryRange(String(part)) }
                for c in low...high { try set.insert(c) }
            default:
                throw SELinuxError.malformedCategory(String(part))
            }
        }
        return set
    }

    private static func parseCategory(_ token: Substring, whole: Substring) throws -> Int {
        let digits = token.dropFirst()
        guard token.first == "c", !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw SELinuxError.malformedCategory(String(whole))
        }
        // Digits past Int's range are out of range too, reported as written.
        guard let n = Int(digits), n <= maximumCategory else {
            throw SELinuxError.categoryOutOfRange(String(digits.count > 24 ? digits.prefix(24) + "..." : digits))
        }
        return n
    }
}

extension CategorySet: CustomStringConvertible {
    /// The kernel's spelling: runs of three or more as `cA.cB`, shorter runs comma-separated.
    public var description: String {
        // Appended in place: the store writes a level per new run and per lease, and an array
        // of parts joined cost more than the rest of the row.
        var out = ""
        var runStart = -1
        var previous = -2
        func close() {
            guard runStart >= 0 else { return }
            if previous - runStart >= 2 {
                if !out.isEmpty { out += "," }
                out += "c" + String(runStart) + ".c" + String(previous)
            } else {
                for k in runStart...previous {
                    if !out.isEmpty { out += "," }
                    out += "c" + String(k)
                }
            }
        }
        for w in 0..<Self.wordCount where words[w] != 0 {
            var bits = words[w]
            while bits != 0 {
                let category = w * 64 + bits.trailingZeroBitCount
                bits &= bits - 1
                if category != previous + 1 {
                    close()
                    runStart = category
                }
                previous = category
            }
        }
        close()
        return out
    }
}
