import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a `<domstatus>` document with a real XML parser: guest names are user input and may
/// hold anything XML can escape.
public enum DomainStatusParser {
    /// libvirt's status files are a few KiB; anything this large is not one, and reading it
    /// whole would cost the memory the service is capped at.
    public static let maximumBytes = 4 << 20

    public static func parse(contentsOf path: String) throws -> DomainStatus {
        try parse(data: read(path), file: path)
    }

    /// At most `maximumBytes`: the size is checked before the file is opened (a FIFO or device
    /// would block or never end) and again while reading (a file that grows meanwhile).
    static func read(_ path: String) throws -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw GuestsError.unreadable(path: path, reason: "no such file or permission denied")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw GuestsError.unreadable(path: path, reason: "not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        guard size <= Int64(maximumBytes) else { throw GuestsError.tooLarge(path: path, bytes: size, limit: maximumBytes) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GuestsError.unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw GuestsError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        guard data.count <= maximumBytes else { throw GuestsError.tooLarge(path: path, bytes: Int64(data.count), limit: maximumBytes) }
        return data
    }

    public static func parse(data: Data, file: String) throws -> DomainStatus {
        // libvirt never writes a document type declaration. One is refused before parsing:
        // entity declarations are how "billion laughs" documents expand to gigabytes.
        if let line = declarationLine(in: data) { throw GuestsError.doctypeRefused(path: file, line: line) }
        // libvirt writes UTF-8. Other bytes in a name, comment or processing instruction make
        // FoundationXML trap (it force-unwraps them as UTF-8; found by tools/fuzz), so they are
        // refused before parsing.
        if String(validating: data, as: UTF8.self) == nil {
            let good = data.prefix { $0 < 0x80 }
            let line = good.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw GuestsError.malformedXML(path: file, line: line, reason: "not UTF-8 text (libvirt writes UTF-8)")
        }
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw GuestsError.malformedXML(path: file, line: parser.lineNumber, reason: reason(parser.parserError))
        }
        guard let root = delegate.root else { throw GuestsError.malformedXML(path: file, line: 0, reason: "empty document") }
        guard root == "domstatus" else { throw GuestsError.notDomainStatus(path: file, root: root) }
        let name = delegate.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let uuid = delegate.uuid.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !name.isEmpty else { throw GuestsError.missingElement(path: file, element: "<domain><name>") }
        guard !uuid.isEmpty else { throw GuestsError.missingElement(path: file, element: "<domain><uuid>") }
        return DomainStatus(name: delegate.name, uuid: uuid, pid: delegate.pid, state: delegate.state,
                            securityLabels: delegate.labels, disks: delegate.disks, file: file,
                            diskDetails: delegate.diskDetails)
    }
}

extension DomainStatusParser {
    /// The line of the first `<!DOCTYPE` or `<!ENTITY`, if any.
    static func declarationLine(in data: Data) -> Int? {
        let found = ["<!DOCTYPE", "<!ENTITY"].compactMap { data.range(of: Data($0.utf8))?.lowerBound }.min()
        guard let found else { return nil }
        return data[data.startIndex..<found].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// The parser's error in words: Foundation on Linux gives only "NSXMLParserErrorDomain
    /// error N", N being libxml2's code.
    static func reason(_ error: Error?) -> String {
        guard let error else { return "unknown error" }
        let code = (error as NSError).code
        let words: String? = switch code {
        case 4: "no element where the document should start (not XML?)"
        case 5: "not well-formed: mismatched or unclosed tags, or content after the root element"
        case 9: "a character XML does not allow (a control character, or not UTF-8)"
        case 26: "a reference to an undeclared entity"
        case 89: "entity expansion refused: entities that expand without bound, as in a billion-laughs document"
        default: nil
        }
        return words.map { "\($0) (XML parser error \(code))" } ?? "XML parser error \(code)"
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
    var diskDetails: [DomainStatus.Disk] = []
    /// The `<disk>` being read, while inside one.
    private var disk: DomainStatus.Disk?

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
        if element == "disk", path.dropLast().last == "devices", isDomainChild(depthFromEnd: 2) {
            disk = DomainStatus.Disk(type: attributes["type"] ?? "file", device: attributes["device"] ?? "disk",
                                     source: nil, shareable: false, readonly: false)
        }
        if element == "source", path.dropLast().last == "disk" {
            if let source = attributes["file"] ?? attributes["dev"] ?? attributes["name"] ?? attributes["dir"] {
                disks.append(source)
                if disk != nil, disk?.source == nil { disk?.source = source }
            }
        }
        if path.dropLast().last == "disk", disk != nil {
            if element == "shareable" { disk?.shareable = true }
            if element == "readonly" { disk?.readonly = true }
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
        case "disk" where disk != nil && path.dropLast().last == "devices":
            if let disk { diskDetails.append(disk) }
            disk = nil
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
