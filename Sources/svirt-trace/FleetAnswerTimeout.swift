import ArgumentParser
import Formatting
import Foundation

/// How long a report (query, digest, a read-only fleet command) waits for the fleet store to
/// answer a statement before it gives up with exit 4, and a writer's shipping before it retries
/// as after an outage: $SVIRT_TRACE_FLEET_TIMEOUT seconds, 300 by default, 0 for without end.
/// Long enough for any report a healthy server gives, since it counts silence, not the whole
/// report; short enough that a digest run from cron against a frozen server fails and says so
/// instead of waiting unseen for good, beside the next day's.
enum FleetAnswerTimeout {
    static let variable = "SVIRT_TRACE_FLEET_TIMEOUT"
    static let defaultSeconds = 300.0

    /// Up to 23 days: poll(2) counts milliseconds in 32 bits.
    static let maximumSeconds = 2_000_000.0

    /// - Throws: ValidationError (exit 2) for a value that is not a number of seconds, written
    ///   in decimal digits with at most three after the point (Double alone reads 0x10 and 1e-300).
    static func seconds(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Double? {
        guard let text = environment[variable], !text.isEmpty else { return defaultSeconds }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let decimal = parts.count <= 2 && !parts[0].isEmpty && parts.allSatisfy { $0.allSatisfy { ("0"..."9").contains($0) } }
            && (parts.count == 1 || (1...3).contains(parts[1].count))
        guard decimal, let seconds = Double(text), seconds <= maximumSeconds else {
            throw ValidationError("$\(variable)=\(TerminalText.escape(text)): not a number of seconds from 0 (without end) to \(Int(maximumSeconds)), such as 300 or 2.5")
        }
        return seconds == 0 ? nil : seconds
    }
}
