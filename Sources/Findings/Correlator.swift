import AuditStream
import Formatting
import Guests
import Native
import SELinux

/// Turns audit events into findings while keeping the lease timeline up to date. Time comes only
/// from the events themselves.
public struct Correlator {
    public internal(set) var map: GuestMap
    public var classifier: Classifier
    /// Decodes denials the reading thread did not (see `DenialDecoder`).
    private var decoder = DenialDecoder()
    /// Model records of guests being started (see `Correlator+Posture`).
    var posture = PostureDetector()
    /// Senders of libvirt's records trusted besides the built-in ones (`LibvirtSender`).
    public var trustedSenders: Set<String> = []
    /// Where lease data is complete (Correlator+Coverage.swift).
    public internal(set) var coverage = Coverage()
    /// Where each event lies on its node's axis, steps of the clock included.
    public private(set) var placer = ClockStepPlacer()
    /// The event being judged, as `placer` placed it.
    private var current = EventPosition(timeMilliseconds: .min, serial: .min)
    /// Per node, the newest time before the last step kept as a `clock-step` event: a log whose
    /// clock goes back on every other event (two hosts' lines in one stream without node=) keeps
    /// one a minute, not one per step (helper-101: 118,766 rows). ingest's warning counts them all.
    private var stepKeptAt: [String: Int64] = [:]
    static let stepsKeptApart: Int64 = 60_000
    /// Whether a step of the clock placed the last event judged after events stamped later.
    public private(set) var lastEventFollowedAStep = false

    public init(map: GuestMap = GuestMap(), classifier: Classifier = Classifier()) {
        self.map = map
        self.classifier = classifier
    }

    /// Takes the lease timeline as the store holds it, after another writer changed it; the bounds
    /// of leases in a stretch a step of the clock put in the past go where this run placed them.
    public mutating func replaceMap(_ map: GuestMap) {
        var map = map
        if placer.stepCount > 0 {
            for lease in map.leases.values {
                var placed = lease
                placed.validFrom = lease.validFrom.map { placer.replaced($0, node: lease.node) }
                placed.validTo = lease.validTo.map { placer.replaced($0, node: lease.node) }
                if placed != lease { map.upsert(placed) }
            }
        }
        self.map = map
    }

    /// See `GuestMap.forgetLeases(endedBefore:)`.
    @discardableResult
    public mutating func forgetLeases(endedBefore cutoff: Int64) -> Int {
        map.forgetLeases(endedBefore: cutoff)
    }

    // MARK: bootstrap

    /// Leases for guests that were running before the log began, from libvirt's status XML. A guest
    /// the map already knows (from an earlier run or the log) is left alone.
    public mutating func bootstrap(_ entries: [StateFolder.Entry]) -> [Finding] {
        var findings: [Finding] = []
        var created: [Lease] = []
        var bootstrapped: [StateFolder.Entry] = []
        for entry in entries {
            let status = entry.status
            guard Self.isRunning(status) else { continue }
            guard !map.leases.values.contains(where: { NodeName.same($0.node, entry.node) && $0.uuid == status.uuid }) else { continue }
            bootstrapped.append(entry)
            let leases = leasesFromStatus(entry, validFrom: nil)
            findings += leases.map { .lease($0) }
            created += leases
            let selinuxLease = leases.first { $0.model == "selinux" }
            findings.append(.event(RecordedEvent(
                id: nil, timeMilliseconds: nil, node: entry.node, kind: .domainStart, vm: status.name,
                uuid: status.uuid, label: selinuxLease?.label,
                detail: [("pid", status.pid.map { .int($0) } ?? .null), ("bootstrap", .bool(true)),
                         ("static", .bool(selinuxLease?.isStatic ?? false)), ("status_file", .string(status.file))])))
        }
        // Collisions among the guests bootstrapped here: all of them ran at the same moment.
        var reported: Set<String> = []
        let running = created.filter { $0.model == "selinux" }
        for lease in running {
            guard let level = lease.level else { continue }
            let holders = running.filter { NodeName.same($0.node, lease.node) && $0.level == level }.sorted { $0.name < $1.name }
            let key = "\(NodeName.key(lease.node))|\(level)"
            if holders.count > 1, reported.insert(key).inserted {
                findings.append(.event(collisionEvent(id: nil, time: nil, node: lease.node, newcomer: lease, holders: holders)))
            }
        }
        return findings + postureOfStatus(bootstrapped)
    }

    /// A status file describes a guest that holds its labels now.
    static func isRunning(_ status: DomainStatus) -> Bool {
        status.state == nil || status.state == "running" || status.state == "paused"
    }

    /// The leases a status file's `<seclabel>`s give (selinux and dac; `type='none'` gives none),
    /// put into the map.
    mutating func leasesFromStatus(_ entry: StateFolder.Entry, validFrom: EventPosition?) -> [Lease] {
        let status = entry.status
        var leases: [Lease] = []
        for seclabel in status.securityLabels where seclabel.type != "none" {
            guard let label = seclabel.label, seclabel.model == "selinux" || seclabel.model == "dac" else { continue }
            let view = ContextView(label)
            let lease = Lease(id: map.makeLeaseID(), node: entry.node, uuid: status.uuid, name: status.name,
                              model: seclabel.model, label: label, imageLabel: seclabel.imageLabel,
                              level: seclabel.model == "selinux" ? view.level : nil,
                              processType: seclabel.model == "selinux" ? view.type : nil,
                              isStatic: seclabel.type == "static", pid: status.pid, validFrom: validFrom, validTo: nil,
                              started: true, origin: .statusXML)
            map.upsert(lease)
            leases.append(lease)
        }
        return leases
    }

    // MARK: events

    /// Every finding of one event. A kernel event can hold several wanted records (SELINUX_ERR
    /// followed by the AVC it caused, say), and each counts.
    /// - Parameter decoded: the event's denial as `DenialDecoder` decoded it elsewhere (on the
    ///   reading thread), if it did; else it is decoded here.
    public mutating func process(_ event: AuditEvent, decoded: DecodedDenial? = nil) -> [Finding] {
        let step = place(event)
        return (step.map { [$0] } ?? []) + judge(event, decoded: decoded)
    }

    /// Puts the event on its node's axis (`placer`), as every event read must be, judged here or
    /// not (a repeat the caller already knows the findings of): a step of the clock is seen
    /// against every event logged before it. Returns the `clock-step` event when this event is
    /// the first logged after a step.
    public mutating func place(_ event: AuditEvent) -> Finding? {
        (current, lastEventFollowedAStep) = placer.place(event.id, source: event.source)
        if let move = placer.axisMove {
            moveLeases(move)
            coverage.move(move)
        }
        guard let step = placer.startedStep else { return nil }
        let key = NodeName.key(event.id.node)
        if let kept = stepKeptAt[key], step.newestBefore >= kept, step.newestBefore - kept < Self.stepsKeptApart { return nil }
        if stepKeptAt[key] == nil, stepKeptAt.count >= ClockStepPlacer.maximumNodes { stepKeptAt.removeAll(keepingCapacity: true) }
        stepKeptAt[key] = step.newestBefore
        return clockStep(event, step)
    }

    /// See `ClockStepPlacer.seed`.
    public mutating func seedPlacement(node: String?, timeMilliseconds: Int64, serial: Int64, source: String) {
        placer.seed(node: node, timeMilliseconds: timeMilliseconds, serial: serial, source: source)
    }

    /// `process` for an event `place` placed.
    public mutating func judge(_ event: AuditEvent, decoded: DecodedDenial? = nil) -> [Finding] {
        var findings: [Finding] = []
        // Records by index, not copied: a copy retains the record's line and fields, memory the
        // reader wrote long ago as far as the cache is concerned.
        let records = event.records
        if let decoded {
            denial(event, decoded, into: &findings)
        } else if let decoded = decoder.decode(event) {
            denial(event, decoded, into: &findings)
        }
        for index in records.indices {
            let type = records[index].type
            if Self.startsWithMAC(type), type.hasPrefix("MAC_"),
               case .outOfRange(let text) = records[index].number("auid", in: NumericField.uidRange) {
                findings.append(issue(event, records[index], NumericField.reason(type: type, field: "auid", text: text,
                                                                                 range: NumericField.uidRange)))
            }
            // Every type handled below is ten bytes or longer; the common ones (AVC, SYSCALL,
            // PATH, CWD, PROCTITLE) are not, and skip the comparisons.
            guard type.utf8.count >= 10 else { continue }
            if type.hasPrefix("VIRT_"), let doubt = senderDoubt(records[index]) {
                findings.append(untrusted(event, records[index], doubt: doubt))
                continue
            }
            switch type {
            case "VIRT_MACHINE_ID": findings += machineID(event, records[index])
            case "VIRT_CONTROL": findings += control(event, records[index])
            case "VIRT_RESOURCE": findings += resource(event, records[index])
            case "MAC_STATUS": findings.append(enforcingChange(event, records[index]))
            case "MAC_CONFIG_CHANGE": findings.append(booleanChange(event, records[index]))
            case "MAC_POLICY_LOAD": findings.append(policyLoad(event, records[index]))
            case "SELINUX_ERR", "USER_SELINUX_ERR": findings.append(selinuxError(event, records[index]))
            case "SYSTEM_BOOT": findings += systemBoot(event)
            default: break
            }
        }
        return findings
    }

    /// A byte test that rules out `hasPrefix("MAC_")` cheaply: no string that does not start with
    /// these bytes starts with those characters.
    private static func startsWithMAC(_ type: String) -> Bool {
        type.utf8.starts(with: "MAC_".utf8)
    }

    /// Lease bounds placed with a step whose events moved (`ClockStepPlacer.AxisMove`) move too.
    private mutating func moveLeases(_ move: ClockStepPlacer.AxisMove) {
        for lease in map.leases.values where lease.validFrom?.steppedTo == move.from || lease.validTo?.steppedTo == move.from {
            guard NodeName.same(lease.node, move.node) else { continue }
            var moved = lease
            moved.validFrom = lease.validFrom.map(move.apply)
            moved.validTo = lease.validTo.map(move.apply)
            if moved != lease { map.upsert(moved) }
        }
    }

    /// The event being judged as placed on the axis; any other by its stamp.
    func position(_ id: AuditEventID) -> EventPosition {
        if id.serial == current.serial, id.timeMilliseconds == current.timeMilliseconds { return current }
        return EventPosition(timeMilliseconds: id.timeMilliseconds, serial: id.serial)
    }

    func issue(_ event: AuditEvent, _ record: AuditRecord, _ reason: String) -> Finding {
        .issue(ParseIssue(source: event.source, line: record.line, byteOffset: -1, reason: reason,
                          text: String(record.raw.prefix(ParseIssue.maximumTextLength))))
    }

    // MARK: denials

    private mutating func denial(_ event: AuditEvent, _ decoded: DecodedDenial, into findings: inout [Finding]) {
        let records = event.records
        for (index, problem) in decoded.avcProblems { findings.append(issue(event, records[index], problem)) }
        guard let parties = decoded.parties else { return }
        let at = position(event.id)
        let node = event.id.node
        // Ranked only when there is a choice: almost every event names one object.
        let ranked = !parties.others.isEmpty
        var chosen = judge(.init(avc: 0, source: parties.source, target: parties.target, perms: parties.perms),
                           decoded, node: node, at: at, ranked: ranked)
        for other in parties.others {
            let judged = judge(other, decoded, node: node, at: at, ranked: true)
            if judged.gravity > chosen.gravity { chosen = judged }
        }
        let source = chosen.access.source
        let target = chosen.access.target
        // Every object's AVC, not only the one the denial is classified by: a second object's
        // context that does not parse was kept without a word (helper-83).
        let accesses = [DecodedDenial.Access(avc: 0, source: parties.source, target: parties.target, perms: [])]
            + parties.others
        for access in accesses {
            let avc = decoded.avcs[access.avc]
            for view in [access.source.view, access.target.view] {
                if let error = view.error,
                   let record = records.first(where: { $0.line == avc.line && $0.type == avc.recordType }) ?? event.first(avc.recordType) {
                    findings.append(issue(event, record, "kept with an unparsed context: \(error)"))
                }
            }
        }
        for (index, problem) in parties.syscallProblems { findings.append(issue(event, records[index], problem)) }
        let (kind, reason) = attributed(chosen.kind, node: node, at: at)
        var denial = Denial(id: event.id, avcs: decoded.avcs, source: source.view, target: target.view,
                            context: parties.context, kind: kind, boolean: chosen.boolean, sources: chosen.sources,
                            targets: chosen.targets)
        denial.primaryIndex = chosen.access.avc
        denial.reason = reason
        findings.append(.denial(denial))
    }

    /// One object of a denial event, classified: who held each side's label then, and the kind.
    private struct Judged {
        var access: DecodedDenial.Access
        var sources: [Lease]
        var targets: [Lease]
        var kind: DenialKind
        var boolean: String?
        var gravity: Int
    }

    private func judge(_ access: DecodedDenial.Access, _ decoded: DecodedDenial, node: String?, at: EventPosition,
                       ranked: Bool) -> Judged {
        let avc = decoded.avcs[access.avc]
        let source = access.source, target = access.target
        let sources = source.traits.contains(.guestProcess) ? source.view.level.map {
            map.resolveSource(node: node, level: $0, pid: avc.pid, at: at)
        } ?? [] : []
        let targets = target.traits.contains(.guestObject) ? target.view.guestLevel.map {
            map.holders(node: node, level: $0, at: at)
        } ?? [] : []
        let (kind, boolean) = classifier.classify(.init(source: source.view, target: target.view, tclass: avc.tclass,
                                                        perms: access.perms, sources: sources, targets: targets),
                                                  sourceTraits: source.traits, targetTraits: target.traits)
        guard ranked else { return Judged(access: access, sources: sources, targets: targets, kind: kind, boolean: boolean, gravity: 0) }
        let parsed = source.view.error == nil && target.view.error == nil
        // Ranked as it will be stored: an unknown label where lease data is incomplete is
        // unattributed (info), below a guest reaching a host object (high).
        let stored = attributed(kind, node: node, at: at).0
        return Judged(access: access, sources: sources, targets: targets, kind: kind, boolean: boolean,
                      gravity: DenialGravity.of(kind: stored, target: target.view, tclass: avc.tclass, parsed: parsed))
    }

    /// The step a node's clock took back just before `event`, kept with it: where the stamps
    /// start to overlap, by how much, and in which source.
    private func clockStep(_ event: AuditEvent, _ step: ClockStepPlacer.Step) -> Finding {
        let (back, overflow) = step.newestBefore.subtractingReportingOverflow(step.firstStamp)
        return .event(RecordedEvent(
            id: event.id, timeMilliseconds: event.id.timeMilliseconds, node: event.id.node, kind: .clockStep,
            vm: nil, uuid: nil, label: nil,
            detail: [("back_ms", overflow ? .null : .int(back)), ("newest_before", .string(Timestamp.iso8601(milliseconds: step.newestBefore))),
                     ("source", .string(step.source))]))
    }

    // MARK: libvirt

    /// A libvirt record from another sender, kept for what it claimed and who sent it. Its `exe=`
    /// is the sender's own text, hence `claimed_exe`; `sender`, `uid` and `pid` are the kernel's.
    private func untrusted(_ event: AuditEvent, _ record: AuditRecord, doubt: String) -> Finding {
        let virt = VirtFields(record)
        func text(_ value: String?) -> DetailValue { value.map { .string($0) } ?? .null }
        return .event(RecordedEvent(
            id: event.id, timeMilliseconds: event.id.timeMilliseconds, node: event.id.node, kind: .untrustedVirtRecord,
            vm: virt.vm, uuid: virt.uuid, label: nil,
            detail: [("record", .string(record.type)), ("op", text(record.string("op"))),
                     ("vm_ctx", text(record.string("vm-ctx"))), ("sender", text(UserRecordSender.subject(of: record))),
                     ("uid", text(record.raw("uid"))), ("pid", record.int("pid").map { .int($0) } ?? .null),
                     ("claimed_exe", text(record.string("exe"))), ("why", .string(doubt))]))
    }

    /// Why a libvirt record naming a guest (by uuid, or by name: a VIRT_RESOURCE without uuid still
    /// gives a whole-disk finding) is not believed (`LibvirtSender`); nil when it is, and for
    /// records that name no guest, which change nothing (dockerd logs VIRT_CONTROL for its
    /// containers, with `vm=?` and no uuid).
    private func senderDoubt(_ record: AuditRecord) -> String? {
        guard record.raw("uuid") != nil || record.string("vm") != nil else { return nil }
        return LibvirtSender.doubt(uid: record.raw("uid"), subject: UserRecordSender.subject(of: record), trusted: trustedSenders)
    }

    private struct VirtFields {
        var vm: String?
        var uuid: String?
        var success: Bool

        init(_ record: AuditRecord) {
            vm = GuestNameField.of(record)
            uuid = record.string("uuid")?.lowercased()
            success = record.raw("res").map { $0 == "success" || $0 == "1" } ?? true
        }
    }

    private mutating func machineID(_ event: AuditEvent, _ record: AuditRecord) -> [Finding] {
        let virt = VirtFields(record)
        guard virt.success else { return [] }
        if let uuid = virt.uuid, let model = record.string("model") {
            notePostureRecord(node: event.id.node, uuid: uuid, model: model, vmContext: record.string("vm-ctx"),
                              imageContext: record.string("img-ctx"))
        }
        // `vm-ctx=?`: no label for this model (<seclabel type='none'/>); judged at the start. A
        // lease still open for the model is a lifetime before whose stop was lost: it ends here,
        // which the store keeps even if the start is read by a later run.
        if let uuid = virt.uuid, let model = record.string("model"), record.raw("vm-ctx") == "?" {
            guard var previous = map.openLease(node: event.id.node, uuid: uuid, model: model) else { return [] }
            previous.validTo = position(event.id)
            map.upsert(previous)
            return [.lease(previous)]
        }
        guard let uuid = virt.uuid, let model = record.string("model"), let label = record.string("vm-ctx") else {
            return [issue(event, record, "VIRT_MACHINE_ID without uuid, model or vm-ctx")]
        }
        var findings: [Finding] = []
        let at = position(event.id)
        let node = event.id.node
        // A new label for a guest that still holds one: its stop was not logged (crash, lost records).
        if let previous = map.openLease(node: node, uuid: uuid, model: model) {
            var closed = previous
            closed.validTo = at
            map.upsert(closed)
            findings.append(.lease(closed))
        }
        let view = ContextView(label)
        if model == "selinux", let error = view.error {
            findings.append(issue(event, record, "lease kept without a level: \(error)"))
        }
        let level = model == "selinux" ? view.level : nil
        // libvirt never hands out a dynamic label in use, so a repeat means a static label.
        let collides = level.map { !map.holders(node: node, level: $0, at: at).isEmpty } ?? false
        let lease = Lease(id: map.makeLeaseID(), node: node, uuid: uuid, name: virt.vm ?? uuid, model: model,
                          label: label, imageLabel: record.string("img-ctx"), level: level,
                          processType: model == "selinux" ? view.type : nil, isStatic: collides, pid: nil,
                          validFrom: at, validTo: nil, started: false, origin: .audit)
        map.upsert(lease)
        findings.append(.lease(lease))
        return findings
    }

    private mutating func control(_ event: AuditEvent, _ record: AuditRecord) -> [Finding] {
        let virt = VirtFields(record)
        guard let op = record.string("op"), let uuid = virt.uuid else { return [] }
        let at = position(event.id)
        let node = event.id.node
        var findings: [Finding] = []
        switch op {
        case "start":
            var problems: [String] = []
            let pid = record.checkedNumber("vm-pid", in: Self.vmPidRange, problems: &problems).flatMap { $0 > 0 ? $0 : nil }
            findings += problems.map { issue(event, record, $0) }
            var leases = map.openLeases(node: node, uuid: uuid)
            if !virt.success {
                for var lease in leases {
                    lease.validTo = at
                    map.upsert(lease)
                    findings.append(.lease(lease))
                }
                return findings
            }
            // A start whose model records were logged begins a new lifetime: a lease already
            // started belongs to the one before, whose stop was lost. Same-model records closed
            // theirs; what is left is a model this start has no label for (`vm-ctx=?`, or no
            // record at all), and judging the start by it would call an unconfined guest ok.
            if posture.hasRecords(node: node, uuid: uuid) {
                for var lease in leases where lease.started {
                    lease.validTo = at
                    map.upsert(lease)
                    findings.append(.lease(lease))
                }
                leases.removeAll { $0.started }
            }
            for index in leases.indices {
                leases[index].pid = pid ?? leases[index].pid
                leases[index].started = true
                if let name = virt.vm { leases[index].name = name }
                map.upsert(leases[index])
                findings.append(.lease(leases[index]))
            }
            let selinux = leases.first { $0.model == "selinux" }
            defer { findings += postureAtStart(event.id, uuid: uuid, vm: virt.vm, leases: leases) }
            findings.append(.event(RecordedEvent(
                id: event.id, timeMilliseconds: event.id.timeMilliseconds, node: node, kind: .domainStart,
                vm: virt.vm, uuid: uuid, label: selinux?.label,
                detail: [("pid", pid.map { .int($0) } ?? .null), ("bootstrap", .bool(false)),
                         ("static", .bool(selinux?.isStatic ?? false)),
                         ("reason", record.string("reason").map { .string($0) } ?? .null)])))
            if let selinux, let level = selinux.level {
                let holders = map.holders(node: node, level: level, at: at)
                if holders.count > 1 {
                    findings.append(.event(collisionEvent(id: event.id, time: event.id.timeMilliseconds, node: node,
                                                          newcomer: selinux, holders: holders)))
                }
            }
        case "stop":
            forgetPosture(node: node, uuid: uuid)
            findings += stopCoverage(event, uuid: uuid, vm: virt.vm)
            for var lease in map.openLeases(node: node, uuid: uuid) {
                lease.validTo = at
                map.upsert(lease)
                findings.append(.lease(lease))
            }
            findings.append(.event(RecordedEvent(
                id: event.id, timeMilliseconds: event.id.timeMilliseconds, node: node, kind: .domainStop,
                vm: virt.vm, uuid: uuid, label: nil,
                detail: [("reason", record.string("reason").map { .string($0) } ?? .null),
                         ("success", .bool(virt.success))])))
        case "init":
            // LXC guests report their init process after start; it is the pid their AVCs carry.
            var problems: [String] = []
            let checked = record.checkedNumber("vm-pid", in: Self.vmPidRange, problems: &problems)
            findings += problems.map { issue(event, record, $0) }
            guard let pid = checked, pid > 0 else { break }
            for var lease in map.openLeases(node: node, uuid: uuid) where lease.pid == nil {
                lease.pid = pid
                map.upsert(lease)
                findings.append(.lease(lease))
            }
        default:
            break
        }
        return findings
    }

    /// libvirt logs `vm-pid=-1` when a guest stops.
    private static let vmPidRange: ClosedRange<Int64> = -1...Int64(Int32.max)

    func collisionEvent(id: AuditEventID?, time: Int64?, node: String?, newcomer: Lease, holders: [Lease]) -> RecordedEvent {
        RecordedEvent(id: id, timeMilliseconds: time, node: node, kind: .labelCollision, vm: newcomer.name,
                      uuid: newcomer.uuid, label: newcomer.level.map { "\($0)" } ?? newcomer.label,
                      // Lease row ids are not shown: they depend on the order concurrent writers
                      // commit, and the guests' UUIDs already name the holders.
                      detail: [("vms", .strings(holders.map(\.name))), ("uuids", .strings(holders.map(\.uuid)))])
    }

    private func resource(_ event: AuditEvent, _ record: AuditRecord) -> [Finding] {
        let virt = VirtFields(record)
        guard let kind = record.string("resrc") else { return [] }
        var oldValue: String?
        var newValue: String?
        for field in record.fields {
            if field.name.hasPrefix("old-") { oldValue = FieldValue.decode(name: field.name, value: field.value) }
            if field.name.hasPrefix("new-") { newValue = FieldValue.decode(name: field.name, value: field.value) }
        }
        if newValue == nil { newValue = record.string("path") ?? record.string("device") }
        let lease = virt.uuid.flatMap { map.openLease(node: event.id.node, uuid: $0) }
        return [.resource(GuestResource(id: event.id, node: event.id.node, uuid: virt.uuid, vm: virt.vm,
                                        leaseID: lease?.id, resource: kind, reason: record.string("reason"),
                                        oldValue: oldValue, newValue: newValue, success: virt.success))]
            + (kind == "disk" && virt.success ? postureOfDisk(event.id, uuid: virt.uuid, vm: virt.vm, disk: newValue,
                                                             reason: record.string("reason")) : [])
    }

    // MARK: policy

    private func auid(_ event: AuditEvent, _ record: AuditRecord) -> [(String, DetailValue)] {
        let auid = record.number("auid", in: NumericField.uidRange).number
            ?? event.first("SYSCALL")?.number("auid", in: NumericField.uidRange).number
        let name = record.enriched("AUID") ?? event.first("SYSCALL")?.enriched("AUID")
        return [("auid", auid.map { .int($0) } ?? .null), ("user", name.map { .string($0) } ?? .null),
                ("exe", event.first("SYSCALL")?.string("exe").map { .string($0) } ?? .null)]
    }

    private func enforcingChange(_ event: AuditEvent, _ record: AuditRecord) -> Finding {
        let detail: [(String, DetailValue)] = [
            ("enforcing", record.int("enforcing").map { .int($0) } ?? .null),
            ("old_enforcing", record.int("old_enforcing").map { .int($0) } ?? .null),
        ] + auid(event, record)
        return .event(RecordedEvent(id: event.id, timeMilliseconds: event.id.timeMilliseconds, node: event.id.node,
                                    kind: .enforcingChange, vm: nil, uuid: nil, label: nil, detail: detail))
    }

    private func booleanChange(_ event: AuditEvent, _ record: AuditRecord) -> Finding {
        let detail: [(String, DetailValue)] = [
            ("boolean", record.string("bool").map { .string($0) } ?? .null),
            ("value", record.int("val").map { .int($0) } ?? .null),
            ("old_value", record.int("old_val").map { .int($0) } ?? .null),
        ] + auid(event, record)
        return .event(RecordedEvent(id: event.id, timeMilliseconds: event.id.timeMilliseconds, node: event.id.node,
                                    kind: .booleanChange, vm: nil, uuid: nil, label: nil, detail: detail))
    }

    private func policyLoad(_ event: AuditEvent, _ record: AuditRecord) -> Finding {
        let detail: [(String, DetailValue)] = [("res", record.string("res").map { .string($0) } ?? .null)] + auid(event, record)
        return .event(RecordedEvent(id: event.id, timeMilliseconds: event.id.timeMilliseconds, node: event.id.node,
                                    kind: .policyLoad, vm: nil, uuid: nil, label: nil, detail: detail))
    }

    private func selinuxError(_ event: AuditEvent, _ record: AuditRecord) -> Finding {
        let scontext = record.string("scontext")
        var detail: [(String, DetailValue)] = []
        for name in ["op", "reason", "invalid_context", "oldcontext", "newcontext", "scontext", "tcontext", "tclass"] {
            if let value = record.string(name) { detail.append((name, .string(value))) }
        }
        var vm: String?
        var uuid: String?
        if let scontext, let level = ContextView(scontext).guestLevel {
            let holders = map.holders(node: event.id.node, level: level, at: position(event.id))
            if holders.count == 1 { vm = holders[0].name; uuid = holders[0].uuid }
        }
        return .event(RecordedEvent(id: event.id, timeMilliseconds: event.id.timeMilliseconds, node: event.id.node,
                                    kind: .selinuxError, vm: vm, uuid: uuid, label: scontext, detail: detail))
    }
}
