import Foundation
import Testing
import TestSupport

/// The man pages against the binary they describe. man/svirt-trace.8 is generated (`make man`,
/// which runs the slow argument-parser plugin) and committed; these tests read the binary's own
/// `--experimental-dump-help` instead, so a subcommand or option added, removed or renamed
/// without regenerating the page fails here. The hand-written pages must name every key the
/// binary accepts.
@Suite struct ManPageTests {
    // MARK: svirt-trace(8) against the argument-parser definitions

    @Test func theGeneratedPageHasEveryCommandOptionAndAbstractOfTheBinary() throws {
        let page = try Fixtures.read("man/svirt-trace.8")
        let documented = ManPage.arguments(ofDescriptionIn: page)
        let dump = try Self.dumpHelp()
        let defined = ManPage.arguments(ofDump: dump)
        #expect(Set(documented.keys) == Set(defined.keys),
                "run make man: commands only in the page \(Set(documented.keys).subtracting(defined.keys).sorted()), only in the binary \(Set(defined.keys).subtracting(documented.keys).sorted())")
        for (command, arguments) in defined.sorted(by: { $0.key < $1.key }) {
            let inPage = documented[command] ?? []
            #expect(inPage == arguments,
                    "run make man: \(command): only in the page \(inPage.subtracting(arguments).sorted()), only in the binary \(arguments.subtracting(inPage).sorted())")
        }
        // Help texts too (the one-line ones; the plugin keeps them verbatim, and drops characters
        // outside ASCII, which this also catches).
        let missing = ManPage.abstracts(ofDump: dump).filter { !page.contains($0) }
        #expect(missing.isEmpty, "run make man, or keep help text ASCII: not in the page: \(missing)")
    }

    @Test func theGeneratedPageCarriesTheHandWrittenSectionsInMdocOrder() throws {
        let page = try Fixtures.read("man/svirt-trace.8")
        let sections = page.split(separator: "\n").filter { $0.hasPrefix(".Sh ") }.map { String($0.dropFirst(4)).replacingOccurrences(of: "\"", with: "") }
        #expect(sections == ["NAME", "SYNOPSIS", "DESCRIPTION", "TIMES AND DURATIONS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES",
                             "SEE ALSO", "AUTHORS"], "\(sections)")
        let tail = try Fixtures.read("man/svirt-trace.8.tail.mdoc").trimmingCharacters(in: .newlines)
        let spliced = page.contains(tail)
        #expect(spliced, "run make man: man/svirt-trace.8.tail.mdoc changed")
        // Every exit status --help lists has its entry.
        let root = try #require(try Self.dumpHelp()["command"] as? [String: Any])
        let discussion = try #require(root["discussion"] as? String)
        let exitStatus = try #require(discussion.range(of: "EXIT STATUS")).upperBound
        let codes = Set(discussion[exitStatus...].matches(of: /(\d+) [a-z]/).map { String($0.output.1) })
        #expect(codes == Set((0...6).map(String.init) + ["130", "143"]), "\(codes.sorted())")
        for code in codes { #expect(tail.contains("\n.It \(code)\n"), "EXIT STATUS \(code)") }
    }

    // MARK: the hand-written pages against what the binary accepts

    @Test func theConfigPageDocumentsEveryKeyConfigCheckPrints() throws {
        let page = try Fixtures.read("man/svirt-trace.conf.5")
        let folder = try Fixtures.temporaryFolder("man")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Binary.run(["config", "check"], environment: ["SVIRT_TRACE_CONFIG": "/dev/null"])
        #expect(r.status == 0, "\(r.stderr)")
        let keys = r.stdout.split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix("("), let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            return key == "config" ? nil : key
        }
        #expect(keys.count >= 15, "\(r.stdout)")
        let documented = Self.tagged(page)
        // sinks.file is documented as `file` in the list under `sinks`.
        for key in keys where !key.split(separator: ".").allSatisfy({ documented.contains(String($0)) }) {
            Issue.record("svirt-trace.conf(5) does not document \(key)")
        }
    }

    @Test func theAlertsPageDocumentsEveryRuleKeyMatchKeyAndKind() throws {
        let page = try Fixtures.read("man/svirt-trace-alerts.5")
        let folder = try Fixtures.temporaryFolder("man")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The binary lists the keys it accepts when it meets one it does not.
        func accepted(_ yaml: String) throws -> [String] {
            let file = folder.appendingPathComponent("rules.yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            let r = try Binary.run(["watch", "--check-rules", file.path], environment: ["SVIRT_TRACE_CONFIG": "/dev/null"])
            #expect(r.status == 2, "\(r.stderr)")
            let list = try #require(r.stderr.firstMatch(of: /\(one of ([a-z_, ]+)\)/)).output.1
            return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let ruleKeys = try accepted("rules:\n  - {name: a, match: {kind: cross-guest}, severity: info, title: T, bogus: 1}\n")
        let matchKeys = try accepted("rules:\n  - {name: a, match: {kind: cross-guest, bogus: 1}, severity: info, title: T}\n")
        #expect(ruleKeys.contains("dedupe_seconds") && matchKeys.contains("target_vm"), "\(ruleKeys) \(matchKeys)")
        let documented = Self.tagged(page)
        for key in ruleKeys + matchKeys { #expect(documented.contains(key), "svirt-trace-alerts(5) does not document \(key)") }
        // Kinds: query --kind lists the words the store writes; the page names them in `Li`.
        let literals = Set(page.split(separator: "\n").filter { $0.hasPrefix(".Li ") || $0.hasPrefix(".It Li ") }
            .flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "," }) }.map(String.init))
        for subcommand in ["denials", "events"] {
            let r = try Binary.run(["query", subcommand, "--kind", "bogus", "--db", folder.path + "/none.db"],
                                   environment: ["SVIRT_TRACE_CONFIG": "/dev/null"])
            let list = try #require(r.stderr.firstMatch(of: /one of: ([a-z, -]+)/), "\(r.stderr)").output.1
            for kind in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                #expect(literals.contains(kind), "svirt-trace-alerts(5) does not name the kind \(kind)")
            }
        }
    }

    @Test func everyPageRendersWithoutGroffWarnings() throws {
        let r = try runProcess("/usr/bin/env", ["bash", Fixtures.repositoryRoot.path + "/tools/check-man"])
        #expect(r.status == 0, "\(String(decoding: r.stdout + r.stderr, as: UTF8.self))")
    }

    /// The words a page lists as `.It Cm WORD ...`.
    static func tagged(_ page: String) -> Set<String> {
        Set(page.split(separator: "\n").filter { $0.hasPrefix(".It Cm ") }.compactMap { $0.split(separator: " ").dropFirst(2).first.map(String.init) })
    }

    static func dumpHelp() throws -> [String: Any] {
        let r = try Binary.run(["--experimental-dump-help"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }
}

/// Both sides in one shape: command path ("svirt-trace query denials") to its displayed
/// arguments, each as "-h,--help", "--node node..." or "file...".
enum ManPage {
    static func arguments(ofDump dump: [String: Any]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func walk(_ command: [String: Any], _ path: String) {
            var arguments: Set<String> = []
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool == true {
                let names = (argument["names"] as? [[String: String]] ?? []).map { name -> String in
                    switch name["kind"] {
                    case "short": return "-" + (name["name"] ?? "")
                    case "longWithSingleDash": return "-" + (name["name"] ?? "")
                    default: return "--" + (name["name"] ?? "")
                    }
                }
                var entry = names.joined(separator: ",")
                if argument["kind"] as? String != "flag" {
                    let value = (argument["valueName"] as? String ?? "") + (argument["isRepeating"] as? Bool == true ? "..." : "")
                    entry += entry.isEmpty ? value : " " + value
                }
                arguments.insert(entry)
            }
            out[path] = arguments
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + " " + (sub["commandName"] as? String ?? "?"))
            }
        }
        if let root = dump["command"] as? [String: Any] { walk(root, root["commandName"] as? String ?? "?") }
        return out
    }

    /// The plugin's layout: the DESCRIPTION holds nested `.Bl` lists; `.It Em NAME` is a
    /// subcommand, whose own list follows it; `.It Fl ...` and `.It Ar ...` are the arguments of
    /// the command that owns the list they are in.
    static func arguments(ofDescriptionIn page: String) -> [String: Set<String>] {
        let root = "svirt-trace"
        var out: [String: Set<String>] = [root: []]
        var owners: [String] = []        // the command each open list belongs to
        var items: [String?] = [nil]     // per depth: the subcommand of the current item, if it is one
        var inDescription = false
        for line in page.split(separator: "\n").map(String.init) {
            if line.hasPrefix(".Sh ") { inDescription = line == ".Sh DESCRIPTION"; continue }
            guard inDescription else { continue }
            if line.hasPrefix(".Bl") {
                owners.append(items[owners.count] ?? owners.last ?? root)
                items.append(nil)
            } else if line == ".El" {
                owners.removeLast()
                items.removeLast()
            } else if line.hasPrefix(".It "), let owner = owners.last {
                let words = line.dropFirst(4).split(separator: " ").map(String.init)
                if words.first == "Em", words.count == 2 {
                    let path = owner + " " + words[1]
                    items[owners.count] = path
                    out[path, default: []] = out[path] ?? []
                    continue
                }
                items[owners.count] = nil
                // `Fl h , -help`: Fl stays in force after a comma, until `Ar`.
                var names: [String] = [], value: String?, flags = false
                for (index, word) in words.enumerated() where value == nil {
                    switch word {
                    case "Fl": flags = true
                    case "Ar": value = words[(index + 1)...].joined(separator: " ")
                    case ",": continue
                    default: if flags { names.append("-" + word) }
                    }
                }
                let entry = names.joined(separator: ",") + (value.map { names.isEmpty ? $0 : " " + $0 } ?? "")
                out[owner, default: []].insert(entry)
            }
        }
        return out
    }

    static func abstracts(ofDump dump: [String: Any]) -> [String] {
        var out: [String] = []
        func walk(_ command: [String: Any]) {
            if let abstract = command["abstract"] as? String, !abstract.isEmpty { out.append(abstract) }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool == true {
                if let abstract = argument["abstract"] as? String, !abstract.isEmpty { out.append(abstract) }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
        }
        if let root = dump["command"] as? [String: Any] { walk(root) }
        return out
    }
}
