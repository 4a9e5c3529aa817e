import Foundation

/// A log written by the reference generator, `../shared/workload/gen_audit_log.py`, with its
/// ground truth and live status folder.
public struct Workload {
    public var folder: URL
    public var log: URL
    public var truth: URL
    public var rundir: URL

    public struct Options: CustomStringConvertible, Sendable {
        public var events = 4000
        public var seed = 1
        public var nodes = 1
        public var enriched = false
        public var virtPerMille = 40.0
        public var interleave = 0.01
        public var malformedPerMillion = 200.0

        public init(events: Int = 4000, seed: Int = 1, nodes: Int = 1, enriched: Bool = false) {
            self.events = events
            self.seed = seed
            self.nodes = nodes
            self.enriched = enriched
        }

        public var description: String { "events=\(events) seed=\(seed) nodes=\(nodes) enriched=\(enriched)" }
    }

    public static func generate(_ options: Options) throws -> Workload {
        let folder = try Fixtures.temporaryFolder("workload")
        let w = Workload(folder: folder, log: folder.appendingPathComponent("audit.log"),
                         truth: folder.appendingPathComponent("truth.jsonl"), rundir: folder.appendingPathComponent("run"))
        var args = [Fixtures.generator.path, "--events", String(options.events), "--seed", String(options.seed),
                    "--nodes", String(options.nodes), "--virt-per-mille", String(options.virtPerMille),
                    "--interleave", String(options.interleave),
                    "--malformed-per-million", String(options.malformedPerMillion),
                    "--out", w.log.path, "--truth", w.truth.path, "--rundir", w.rundir.path]
        if options.enriched { args.append("--enriched") }
        let result = try runProcess("/usr/bin/env", ["python3"] + args)
        guard result.status == 0 else {
            throw NSError(domain: "Workload", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: String(decoding: result.stderr, as: UTF8.self)])
        }
        return w
    }

    /// The truth file, one JSON object per line.
    public func truthRecords() throws -> [[String: Any]] {
        try String(contentsOf: truth, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}
