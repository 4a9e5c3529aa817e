/// sqlite3_busy_timeout's sleeps, in milliseconds: short at first, for a lock held briefly.
enum BusySchedule {
    private static let sleeps = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100]
    private static let totals = sleeps.indices.map { sleeps[..<$0].reduce(0, +) }

    static func sleep(atTry index: Int) -> Int { sleeps[min(max(0, index), sleeps.count - 1)] }

    /// What the sleeps before try `index` add up to.
    static func waited(beforeTry index: Int) -> Int {
        let index = max(0, index)
        guard index >= sleeps.count else { return totals[index] }
        return totals[sleeps.count - 1] + sleeps[sleeps.count - 1] + (index - sleeps.count) * 100
    }
}
