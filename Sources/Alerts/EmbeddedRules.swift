/// rules/alerts.yaml, compiled into the binary (SwiftPM `.embedInCode` of the link in Resources/)
/// so `watch` has its default rules wherever the binary is copied.
enum EmbeddedRules {
    static let alertsYAML = String(decoding: PackageResources.alerts_yaml, as: UTF8.self)
}
