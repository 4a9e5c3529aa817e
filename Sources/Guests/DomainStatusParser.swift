import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a `<domstatus>` document with a real XML parser: guest names are user input and may
/// hold anything XML can escape.
public enum DomainStatusParser {
    public static func parse(contentsOf path: String) throws -> DomainStatus {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GuestsError.unreadable(path: path, reason: "no such file or permission denied")
        }
        return try parse(data: data, file: path)
    }

    public static func parse(data: Data, file: String) throws -> DomainStatus {
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw GuestsError.malformedXML(path: file, line: parser.lineNumber, reason: reason)
        }
        guard let root = delegate.root else { throw GuestsError.malformedXML(path: file, line: 0, reason: "empty document") }
        guard root == "domstatus" else { throw GuestsError.notDomainStatus(path: file, root: root) }
        let name = delegate.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let uuid = delegate.uuid.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !name.isEmpty else { throw GuestsError.missingElement(path: file, element: "<domain><name>") }
        guard !uuid.isEmpty else { throw GuestsError.missingElement(path: file, element: "<domain><uuid>") }
        return DomainStatus(name: delegate.name, uuid: uuid, pid: delegate.pid, state: delegate.state,
                            securityLabels: delegate.labels, disks: delegate.disks, file: file)
    }
}

/// SAX state: only the guest-level elements matter, not the per-disk `<seclabel>` overrides.
private final class Collector: NSObject, XMLParserDelegate {
    var root: String?
    var path: [String] = []
    var text = ""
    var name = ""
    var uuid = ""
    var pid: Int64?
    var state: String?
    var labels: [DomainStatus.SecurityLabel] = []
    var disks: [String] = []

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil {
            root = element
            if element == "domstatus" {
                pid = attributes["pid"].flatMap { Int64($0) }
                state = attributes["state"]
            }
        }
        path.append(element)
        text = ""
        if element == "seclabel", isDomainChild(depthFromEnd: 1) {
            labels.append(.init(model: attributes["model"] ?? "", type: attributes["type"] ?? "dynamic",
                                label: nil, imageLabel: nil))
        }
        if element == "source", path.dropLast().last == "disk" {
            if let source = attributes["file"] ?? attributes["dev"] ?? attributes["name"] ?? attributes["dir"] {
                disks.append(source)
            }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch element {
        case "name" where isDomainChild(depthFromEnd: 1): name = text
        case "uuid" where isDomainChild(depthFromEnd: 1): uuid = value
        case "label" where path.dropLast().last == "seclabel" && isDomainChild(depthFromEnd: 2):
            if !labels.isEmpty { labels[labels.count - 1].label = value }
        case "imagelabel" where path.dropLast().last == "seclabel" && isDomainChild(depthFromEnd: 2):
            if !labels.isEmpty { labels[labels.count - 1].imageLabel = value }
        default: break
        }
        path.removeLast()
        text = ""
    }

    /// True when the element `depthFromEnd` levels up the stack sits directly in `<domain>`.
    private func isDomainChild(depthFromEnd: Int) -> Bool {
        let index = path.count - 1 - depthFromEnd
        return index >= 0 && path[index] == "domain"
    }
}
