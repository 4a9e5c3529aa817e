import AuditStream

/// The line splitter and event assembler (AuditLogReader, and through it RecordHeader, the
/// fallback field splitter and libauparse), fed the way `ingest` and `watch` feed it: in chunks
/// cut at any byte, then `finish`.
///
/// Input layout, so that the fuzzer chooses the cuts and the limits:
///   byte 0, bits 0-2: how many chunk-size bytes follow (0: the whole input in one chunk)
///           bit 3:    small limits (1 KiB lines, 4 open events) so their paths are reachable
///           bit 4:    a default node name for lines without `node=`
///           bit 5:    complete open events after every chunk, as `watch` does when the log is quiet
///   then the chunk sizes (each byte + 1, used in turn), then the log bytes.
///
/// Besides crashes it checks the reader's contract: cutting the same bytes differently gives the
/// same events, issues, checkpoint and statistics (as ChunkingTests does for one input), and
/// every event's ID is usable downstream (its time in milliseconds and its stamp, as Findings and
/// Store use them).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAuditReader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let input = Array(UnsafeRawBufferPointer(start: start, count: count))
    let control = input[0]
    let sizeCount = min(Int(control & 0x07), input.count - 1)
    let sizes = input[1..<(1 + sizeCount)].map { Int($0) + 1 }
    let log = Array(input[(1 + sizeCount)...])

    var configuration = AuditLogReader.Configuration(defaultNode: control & 0x10 != 0 ? "fuzz-node" : nil)
    if control & 0x08 != 0 {
        configuration.maximumLineLength = 1024
        configuration.maximumOpenEvents = 4
    }
    let quietAfterEachChunk = control & 0x20 != 0

    guard let chunked = read(log, sizes: sizes, configuration: configuration, quiet: quietAfterEachChunk) else { return 0 }
    for output in chunked.outputs {
        guard case .event(let event) = output else { continue }
        // What every consumer does with an event's identity.
        use(event.id.timeMilliseconds)
        use(event.id.stamp)
        require(!event.records.isEmpty, "an event without records was emitted")
    }
    let ids = chunked.outputs.compactMap { output -> AuditEventID? in
        if case .event(let event) = output { return event.id }
        return nil
    }
    use(ids.sorted())

    if !sizes.isEmpty, !quietAfterEachChunk,
       let whole = read(log, sizes: [], configuration: configuration, quiet: false) {
        require(whole.outputs == chunked.outputs, "cutting the input into chunks changed the events or issues")
        require(whole.checkpoint == chunked.checkpoint, "cutting the input into chunks changed the checkpoint")
        // Statistics are what `ingest` prints and stores as its summary.
        require(whole.statistics == chunked.statistics,
                "cutting the input into chunks changed the statistics: \(whole.statistics) whole, \(chunked.statistics) in chunks")
    }
    return 0
}

private struct Reading {
    var outputs: [AuditLogReader.Output]
    var checkpoint: (offset: Int64, line: Int)
    var statistics: AuditLogReader.Statistics
}

private func read(_ log: [UInt8], sizes: [Int], configuration: AuditLogReader.Configuration,
                  quiet: Bool) -> Reading? {
    // The reader only throws what `emit` throws, and libauparse failing to start.
    guard let reader = try? AuditLogReader(sourceName: "fuzz", configuration: configuration) else { return nil }
    var outputs: [AuditLogReader.Output] = []
    var at = 0
    var next = 0
    do {
        while at < log.count {
            let size = sizes.isEmpty ? log.count : sizes[next % sizes.count]
            next += 1
            let end = min(log.count, at + size)
            try reader.consume(log[at..<end]) { outputs.append($0) }
            if quiet { try reader.completeOpenEvents { outputs.append($0) } }
            at = end
        }
        try reader.finish { outputs.append($0) }
    } catch {
        return nil
    }
    return Reading(outputs: outputs, checkpoint: reader.checkpoint, statistics: reader.statistics)
}

/// A broken promise of the code under test. fatalError, not precondition: -O drops a precondition's
/// message, and the message says which promise broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// Keeps a value the optimiser would otherwise drop with the checks (overflow traps) that made it.
@_optimize(none) @inline(never)
private func use<T>(_ value: T) {}
