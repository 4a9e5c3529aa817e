private import CAuparse
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record as libauparse split it: its numeric type, type name, the raw text and every
/// field as raw strings (quotes and hex encoding left as logged).
public struct NativeRecord: Sendable, Equatable {
    public var type: Int
    public var typeName: String
    public var text: String
    public var fields: [NativeField]
}

public struct NativeField: Sendable, Equatable {
    public var name: String
    public var value: String
}

/// The records of one event in the order auparse kept them.
public struct NativeEvent: Sendable, Equatable {
    public var records: [NativeRecord]
}

public enum AuparseError: Error, CustomStringConvertible {
    case initFailed
    case feedFailed

    public var description: String {
        switch self {
        case .initFailed: return "auparse_init(AUSOURCE_FEED) failed"
        case .feedFailed: return "auparse_feed rejected its input"
        }
    }
}

/// The records of the events one `decodeRecords` call completed, flat and String-free where
/// the reader needs no String: record texts stay bytes (the reader only compares them with what
/// it fed), and fields are copied only when kept.
public struct DecodedRecords: Sendable {
    public struct Record: Sendable {
        /// auparse's numeric record type (1320 is EOE).
        public var type: Int
        /// The record's text as auparse returns it (without an ENRICHED part), inside `text`.
        public var textRange: Range<Int>
        /// Kept fields in logged order, values raw.
        public var fields: [(name: String, value: String)]
        /// auparse gave fields without names: it read the record's text but not its fields (a
        /// time stamp of 0.000, for one). The reader splits such a record itself.
        public var fieldsUnreadable = false
    }

    public internal(set) var records: [Record] = []
    /// Every record's text, back to back.
    public internal(set) var text: [UInt8] = []

    public init() {}

    mutating func removeAll() {
        records.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }
}

/// Owns one `auparse_state_t` in feed mode. auparse is not thread-safe, so this type is not
/// `Sendable`; each pipeline owns its own.
///
/// Callers hand it whole events, each closed by an EOE record, and then call `flush()`: auparse
/// 3.0.9 in feed mode holds even an EOE-closed event until the next event arrives (measured), and
/// the reader must not wait for that.
public final class AuparseDecoder {
    private let state: OpaquePointer
    private let sink: EventSink

    /// - Parameter keepField: which fields to copy out; a String is made only for those, and the
    ///   predicate is asked once per distinct name (its answer is remembered).
    public init(keepField: @escaping @Sendable (String) -> Bool = { _ in true }) throws {
        guard let au = auparseLock.withLock({ _ in auparse_init(AUSOURCE_FEED, nil) }) else { throw AuparseError.initFailed }
        state = au
        sink = EventSink(filter: FieldNameFilter(keep: keepField))
        let context = Unmanaged.passRetained(sink).toOpaque()
        // The callback captures nothing: C needs a plain function pointer. The sink travels as
        // user data and is released by auparse_destroy through the destroy callback.
        auparseLock.withLock { _ in auparse_add_callback(au, { au, cbType, userData in
            guard cbType == AUPARSE_CB_EVENT_READY, let au, let userData else { return }
            let sink = Unmanaged<EventSink>.fromOpaque(userData).takeUnretainedValue()
            if sink.collectsFlat {
                AuparseDecoder.copyRecords(au, filter: sink.filter, into: &sink.flat)
            } else {
                sink.events.append(AuparseDecoder.copyEvent(au, filter: sink.filter))
            }
        }, context, { userData in
            guard let userData else { return }
            Unmanaged<EventSink>.fromOpaque(userData).release()
        }) }
    }

    deinit {
        auparseLock.withLock { _ in auparse_destroy(state) }
    }

    /// Feeds bytes (whole lines) and returns the events auparse completed.
    public func decode(_ bytes: [UInt8]) throws -> [NativeEvent] {
        guard !bytes.isEmpty else { return [] }
        defer { sink.events.removeAll(keepingCapacity: true) }
        guard feed(bytes) == 0 else { throw AuparseError.feedFailed }
        return sink.events
    }

    /// Completes whatever auparse still holds (input without EOE records).
    public func flush() -> [NativeEvent] {
        _ = auparseLock.withLock { _ in auparse_flush_feed(state) }
        defer { sink.events.removeAll(keepingCapacity: true) }
        return sink.events
    }

    /// The reader's path: feeds one whole event (closed by EOE), flushes, and returns the records
    /// of every event that came out, as `decode(bytes) + flush()` would, without making a String
    /// for a record's text or for a field that is not kept. When auparse rejects the input it
    /// throws and nothing is flushed, as `decode` does.
    public func decodeRecords(_ bytes: [UInt8]) throws -> DecodedRecords {
        sink.flat.removeAll()
        sink.collectsFlat = true
        defer { sink.collectsFlat = false }
        if !bytes.isEmpty, feed(bytes) != 0 {
            sink.flat.removeAll()
            throw AuparseError.feedFailed
        }
        _ = auparseLock.withLock { _ in auparse_flush_feed(state) }
        return sink.flat
    }

    private func feed(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { buffer -> Int32 in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                auparseLock.withLock { _ in auparse_feed(state, text, buffer.count) }
            }
        }
    }

    /// Copies the current event out of auparse: its strings are borrowed and die on the next call.
    private static func copyEvent(_ au: OpaquePointer, filter: FieldNameFilter) -> NativeEvent {
        var records: [NativeRecord] = []
        guard auparse_first_record(au) > 0 else { return NativeEvent(records: []) }
        repeat {
            let type = Int(auparse_get_type(au))
            let typeName = auparse_get_type_name(au).map { String(cString: $0) } ?? "UNKNOWN[\(type)]"
            let text = auparse_get_record_text(au).map { String(cString: $0) } ?? ""
            var fields: [NativeField] = []
            if auparse_first_field(au) > 0 {
                repeat {
                    guard let cName = auparse_get_field_name(au), let name = filter.keptName(cName) else { continue }
                    let value = auparse_get_field_str(au).map { String(cString: $0) } ?? ""
                    fields.append(NativeField(name: name, value: value))
                } while auparse_next_field(au) > 0
            }
            records.append(NativeRecord(type: type, typeName: typeName, text: text, fields: fields))
        } while auparse_next_record(au) > 0
        return NativeEvent(records: records)
    }

    /// `copyEvent` for `decodeRecords`: texts as bytes, kept fields only.
    private static func copyRecords(_ au: OpaquePointer, filter: FieldNameFilter, into out: inout DecodedRecords) {
        guard auparse_first_record(au) > 0 else { return }
        repeat {
            let type = Int(auparse_get_type(au))
            let start = out.text.count
            if let text = auparse_get_record_text(au) {
                let raw = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
                out.text.append(contentsOf: UnsafeBufferPointer(start: raw, count: strlen(text)))
            }
            // The reader hands auparse few unkept fields (UnreadFields), so the field count is
            // close to the kept count: one allocation per record.
            var fields: [(name: String, value: String)] = []
            fields.reserveCapacity(Int(auparse_get_num_fields(au)))
            var unnamed = false
            if auparse_first_field(au) > 0 {
                repeat {
                    guard let cName = auparse_get_field_name(au) else {
                        unnamed = true
                        continue
                    }
                    guard let name = filter.keptName(cName) else { continue }
                    let value = auparse_get_field_str(au).map { String(cString: $0) } ?? ""
                    fields.append((name, value))
                } while auparse_next_field(au) > 0
            }
            out.records.append(.init(type: type, textRange: start..<out.text.count, fields: fields, fieldsUnreadable: unnamed))
        } while auparse_next_record(au) > 0
    }
}

/// Collects events from the C callback; lives as long as the auparse state.
private final class EventSink {
    var events: [NativeEvent] = []
    var flat = DecodedRecords()
    /// Set while `decodeRecords` runs.
    var collectsFlat = false
    let filter: FieldNameFilter

    init(filter: FieldNameFilter) {
        self.filter = filter
    }
}
