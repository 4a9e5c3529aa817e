import Foundation

/// Parsed outputs the storing thread is done with, handed back to the reading thread to be freed
/// there. glibc frees a block fastest on the thread that allocated it (a block from another
/// thread's arena takes that arena's lock and its consolidation), and the storing thread is the
/// busy half of the pipeline: freeing a flood's records there cost it about a tenth of its time.
final class SpentOutputs: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var batches: [[ParsedOutput]] = []

    /// The storing thread's side.
    func give(_ outputs: [ParsedOutput]) {
        lock.lock()
        batches.append(outputs)
        lock.unlock()
    }

    /// The reading thread's side: the batches handed back so far are freed on return.
    func free() {
        lock.lock()
        let taken = batches
        batches = []
        lock.unlock()
        _ = taken
    }
}
