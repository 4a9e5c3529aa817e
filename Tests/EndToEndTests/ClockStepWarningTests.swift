import Findings
import Ingest
import Testing

/// The words ingest closes with when a node's clock went back.
@Suite struct ClockStepWarningTests {
    static func step(_ node: String?, at stamp: Int64) -> ClockStepPlacer.Step {
        ClockStepPlacer.Step(node: node, source: "audit.log", firstStamp: stamp, firstSerial: 100, newestBefore: stamp + 60_000)
    }

    /// The first step is named; the others by their nodes when some were elsewhere: "1 more step
    /// after it" under hv01's name was hv02's (helper-104).
    @Test func stepsOfOtherNodesAreSaidByNode() throws {
        var summary = IngestSummary()
        summary.clockStepCount = 4
        summary.clockSteps = [Self.step("hv01", at: 1_764_000_000_000), Self.step("hv02", at: 1_764_000_100_000),
                              Self.step("hv02", at: 1_764_000_200_000), Self.step("hv01", at: 1_764_000_300_000)]
        let warning = try #require(summary.clockStepWarning())
        #expect(warning.hasPrefix("node hv01's clock went back"), "\(warning)")
        #expect(warning.contains("(3 more steps after it: 1 on hv01, 2 on hv02)"), "\(warning)")
        // One node only: no list.
        summary.clockSteps = [Self.step("hv01", at: 1_764_000_000_000), Self.step("hv01", at: 1_764_000_100_000)]
        summary.clockStepCount = 2
        #expect(summary.clockStepWarning()?.contains("(1 more step after it)") == true)
        // More than were kept.
        summary.clockSteps = [Self.step(nil, at: 1_764_000_000_000), Self.step("hv02", at: 1_764_000_100_000)]
        summary.clockStepCount = 40
        let many = try #require(summary.clockStepWarning())
        #expect(many.contains("(39 more steps after it: 1 on hv02, and more not kept)"), "\(many)")
    }
}
