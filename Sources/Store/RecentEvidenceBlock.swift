import Native

/// The committed evidence block a writer decompressed last. Events read again (a log that
/// overlaps a stored one, a spool restored from the fleet store) are compared with their stored
/// records one by one, and consecutive events share a block of about a megabyte: decompressing
/// it for each of them made such a read about eight times slower than a first one.
///
/// Kept only while the block's stored bytes are the same: a block pruned, and its id taken by
/// a new block (SQLite reuses the highest rowid), is decompressed again.
struct RecentEvidenceBlock {
    private var id: Int64?
    private var compressed: [UInt8] = []
    private var text: [UInt8] = []

    mutating func text(of block: Int64, in store: EvidenceStore) throws -> [UInt8] {
        let stored = try store.compressedBlock(block)
        if id == block, ByteSearch.equal(stored.data, stored.data.indices, compressed, compressed.indices) { return text }
        let bytes = try EvidenceStore.decompress(stored, block: block)
        id = block
        compressed = stored.data
        text = bytes
        return bytes
    }
}
