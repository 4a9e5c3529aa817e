/// The `avc:  denied  { read write } for` part of an AVC or USER_AVC record. auparse builds
/// `seresult`/`seperms` from it for kernel AVCs only; USER_AVC and records auparse rejects need it
/// read here.
public enum AVCPermissionText {
    public static func parse(_ raw: String) -> (result: String, perms: [String])? {
        var bytes = Array(raw.utf8)
        // Text pasted from mail or web pages can carry no-break spaces; they separate words too.
        if bytes.contains(0xC2) {
            bytes = Array(String(String.UnicodeScalarView(raw.unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 })).utf8)
        }
        return parse(bytes)
    }

    static func parse(_ bytes: [UInt8]) -> (result: String, perms: [String])? {
        let marker = Array("avc:".utf8)
        guard bytes.count >= marker.count,
              let at = (0...(bytes.count - marker.count)).first(where: { bytes[$0..<($0 + 4)].elementsEqual(marker) }),
              let open = bytes[at...].firstIndex(of: 0x7B), let close = bytes[open...].firstIndex(of: 0x7D) else { return nil }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let words = bytes[(at + 4)..<open].split(whereSeparator: isSpace).map { String(decoding: $0, as: UTF8.self) }
        guard words.count == 1, let result = words.first, result == "denied" || result == "granted" else { return nil }
        let perms = bytes[(open + 1)..<close].split(whereSeparator: isSpace).map { String(decoding: $0, as: UTF8.self) }
        return (result, perms)
    }
}
