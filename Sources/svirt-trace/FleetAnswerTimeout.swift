import ArgumentParser
import Foundation

/// How long a report (query, digest) waits for the fleet store to answer a statement before it
/// gives up with exit 4: $SVIRT_TRACE_FLEET_TIMEOUT seconds, 300 by default, 0 for without end.
/// Long enough for any report a healthy server gives, since it counts silence, not the whole
/// report; short enough that a digest run from cron against a frozen server fails and says so
/// instead of waiting unseen for good, beside the next day's.
enum FleetAnswerTimeout {
    static let variable = "SVIRT_TRACE_FLEET_TIMEOUT"
    static let defaultSeconds = 300.0

    /// - Throws: ValidationError (exit 2) for a value that is not a number of seconds.
    static func seconds(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Double? {
        guard let text = environment[variable], !text.isEmpty else { return defaultSeconds }
        guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 * 365 else {
            throw ValidationError("$\(variable)=\(text): not a number of seconds from 0 (without end) to 31536000")
        }
        return seconds == 0 ? nil : seconds
    }
}
