import Foundation

/// A log of distinct AVC denials (one serial each) that rotates as auditd does: `audit.log` to
/// `audit.log.1`, the older copies one further, and a new file begun.
final class RotatingDenialLog {
    let url: URL
    private var serial: Int

    init(_ url: URL, firstSerial: Int) {
        self.url = url
        serial = firstSerial
    }

    /// `count` denials, each of a new serial, as lines.
    func denials(_ count: Int) -> String {
        (0..<count).map { _ in
            serial += 1
            return "type=AVC msg=audit(\(1_764_000_000 + serial).500:\(serial)): avc:  denied  { read } for  pid=\(serial) comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0\n"
        }.joined()
    }

    /// Renames the log and its copies one step on, and begins a new log of `count` denials.
    func rotate(beginningWith count: Int) throws {
        let manager = FileManager.default
        for n in stride(from: 8, through: 1, by: -1) where manager.fileExists(atPath: url.path + ".\(n)") {
            try manager.moveItem(atPath: url.path + ".\(n)", toPath: url.path + ".\(n + 1)")
        }
        try manager.moveItem(atPath: url.path, toPath: url.path + ".1")
        try denials(count).write(to: url, atomically: false, encoding: .utf8)
    }
}
