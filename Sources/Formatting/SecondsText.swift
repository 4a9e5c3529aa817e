/// A span of milliseconds as seconds with three decimals, `58.494` for 58,494: how far a clock
/// went back, in ingest's warning and the digest alike.
public enum SecondsText {
    public static func of(milliseconds: Int64) -> String {
        let (whole, rest) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let fraction = rest.magnitude
        return "\(rest < 0 && whole == 0 ? "-" : "")\(whole).\(fraction < 10 ? "00" : fraction < 100 ? "0" : "")\(fraction)"
    }
}
