import Store

/// The nodes a store has events of, as `--node` names them (`-` for logs without node=).
public enum KnownNodes {
    public static func list(_ database: StoreReader) throws -> [String] {
        // Once each (a node two spools wrote has a row of each) and by bytes, as the stores
        // compare them: two spellings of a name (NFC and NFD) are two nodes.
        try CrossGuestQuery.distinct(database.connection.rows("SELECT node FROM node_activity").compactMap { $0[0].string }
            .map { $0.isEmpty ? "-" : $0 })
    }
}
