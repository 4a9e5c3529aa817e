import Native

/// How a fleet store was opened, to open it again from another thread: a report reading in
/// shares opens a connection per share. Holds the connection string as given, password and
/// all; never printed.
struct FleetConnectionRecipe: Sendable {
    let connectionString: String
    let answerTimeoutSeconds: Double?

    func open() throws -> PostgresConnection {
        let connection = try PostgresConnection(connection: connectionString)
        connection.answerTimeoutSeconds = answerTimeoutSeconds
        return connection
    }
}
