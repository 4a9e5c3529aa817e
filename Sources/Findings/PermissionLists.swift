import Native

/// `seperms` values split into permissions, by their bytes (String's == takes two spellings of
/// an accented letter for one): a host denies the same few combinations over and over, and
/// splitting makes two arrays each time.
struct PermissionLists {
    private var lists: [ExactText: [String]] = [:]
    private static let limit = 1024

    mutating func perms(_ seperms: String) -> [String] {
        if let known = lists[ExactText(seperms)] { return known }
        if lists.count >= Self.limit { lists.removeAll(keepingCapacity: true) }
        let perms = seperms.split(separator: ",").map(String.init)
        lists[ExactText(seperms)] = perms
        return perms
    }
}
