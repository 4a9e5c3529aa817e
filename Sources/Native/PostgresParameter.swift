/// One statement parameter as libpq takes it: text with its trailing NUL for everything but
/// byte strings, which go in binary format as bytea (no escaping, any byte allowed).
struct PostgresParameter {
    var bytes: [UInt8]?
    var type: UInt32      // an Oid; 0 lets the server infer it from the statement
    var length: Int32
    var format: Int32     // 0 text, 1 binary

    init(_ value: SQLValue) throws {
        switch value {
        case .null:
            self.init(bytes: nil, type: 0, length: 0, format: 0)
        case .integer(let v):
            try self.init(text: String(v))
        case .real(let v):
            try self.init(text: Self.text(of: v))
        case .text(let s):
            try self.init(text: s)
        case .blob(let b):
            self.init(bytes: b, type: 17, length: Int32(b.count), format: 1)
        }
    }

    private init(bytes: [UInt8]?, type: UInt32, length: Int32, format: Int32) {
        self.bytes = bytes
        self.type = type
        self.length = length
        self.format = format
    }

    /// A double as PostgreSQL's float8 input reads it, NaN and the infinities included.
    static func text(of value: Double) -> String {
        value.isFinite ? String(value) : (value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity"))
    }

    /// PostgreSQL's text cannot hold a NUL byte; libpq would cut the value there without a word.
    private init(text: String) throws {
        var utf8 = Array(text.utf8)
        if utf8.contains(0) { throw PostgresError.nulInText }
        utf8.append(0)
        self.init(bytes: utf8, type: 0, length: 0, format: 0)
    }
}
