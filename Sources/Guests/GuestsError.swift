/// Why a status XML or state folder could not be used.
public enum GuestsError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case malformedXML(path: String, line: Int, reason: String)
    case notDomainStatus(path: String, root: String)
    case missingElement(path: String, element: String)
    case tooLarge(path: String, bytes: Int64, limit: Int)
    case doctypeRefused(path: String, line: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .malformedXML(let path, let line, let reason): return "\(path):\(line): malformed XML: \(reason)"
        case .notDomainStatus(let path, let root):
            return "\(path): root element is <\(root)>, not <domstatus>: not a libvirt live status file"
        case .missingElement(let path, let element): return "\(path): <domstatus> has no \(element)"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): over the \(limit / 1_048_576) MiB a libvirt status file may have (this one: \(bytes) bytes "
                + "or more; libvirt's are a few KiB); not read"
        case .doctypeRefused(let path, let line):
            return "\(path):\(line): a <!DOCTYPE> or <!ENTITY> declaration, which libvirt status files never have; "
                + "refused unread (entity expansion, as in a billion-laughs document, could exhaust memory)"
        }
    }
}
