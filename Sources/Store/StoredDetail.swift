import Findings
import Foundation

/// An event's detail object as the store keeps it (`events.detail`, written by `JSONText.object`)
/// read back into detail values, in the order it was written. Foundation parses the JSON; a
/// scan of the text gives the order of the keys and which values were booleans, which Foundation's
/// dictionary and numbers do not keep.
enum StoredDetail {
    /// nil when the text is not a flat object of detail values (a string, an integer, a boolean,
    /// null or a list of strings each).
    static func decode(_ text: String) -> [(String, DetailValue)]? {
        let bytes = Array(text.utf8)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let keys = topLevelKeys(bytes), keys.count == object.count else { return nil }
        var out: [(String, DetailValue)] = []
        out.reserveCapacity(keys.count)
        for (key, start) in keys {
            guard let value = object[key] else { return nil }
            switch bytes[start] {
            case UInt8(ascii: "\""):
                guard let s = value as? String else { return nil }
                out.append((key, .string(s)))
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                guard let b = value as? Bool else { return nil }
                out.append((key, .bool(b)))
            case UInt8(ascii: "n"):
                out.append((key, .null))
            case UInt8(ascii: "["):
                guard let list = value as? [Any] else { return nil }
                let strings = list.compactMap { $0 as? String }
                guard strings.count == list.count else { return nil }
                out.append((key, .strings(strings)))
            default:
                // Integers only, read from the text: a Double would round a large one.
                let token = bytes[start...].prefix { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) }
                let end = start + token.count
                guard end == bytes.count || [UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x0A, 0x09, 0x0D].contains(bytes[end]),
                      let int = Int64(String(decoding: token, as: UTF8.self)), value is NSNumber else { return nil }
                out.append((key, .int(int)))
            }
        }
        return out
    }

    /// The object's keys in order, each with where its value starts; nil when the text is not an
    /// object.
    private static func topLevelKeys(_ bytes: [UInt8]) -> [(String, Int)]? {
        var keys: [(String, Int)] = []
        var depth = 0
        var i = 0
        var expectingKey = false
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard i < bytes.count else { return nil }
                if depth == 1, expectingKey {
                    guard let key = try? JSONSerialization.jsonObject(with: Data(bytes[start...i]), options: .fragmentsAllowed) as? String
                    else { return nil }
                    var j = i + 1
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                    guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { return nil }
                    j += 1
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                    guard j < bytes.count else { return nil }
                    keys.append((key, j))
                    expectingKey = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth == 1 {
                    guard byte == UInt8(ascii: "{") else { return nil }
                    expectingKey = true
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 1 { expectingKey = true }
            default:
                break
            }
            i += 1
        }
        return depth == 0 ? keys : nil
    }
}
