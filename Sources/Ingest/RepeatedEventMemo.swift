import AuditStream
import Foundation
import Findings
import Guests
import Synchronization

/// Correlates a flood once. Events whose records are the same text but for their stamp (a
/// compromised guest hammering one disk) get the same findings, provided nothing the correlator
/// knows has changed in between: no lease began, ended or changed (any event other than a plain
/// denial may change them, so it starts a new generation), and no lease boundary lies between
/// the two events (both lie after every boundary known). Only the event's own identity (its ID
/// and its records' lines) differs, and is set on the copy.
struct RepeatedEventMemo {
    private struct Entry {
        var findings: [Finding]
        var position: EventPosition
        var generation: Int
        /// Names this entry to the writer, which folds its repeats without looking at them again.
        var serial: Int
    }

    /// The node and the records' texts after their stamps. Hashed once, as one byte string (an
    /// array of bytes would be hashed byte by byte), where it is built: on the reading thread.
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]
        private let hash: Int

        init(bytes: [UInt8]) {
            self.bytes = bytes
            var hasher = Hasher()
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            hash = hasher.finalize()
        }

        /// One memcmp: Array's == compares a flood's half-kilobyte keys a byte at a time.
        static func == (a: Key, b: Key) -> Bool {
            guard a.hash == b.hash, a.bytes.count == b.bytes.count else { return false }
            return a.bytes.withUnsafeBytes { x in
                b.bytes.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }
    }

    /// Record types a plain denial event carries; an event with any other type goes to the
    /// correlator and starts a new generation.
    /// A switch, not a Set: short type names compare as two words, where a Set hashed each.
    private static func isPlain(_ type: String) -> Bool {
        switch type {
        case "AVC", "USER_AVC", "SYSCALL", "CWD", "PATH", "PROCTITLE": true
        default: false
        }
    }
    private static let limit = 4_096

    private var entries: [Key: Entry] = [:]
    /// Serials are unique in the process, not only in this memo: consumers key what they keep
    /// for a flood's first denial by it (`Denial.repeatOf`).
    private static let serials = Mutex<Int>(0)
    private var generation = 0
    /// The latest lease boundary (a start or an end) the correlator knows of.
    private var latestBoundary = EventPosition(timeMilliseconds: Int64.min, serial: Int64.min)

    /// The findings of an earlier event with the same records, adjusted to this event; nil when
    /// the correlator must judge it.
    func findings(for event: AuditEvent, key: Key?) -> (findings: [Finding], repeatOf: Int)? {
        guard let key, let entry = entries[key], entry.generation == generation else { return nil }
        let position = Self.position(event)
        guard position >= entry.position else { return nil }
        var findings = entry.findings
        for index in findings.indices {
            guard case .denial(var denial) = findings[index] else { continue }
            denial.id = event.id
            denial.repeatOf = entry.serial
            var avc = 0
            for record in event.records where record.type == "AVC" || record.type == "USER_AVC" {
                guard avc < denial.avcs.count else { break }
                if denial.avcs[avc].line != record.line { denial.avcs[avc].line = record.line }
                avc += 1
            }
            findings[index] = .denial(denial)
        }
        return (findings, entry.serial)
    }

    /// The memo key of a plain denial event: its node and its records without their stamps; nil
    /// for any other event.
    static func key(_ event: AuditEvent) -> Key? {
        var key: [UInt8] = []
        key.reserveCapacity(512)
        if let node = event.id.node { key.append(contentsOf: node.utf8) }
        for record in event.records {
            guard isPlain(record.type) else { return nil }
            key.append(0x0A)
            let body = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
                guard let start = Self.bodyStart(bytes) else { return false }
                key.append(contentsOf: bytes[start...])
                return true
            }
            // Borrowed where contiguous (every native string): a copy for withUTF8 costs a
            // retain and a release per record.
            var found = record.raw.utf8.withContiguousStorageIfAvailable(body)
            if found == nil {
                var raw = record.raw
                found = raw.withUTF8(body)
            }
            guard found == true else { return nil }
        }
        return Key(bytes: key)
    }

    /// After the correlator judged `event`.
    /// - Returns: the entry's serial when `event` was remembered.
    @discardableResult
    mutating func record(_ event: AuditEvent, key: Key?, findings: [Finding]) -> Int? {
        var changesState = event.records.contains { Self.changesState($0.type) }
        var onlyDenials = !findings.isEmpty
        for finding in findings {
            switch finding {
            case .denial: continue
            case .lease(let lease):
                for bound in [lease.validFrom, lease.validTo].compactMap({ $0 }) { latestBoundary = max(latestBoundary, bound) }
                changesState = true
            case .event, .resource:
                changesState = true
            case .coverage(let mark):
                // Denials on either side of a boot or a snapshot may be judged differently.
                if let position = mark.position { latestBoundary = max(latestBoundary, position) }
                changesState = true
            case .issue:
                break
            }
            onlyDenials = false
        }
        if changesState {
            invalidate()
            return nil
        }
        guard onlyDenials, let key else { return nil }
        let position = Self.position(event)
        // An event before a known boundary may be judged differently from a later repeat.
        guard position >= latestBoundary else { return nil }
        if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
        let serial = Self.serials.withLock { next in
            next += 1
            return next
        }
        entries[key] = Entry(findings: findings, position: position, generation: generation, serial: serial)
        return serial
    }

    /// The record types the correlator learns from (lifecycle, resources, policy), besides the
    /// denials it only reads the timeline for.
    private static func changesState(_ type: String) -> Bool {
        type.hasPrefix("VIRT_") || type.hasPrefix("MAC_") || type.hasSuffix("SELINUX_ERR")
    }

    /// The lease timeline changed outside `record` (reloaded, forgotten, bootstrapped).
    mutating func invalidate(boundariesOf leases: [Lease] = []) {
        generation &+= 1
        entries.removeAll(keepingCapacity: true)
        for lease in leases {
            for bound in [lease.validFrom, lease.validTo].compactMap({ $0 }) { latestBoundary = max(latestBoundary, bound) }
        }
    }

    private static func position(_ event: AuditEvent) -> EventPosition {
        EventPosition(timeMilliseconds: event.id.timeMilliseconds, serial: event.id.serial)
    }

    /// Where the text after the stamp `msg=audit(TIME:SERIAL): ` begins.
    static func bodyStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: ")"), bytes[index + 1] == UInt8(ascii: ":"), bytes[index + 2] == UInt8(ascii: " ") {
                return index + 3
            }
            index += 1
        }
        return nil
    }
}
