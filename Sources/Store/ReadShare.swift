/// One of the shares a report splits its heaviest reading into (`StoreReader.inShares`): the
/// rows whose id, modulo `count`, is `index`. Every row falls in exactly one share.
public struct ReadShare: Sendable, Equatable {
    public let index: Int
    public let count: Int

    public static let whole = ReadShare(index: 0, count: 1)

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "share \(index) of \(count)")
        self.index = index
        self.count = count
    }

    /// SQL: the integer `id` falls in this share ("1 = 1" for the whole). Written for a
    /// negative id too, whose remainder is negative in both dialects.
    public func holds(_ id: String) -> String {
        count == 1 ? "1 = 1" : "((\(id) % \(count)) + \(count)) % \(count) = \(index)"
    }
}
