import Foundation
import TestSupport

/// A log whose host's clock stepped back in the middle: from an event boundary on, every record
/// of one node is stamped `seconds` earlier, its serial unchanged, as after an NTP step.
enum ClockStep {
    struct Stepped: CustomStringConvertible {
        var log: URL
        /// The first line stamped after the step (from 0).
        var line: Int
        /// Records of the stretch whose new stamps lie before the newest stamp logged ahead of it.
        var virtRecords = 0
        var denials = 0
        /// The last line of the overlap.
        var overlapEnd = 0

        var description: String { "step at line \(line + 1): \(virtRecords) VIRT_* records, \(denials) AVCs in the overlap" }
    }

    /// - Parameter node: the node whose clock steps (`node=` prefix), or nil for a log without.
    static func stepBack(_ log: URL, seconds back: Int, node: String?) throws -> Stepped {
        var lines = try LogCut.lines(of: log)
        let prefix = node.map { "node=\($0) " }
        let mine = lines.indices.filter { index in
            (prefix.map { lines[index].hasPrefix($0) } ?? true) && stamp(lines[index]) != nil
        }
        // A boundary no event crosses: every serial before it lower than every serial after it.
        var lowestAfter = [Int64](repeating: .max, count: mine.count + 1)
        for k in mine.indices.reversed() { lowestAfter[k] = min(lowestAfter[k + 1], stamp(lines[mine[k]])!.serial) }
        var highestBefore = Int64.min
        var cut: Int?
        for k in mine.indices {
            if k >= mine.count / 2, highestBefore < lowestAfter[k] {
                cut = k
                break
            }
            highestBefore = max(highestBefore, stamp(lines[mine[k]])!.serial)
        }
        guard let cut else { throw CocoaError(.fileReadCorruptFile) }
        let newestBefore = mine[..<cut].map { stamp(lines[$0])!.seconds }.max() ?? 0
        var stepped = Stepped(log: log.deletingLastPathComponent().appendingPathComponent("stepped.log"), line: mine[cut])
        for index in mine[cut...] {
            let line = lines[index]
            let (seconds, _) = stamp(line)!
            let start = line.range(of: "msg=audit(")!.upperBound
            let end = line[start...].firstIndex(of: ".")!
            lines[index] = line[..<start] + String(seconds - Int64(back)) + line[end...]
            if seconds - Int64(back) < newestBefore {
                stepped.overlapEnd = index
                if line.contains("type=VIRT_") { stepped.virtRecords += 1 }
                if line.contains("type=AVC ") { stepped.denials += 1 }
            }
        }
        try LogCut.text(lines[...]).write(to: stepped.log, atomically: true, encoding: .utf8)
        return stepped
    }

    /// The stepped log cut in two as auditd's rotation would, in the middle of the overlap, where
    /// no event crosses: `audit.log.1`, then `audit.log`, in a folder of their own.
    static func rotated(_ stepped: Stepped) throws -> [URL] {
        let lines = try LogCut.lines(of: stepped.log)
        let serials = lines.map { stamp($0)?.serial }
        var lowestAfter = [Int64](repeating: .max, count: lines.count + 1)
        for k in lines.indices.reversed() { lowestAfter[k] = min(lowestAfter[k + 1], serials[k] ?? .max) }
        var highestBefore = Int64.min
        var cut: Int?
        for k in lines.indices {
            if k >= (stepped.line + stepped.overlapEnd) / 2, highestBefore < lowestAfter[k], serials[k] != nil {
                cut = k
                break
            }
            highestBefore = max(highestBefore, serials[k] ?? .min)
        }
        guard let cut, cut < stepped.overlapEnd else { throw CocoaError(.fileReadCorruptFile) }
        let folder = stepped.log.deletingLastPathComponent().appendingPathComponent("rotated")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = [folder.appendingPathComponent("audit.log.1"), folder.appendingPathComponent("audit.log")]
        try LogCut.text(lines[..<cut]).write(to: files[0], atomically: true, encoding: .utf8)
        try LogCut.text(lines[cut...]).write(to: files[1], atomically: true, encoding: .utf8)
        return files
    }

    /// The log with the context records of its denials left out (SYSCALL, CWD, PATH, PROCTITLE of
    /// an event with an AVC), as a host that audits no syscalls writes them (RHEL's default
    /// `-a task,never`): the reader holds such an AVC until a record 2 s newer comes.
    static func withoutContext(_ log: URL) throws -> URL {
        let lines = try LogCut.lines(of: log)
        let denials = Set(lines.filter { $0.contains("type=AVC ") }.compactMap { LogCut.stamp($0) })
        let context = ["type=SYSCALL ", "type=CWD ", "type=PATH ", "type=PROCTITLE "]
        let kept = lines.filter { line in
            !(context.contains { line.contains($0) } && LogCut.stamp(line).map(denials.contains) == true)
        }
        let out = log.deletingLastPathComponent().appendingPathComponent("lone.log")
        try LogCut.text(kept[...]).write(to: out, atomically: true, encoding: .utf8)
        return out
    }

    /// The log as `ausearch --raw` prints it: ausearch holds an event until a record 2 s newer
    /// comes, as svirt-trace's reader does, so the AVCs without context records logged just
    /// before a step come out among the overlap's events of their stamps, after the step ended.
    /// - Parameter interpreted: `ausearch -i` instead: names decoded and unquoted, dates local.
    static func throughAusearch(_ log: URL, interpreted: Bool = false) throws -> URL {
        let run = try runProcess("/usr/bin/env", ["ausearch", "-if", log.path, interpreted ? "-i" : "--raw"])
        guard run.status == 0 else { throw CocoaError(.executableLoad) }
        let out = log.deletingLastPathComponent().appendingPathComponent(interpreted ? "ausearch-i.log" : "ausearch-raw.log")
        try run.stdout.write(to: out)
        return out
    }

    /// The whole seconds and the serial of a record's stamp.
    private static func stamp(_ line: Substring) -> (seconds: Int64, serial: Int64)? {
        guard let text = LogCut.stamp(line), let dot = text.firstIndex(of: "."), let colon = text.firstIndex(of: ":"),
              let seconds = Int64(text[..<dot]), let serial = Int64(text[text.index(after: colon)...]) else { return nil }
        return (seconds, serial)
    }
}
