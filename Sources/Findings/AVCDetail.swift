import Native

/// One AVC (or USER_AVC) record of a denial event.
public struct AVCDetail: Sendable, Equatable {
    public var recordType: String
    /// `denied` or `granted`.
    public var seresult: String
    public var perms: [String]
    public var scontext: String
    public var tcontext: String
    public var tclass: String
    public var permissive: Bool?
    public var pid: Int64?
    public var comm: String?
    public var name: String?
    public var dev: String?
    public var ino: Int64?
    /// The record's line in its source: ties it to its raw evidence.
    public var line: Int = 0

    public init(recordType: String, seresult: String, perms: [String], scontext: String, tcontext: String,
                tclass: String, permissive: Bool?, pid: Int64?, comm: String?, name: String?, dev: String?, ino: Int64?) {
        self.recordType = recordType
        self.seresult = seresult
        self.perms = perms
        self.scontext = scontext
        self.tcontext = tcontext
        self.tclass = tclass
        self.permissive = permissive
        self.pid = pid
        self.comm = comm
        self.name = name
        self.dev = dev
        self.ino = ino
    }

    /// Denied on the same object: the same contexts on both sides, by their bytes (a context is
    /// the label's spelling; two spellings of one accented letter are two labels), and the same
    /// class.
    static func sameObject(_ a: AVCDetail, _ b: AVCDetail) -> Bool {
        ExactText(a.tclass) == ExactText(b.tclass) && ExactText(a.tcontext) == ExactText(b.tcontext)
            && ExactText(a.scontext) == ExactText(b.scontext)
    }
}
