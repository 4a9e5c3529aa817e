import Foundation

/// What makes a webhook URL one watch will post to: http or https, a host, a port in range.
/// One check for the config file (so `config check` passes only what watch takes) and the sink.
public enum WebhookURL {
    /// The parsed URL, or why it is not one.
    public static func parse(_ text: String) -> Result<URL, Failure> {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), let host = url.host, !host.isEmpty else {
            return .failure(Failure(description: "not an http(s) URL with a host"))
        }
        if let port = url.port, !(1...65535).contains(port) {
            return .failure(Failure(description: "port \(port) is not between 1 and 65535"))
        }
        return .success(url)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }
}
