/// What /etc/svirt-trace/svirt-trace.conf (or `--config FILE`) sets. Every value is optional: a
/// command uses its flag when given, else this, else its built-in default.
public struct Settings: Equatable, Sendable {
    public var database: String?
    public var node: String?
    public var libvirtState: String?
    /// watch --stdin (the auditd plugin): the audit log read from its checkpoint before the stream.
    public var catchUpLog: String?
    public var rules: String?
    public var retention: String?
    /// SELinux types or AppArmor profiles trusted to send libvirt's records, besides the built-in
    /// ones (`LibvirtSender`): a libvirt daemon confined otherwise.
    public var libvirtSenders: [String] = []
    public var sinks = Sinks()
    public var digest = DigestSettings()

    public init() {}

    /// Where watch sends alerts besides standard output (the same choices as its flags).
    public struct Sinks: Equatable, Sendable {
        public var files: [String] = []
        public var exec: [String] = []
        public var execTimeout: Double?
        public var webhooks: [String] = []
        public var webhookTokenFile: String?
        public var syslog = false
        public var journal = false

        public init() {}

        public var isEmpty: Bool { files.isEmpty && exec.isEmpty && webhooks.isEmpty && !syslog && !journal }
    }

    /// Who gets the digest mail and how it is sent.
    public struct DigestSettings: Equatable, Sendable {
        public var to: [String] = []
        public var from: String?
        public var mailer: String?
        public var sendmail: String?

        public init() {}
    }
}
