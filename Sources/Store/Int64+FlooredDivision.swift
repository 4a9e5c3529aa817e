extension Int64 {
    /// Division rounding towards minus infinity: the day or minute a time before 1970 falls in
    /// (event times come from the log, where a crafted record can hold anything).
    func flooredDivision(by divisor: Int64) -> Int64 {
        // Never overflows, even at Int64.min (divisor > 0).
        self / divisor - (self % divisor < 0 ? 1 : 0)
    }
}
