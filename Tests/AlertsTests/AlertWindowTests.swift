import Foundation
import Testing
@testable import Alerts
import AuditStream
import Findings

/// Alert ids, windows that close on event time (and on quiet), bounded maps, and windows carried
/// over a restart.
@Suite struct AlertWindowTests {
    static let image = AlertEngineTests.image

    /// Each event's findings, in log order.
    static func findings(_ text: String) throws -> [[Finding]] {
        let reader = try AuditLogReader(sourceName: "alerts")
        var correlator = Correlator()
        var out: [[Finding]] = []
        let handle: (AuditLogReader.Output) -> Void = { output in
            if case .event(let event) = output { out.append(correlator.process(event)) }
        }
        try reader.consume(Array(text.utf8), emit: handle)
        try reader.finish(emit: handle)
        return out
    }

    /// The alerts raised while the events arrive (not by `flush`).
    static func live(_ text: String, engine: inout AlertEngine) throws -> [Alert] {
        try findings(text).flatMap { engine.process($0) }
    }

    @Test func idsSayWhatTheAlertIsAboutAndAreTheSameInEveryRun() throws {
        let text = AlertEngineTests.log([(10, Self.image, "file", 0), (20, Self.image, "file", 0), (200, Self.image, "file", 0)])
        var first = AlertEngine(), second = AlertEngine()
        let a = try AlertEngineTests.run(text, engine: &first)
        let b = try AlertEngineTests.run(text, engine: &second)
        #expect(a.map(\.id) == b.map(\.id))
        // Serials: 4 lifecycle records (101-104), then the denials 105, 106, 107.
        #expect(a.map(\.id) == ["-/1764000010.000:105/cross-guest", "-/1764000010.000:105/cross-guest/repeats",
                                "-/1764000200.000:107/cross-guest"])
        let withNode = text.split(separator: "\n").map { "node=hv/01 " + $0 }.joined(separator: "\n") + "\n"
        var third = AlertEngine()
        #expect(try AlertEngineTests.run(withNode, engine: &third).first?.id == "hv%2F01/1764000010.000:105/cross-guest")
    }

    @Test func twoAlertsOfOneRuleFromOneEventGetDistinctIds() throws {
        let text = "type=MAC_CONFIG_CHANGE msg=audit(1764000103.000:903): bool=virt_use_nfs val=1 old_val=0 auid=1000 ses=3\n"
            + "type=MAC_CONFIG_CHANGE msg=audit(1764000103.000:903): bool=virt_use_samba val=1 old_val=0 auid=1000 ses=3\n"
        var engine = AlertEngine()
        let alerts = try AlertEngineTests.run(text, engine: &engine)
        #expect(alerts.count == 2)
        #expect(alerts.map(\.id) == ["-/1764000103.000:903/virt-boolean-change", "-/1764000103.000:903/virt-boolean-change#2"])
    }

    @Test func aLaterEventClosesTheWindowAndSendsTheFollowUpWithoutWaitingForShutdown() throws {
        // Five repeats of one pair, then a denial of another kind 90 s later (event time).
        let text = AlertEngineTests.log([(10, Self.image, "file", 0), (11, Self.image, "file", 0), (12, Self.image, "file", 0),
                                         (13, Self.image, "file", 0), (14, Self.image, "file", 0),
                                         (100, "system_u:object_r:etc_t:s0", "file", 0)])
        var engine = AlertEngine()
        let alerts = try Self.live(text, engine: &engine)
        let followUp = alerts.first { $0.id.hasSuffix("/repeats") }
        #expect(followUp?.count == 4)
        #expect(followUp?.title == "web01 → db02: read on file (cross-guest) (4 more since 2025-11-24T16:00:10.000Z)")
        #expect(alerts.map(\.rule) == ["cross-guest", "cross-guest", "guest-host"])
        #expect(engine.flush().isEmpty, "nothing was left for shutdown")
    }

    @Test func anAllowedRepeatOfADeniedPairIsAlertedOnItsOwnAndSaysAllowed() throws {
        // Denied, then the same pair allowed (the node went permissive) inside the dedupe window.
        let text = AlertEngineTests.log([(10, Self.image, "file", 0), (11, Self.image, "file", 0), (12, Self.image, "file", 1),
                                         (13, Self.image, "file", 1)])
        var engine = AlertEngine()
        let live = try Self.live(text, engine: &engine)
        #expect(live.count == 2, "the allowed access is not folded into the denied window")
        #expect(live.last?.title.hasPrefix("ALLOWED") == true)
        let followUps = engine.flush()
        #expect(followUps.map(\.count) == [1, 1])
        #expect(followUps.filter { $0.title.hasPrefix("ALLOWED") }.count == 1, "the allowed follow-up says so")
    }

    @Test func unknownTargetLabelsOfOneTypeHaveWindowsOfTheirOwn() throws {
        // Two image labels no guest holds: a follow-up must not count one under the other's name.
        let first = "system_u:object_r:svirt_image_t:s0:c50,c60", second = "system_u:object_r:svirt_image_t:s0:c70,c80"
        let text = AlertEngineTests.log([(10, first, "file", 0), (11, second, "file", 0), (12, first, "file", 0)])
        var engine = AlertEngine()
        let live = try Self.live(text, engine: &engine)
        #expect(live.count == 2)
        let followUps = engine.flush()
        #expect(followUps.count == 1)
        #expect(followUps.first?.count == 1)
        #expect(followUps.first?.tcontext?.contains("c50,c60") == true)
    }

    @Test func eventTitlesNameTheGuestAndWhatChangedInOnePass() throws {
        let disk = RecordedEvent(id: nil, timeMilliseconds: 1_000, node: "hv1", kind: .wholeDisk, vm: "{label}",
                                 uuid: nil, label: "s0:c1,c2", detail: [("disk", .string("/dev/sdb"))])
        var engine = AlertEngine()
        let alert = engine.process([.event(disk)]).first
        #expect(alert?.title == "{label} given a whole block device (/dev/sdb)", "a name is never read as a placeholder")
        let boolean = RecordedEvent(id: nil, timeMilliseconds: 2_000, node: nil, kind: .booleanChange, vm: nil, uuid: nil,
                                    label: nil, detail: [("boolean", .string("virt_use_nfs")), ("value", .int(1))])
        #expect(engine.process([.event(boolean)]).first?.title == "virt boolean virt_use_nfs set to 1")
    }

    @Test func aQuietLogClosesWindowsOnceTheirLengthHasPassed() throws {
        let text = AlertEngineTests.log([(10, Self.image, "file", 0), (11, Self.image, "file", 0), (12, Self.image, "file", 0)])
        var engine = AlertEngine()
        #expect(try Self.live(text, engine: &engine).count == 1)
        #expect(engine.closeQuiet(quietMilliseconds: 1_500).isEmpty, "under 2 s is not quiet")
        #expect(engine.closeQuiet(quietMilliseconds: 57_000).isEmpty, "12 s + 57 s is before the window's end at 70 s")
        let closed = engine.closeQuiet(quietMilliseconds: 58_000)
        #expect(closed.map(\.count) == [2])
        #expect(closed.first?.id == "-/1764000010.000:105/cross-guest/repeats")
    }

    @Test func aRateLimitReportIsSentWhenItsMinuteEnds() throws {
        let types = ["etc_t", "user_home_t", "var_t", "tmp_t", "bin_t", "lib_t"]
        var denials = types.enumerated().map { (10 + $0.offset, "system_u:object_r:\($0.element):s0", "file", 0) }
        denials.append((200, "system_u:object_r:usr_t:s0", "file", 0))
        var rules = AlertRule.defaults
        for i in rules.indices { rules[i].ratePerMinute = 2 }
        var engine = AlertEngine(rules: rules)
        let alerts = try Self.live(AlertEngineTests.log(denials), engine: &engine)
        let report = alerts.first { $0.id.hasSuffix("/rate-limited") }
        #expect(report?.count == 4)
        #expect(report?.id == "-/1764000012.000:107/guest-host/rate-limited", "from the first alert withheld")
        #expect(report?.title == "Rate limit: 4 more alerts from this source were not sent between "
            + "2025-11-24T16:00:12.000Z and 2025-11-24T16:00:15.000Z")
        #expect(alerts.last?.time == 1_764_000_200_000, "the report came before the later event's own alert")
    }

    /// Denials from many sources (labels) to many targets (types), `spacing` ms apart.
    static func manyKeys(_ count: Int, spacing: Int) -> [[Finding]] {
        var lines: [String] = []
        for i in 0..<count {
            let millis = 1_764_000_000_000 + Int64(i * spacing)
            let stamp = "\(millis / 1000).\(String(format: "%03d", Int(millis % 1000))):\(1000 + i)"
            lines.append("type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=\(5000 + i) comm=\"qemu-kvm\" scontext=system_u:system_r:svirt_t:s0:c\(i % 1000),c\(1000 - i / 1000) tcontext=system_u:object_r:t\(i)_t:s0 tclass=file permissive=0")
        }
        return (try? findings(lines.joined(separator: "\n") + "\n")) ?? []
    }

    @Test func mapsStayBoundedWhenWindowsEndInEventTime() throws {
        var engine = AlertEngine()
        var largest = (windows: 0, recent: 0, limited: 0)
        let events = Self.manyKeys(3_000, spacing: 1_000)
        #expect(events.count == 3_000)
        var alerts = 0
        for event in events {
            alerts += engine.process(event).count
            let sizes = engine.sizes
            largest = (max(largest.windows, sizes.windows), max(largest.recent, sizes.recent), max(largest.limited, sizes.limited))
        }
        // One event per second: a 60 s window holds about 60 keys, a minute of sources about 120.
        #expect(largest.windows <= 61)
        #expect(largest.recent <= 121)
        #expect(largest.windows >= 59, "the windows did fill")
        #expect(alerts >= 3_000)
        #expect(engine.evictions == 0)
    }

    @Test func aHardCapBoundsTheMapsWhenEverythingHappensAtOnceAndCountsWhatItDropped() throws {
        var limits = AlertEngine.Limits()
        limits.windows = 200
        limits.sources = 100
        var engine = AlertEngine(limits: limits)
        let events = Self.manyKeys(2_000, spacing: 0)
        #expect(events.count == 2_000)
        for event in events {
            _ = engine.process(event)
            #expect(engine.sizes.windows <= 200)
            #expect(engine.sizes.recent <= 100)
            #expect(engine.sizes.limited <= 100)
        }
        #expect(engine.evictions > 0)
    }

    @Test func windowsCarriedOverARestartGiveTheAlertsOfOneRun() throws {
        var denials: [(Int, String, String, Int)] = []
        for i in 0..<40 {
            denials.append((10 + i * 7, Self.image, "file", 0))
            denials.append((10 + i * 7, "system_u:object_r:\(["etc_t", "var_t", "tmp_t"][i % 3]):s0", "file", 0))
        }
        let events = try Self.findings(AlertEngineTests.log(denials))
        var whole = AlertEngine()
        let expected = events.flatMap { whole.process($0) } + whole.flush()
        for split in [1, events.count / 3, events.count / 2, events.count - 1] {
            var before = AlertEngine()
            var rows: [String: String] = [:]
            var alerts = events[..<split].flatMap { before.process($0) }
            for (key, value) in before.takeChanges() { rows[key] = value }
            var after = AlertEngine()
            #expect(after.restore(rows.map { ($0.key, $0.value) }) == 0)
            alerts += events[split...].flatMap { after.process($0) } + after.flush()
            #expect(alerts == expected, "split at event \(split)")
        }
    }

    /// Two hosts whose names differ only in Unicode normalization (NFC, NFD) log the same events:
    /// each host's first denial is alerted, as for two plainly named hosts, and the windows carry
    /// over a restart under the keys as logged (an earlier build stored them so).
    @Test func windowsOfTwoSpellingsOfAHostAreApartAndCarryOverARestart() throws {
        let text = AlertEngineTests.log([(10, Self.image, "file", 0), (11, Self.image, "file", 0), (400, Self.image, "file", 0)])
        func twoHosts(_ a: String, _ b: String) -> String {
            text.split(separator: "\n").flatMap { ["node=\(a) \($0)", "node=\(b) \($0)"] }.joined(separator: "\n") + "\n"
        }
        func ids(_ text: String, split: Int?) throws -> (ids: [String], keys: [String]) {
            let events = try Self.findings(text)
            var before = AlertEngine()
            guard let split else { return ((events.flatMap { before.process($0) } + before.flush()).map(\.id), []) }
            var alerts = events[..<split].flatMap { before.process($0) }
            let rows = before.takeChanges().compactMap { row in row.value.map { (row.key, $0) } }
            var after = AlertEngine()
            #expect(after.restore(rows) == 0)
            alerts += events[split...].flatMap { after.process($0) } + after.flush()
            return (alerts.map(\.id), rows.map(\.0))
        }
        let (nfc, nfd) = ("h\u{F4}te", "ho\u{302}te")
        let plain = try ids(twoHosts("hotb", "hota"), split: nil).ids
        #expect(plain.filter { $0.hasSuffix("/cross-guest") }.count == 4, "\(plain)")
        // By bytes the NFD spelling ("ho" + U+0302) comes first, as hota does.
        let named = { (ids: [String]) in ids.map { $0.replacingOccurrences(of: nfc, with: "hotb", options: .literal)
            .replacingOccurrences(of: nfd, with: "hota", options: .literal) } }
        #expect(named(try ids(twoHosts(nfc, nfd), split: nil).ids) == plain)
        for split in [2, 5, 9, 12] {
            let (carried, keys) = try ids(twoHosts(nfc, nfd), split: split)
            #expect(named(carried) == plain, "split at event \(split)")
            if split == 12 {
                // Stored as logged, each spelling its own row: what an earlier build wrote.
                #expect(keys.contains { Array($0.utf8).contains(0xC3) } && keys.contains { Array($0.utf8).contains(0xCC) }, "\(keys)")
            }
        }
    }

    @Test func aDamagedStateRowIsSkippedNotFatal() {
        var engine = AlertEngine()
        #expect(engine.restore([("repeats|x", "{not json"), ("newest", "12")]) == 1)
        #expect(engine.newestTime == 12)
    }
}
