import Foundation
import Yams

/// The bytes of a config file made into one YAML node tree, or a failure naming the line. Only
/// plain YAML is taken: a config file is a few keys an operator reads at a glance, so anchors
/// and aliases (a value defined in one place and used in another), and more than one document,
/// are refused rather than understood.
enum ConfigYAML {
    /// The text, or the line and byte offset of the first byte that is not UTF-8 (replacing it
    /// would silently change a path or a command).
    static func text(_ data: Data, file: String) throws -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        var line = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0x0A { line += 1 }
                offset += encoded.count
            case .error:
                throw ConfigFile.Failure(file: file, line: line,
                                         reason: "not UTF-8: the byte at offset \(offset) (0x\(String(data[data.startIndex + offset], radix: 16))) is not valid UTF-8")
            case .emptyInput:
                return String(decoding: data, as: UTF8.self)
            }
        }
    }

    /// The document's root (nil for an empty file or one of comments only).
    static func compose(_ text: String, file: String) throws -> Node? {
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw failure(error, file: file)
        } catch {
            throw ConfigFile.Failure(file: file, reason: "not valid YAML: \(error)")
        }
        // A node holds its anchor weakly; the parser keeps every anchor it met alive.
        try withExtendedLifetime(parser) {
            if let root { try refuseAnchors(root, file: file) }
        }
        return root
    }

    /// Yams resolves an alias to a copy of the anchored node, so refusing every anchor refuses
    /// every alias too (an alias without its anchor is already a YAML error).
    private static func refuseAnchors(_ node: Node, file: String) throws {
        if let anchor = node.anchor {
            throw ConfigFile.Failure(file: file, line: node.mark?.line,
                                     reason: "anchors and aliases (&\(anchor.rawValue), *\(anchor.rawValue)) are not allowed in a config file: write the value out")
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                try refuseAnchors(key, file: file)
                try refuseAnchors(value, file: file)
            }
        case .sequence(let sequence):
            for item in sequence { try refuseAnchors(item, file: file) }
        case .scalar, .alias:
            break
        }
    }

    /// libyaml's problem with its line, without the quoted lines of the file Yams adds (the
    /// file's bytes are the operator's to look at, not ours to print).
    private static func failure(_ error: YamlError, file: String) -> ConfigFile.Failure {
        func problem(_ context: YamlError.Context?, _ problem: String) -> String {
            let context = context.map { "\($0.text) (line \($0.mark.line)), " } ?? ""
            return "not valid YAML: \(context)\(problem)"
        }
        switch error {
        case let .scanner(context, text, mark, _), let .parser(context, text, mark, _), let .composer(context, text, mark, _):
            return ConfigFile.Failure(file: file, line: mark.line, reason: problem(context, text))
        case let .reader(text, offset, _, yaml):
            // Yams counts the offset in Characters.
            let line = offset.map { offset in 1 + yaml.prefix(offset).filter(\.isNewline).count }
            return ConfigFile.Failure(file: file, line: line, reason: "not valid YAML: \(text)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigFile.Failure(file: file, line: context.mark.line,
                                      reason: "given more than once in one mapping (first on this line): \(Set(duplicates).sorted().map { "`\($0)`" }.joined(separator: ", "))")
        default:
            return ConfigFile.Failure(file: file, reason: "not valid YAML: \(error)")
        }
    }
}
