/// For a cache that only pays when the log repeats itself: after `restAfterMisses` misses in a
/// row it rests, letting one try in `probeInterval` through, until a try hits again.
struct RestingGate: Sendable {
    let restAfterMisses: Int
    let probeInterval: Int
    private var missStreak = 0
    private var skips = 0

    init(restAfterMisses: Int = 64, probeInterval: Int = 32) {
        self.restAfterMisses = restAfterMisses
        self.probeInterval = max(1, probeInterval)
    }

    var isResting: Bool { missStreak >= restAfterMisses }

    /// Whether this one may try: always while tries hit now and then, one in `probeInterval`
    /// while resting.
    mutating func allowsTry() -> Bool {
        guard isResting else { return true }
        skips += 1
        guard skips >= probeInterval else { return false }
        skips = 0
        return true
    }

    mutating func hit() { missStreak = 0 }
    mutating func miss() { missStreak += 1 }
}
