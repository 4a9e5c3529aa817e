import Formatting

/// The stored form of an open dedupe window, written without JSONEncoder: a flood changes every
/// open window in every transaction, and Foundation's encoder costs more than storing the
/// events. It is the shape the synthesized `Decodable` reads back (absent optionals are omitted).
extension RepeatWindow {
    /// The caller makes the newest pending repeat into `last` first (`AlertEngine.settled`).
    mutating func stateJSON() -> String {
        let lastText = lastJSON ?? last.stateJSON
        lastJSON = lastText
        var out = JSONObjectWriter()
        out.number("start", start)
        out.number("end", end)
        out.string("firstID", firstID)
        out.number("suppressed", Int64(suppressed))
        out.raw("last", lastText)
        out.string("source", source)
        out.number("perMinute", Int64(perMinute))
        return out.finish()
    }
}

extension Alert {
    var stateJSON: String {
        var out = JSONObjectWriter()
        out.string("id", id)
        out.number("time", time)
        out.string("severity", severity.rawValue)
        out.string("title", title)
        out.string("rule", rule)
        out.string("kind", kind)
        out.string("node", node)
        out.string("sourceVM", sourceVM)
        out.string("sourceUUID", sourceUUID)
        out.string("targetVM", targetVM)
        out.string("targetUUID", targetUUID)
        out.string("scontext", scontext)
        out.string("tcontext", tcontext)
        out.string("tclass", tclass)
        out.strings("perms", perms)
        if let permissive { out.raw("permissive", permissive ? "true" : "false") }
        if let pid { out.number("pid", pid) }
        out.string("exe", exe)
        out.string("path", path)
        out.number("count", Int64(count))
        out.string("evidence", evidence)
        out.string("hint", hint)
        return out.finish()
    }
}

/// Appends `"key":value` pairs; a nil string is left out, as the synthesized encoder does.
struct JSONObjectWriter {
    private var out: [UInt8] = [0x7B]

    private mutating func key(_ key: String) {
        if out.count > 1 { out.append(0x2C) }
        JSONText.appendQuoted(key, to: &out)
        out.append(0x3A)
    }

    mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        JSONText.appendQuoted(value, to: &out)
    }

    mutating func number(_ name: String, _ value: Int64) {
        key(name)
        out.append(contentsOf: String(value).utf8)
    }

    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        JSONText.appendArray(values, to: &out)
    }

    mutating func raw(_ name: String, _ json: String) {
        key(name)
        out.append(contentsOf: json.utf8)
    }

    mutating func finish() -> String {
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }
}
