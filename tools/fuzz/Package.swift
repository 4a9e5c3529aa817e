// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer harnesses, kept out of the main package so that its `swift build` never builds them.
// Build and run them with ./run, which passes -sanitize=fuzzer,address; see README.md.

// SwiftPM names a path dependency after its folder, not its manifest: the checkout may be called
// anything, so the identity is taken from the folder two levels up.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

// libFuzzer brings its own `main`; a harness must not emit one.
let harnessSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

func harness(_ name: String) -> Target {
    .executableTarget(name: name,
                      dependencies: [.product(name: "SvirtTraceFuzzable", package: rootIdentity)],
                      swiftSettings: harnessSettings)
}

let package = Package(
    name: "svirt-trace-fuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        harness("fuzz-audit-reader"),
        harness("fuzz-record-header"),
        harness("fuzz-selinux-context"),
        harness("fuzz-domain-status"),
        harness("fuzz-alert-rules"),
    ]
)
