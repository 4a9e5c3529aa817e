/// Why a status XML or state folder could not be used.
public enum GuestsError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case malformedXML(path: String, line: Int, reason: String)
    case notDomainStatus(path: String, root: String)
    case missingElement(path: String, element: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .malformedXML(let path, let line, let reason): return "\(path):\(line): malformed XML: \(reason)"
        case .notDomainStatus(let path, let root):
            return "\(path): root element is <\(root)>, not <domstatus>: not a libvirt live status file"
        case .missingElement(let path, let element): return "\(path): <domstatus> has no \(element)"
        }
    }
}
