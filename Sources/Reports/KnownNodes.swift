import Store

/// The nodes a store has events of, as `--node` names them (`-` for logs without node=).
public enum KnownNodes {
    public static func list(_ database: StoreReader) throws -> [String] {
        try database.connection.rows("SELECT node FROM node_activity").compactMap { $0[0].string }
            .map { $0.isEmpty ? "-" : $0 }.sorted()
    }
}
