import CAuparse
import Glibc

// Sends user audit messages the way libvirt and object managers do: audit_log_user_message(),
// which the kernel stamps and hands to auditd's dispatcher and its plugins. For the plugin tests
// and tools/bench-plugin; not installed.
//
//   audit-send [--rate N] [--stamps] < lines
//
// Each input line is `TYPE MESSAGE`: TYPE a record type number or name (USER_AVC, VIRT_CONTROL,
// VIRT_MACHINE_ID, VIRT_RESOURCE). --rate paces the sends to N a second; --stamps prints, for each
// message sent, the CLOCK_REALTIME nanoseconds just before the send.

func fail(_ message: String, status: Int32 = 1) -> Never {
    let text = "audit-send: \(message)\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    exit(status)
}

var rate: Double?
var stamps = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--rate":
        guard let value = arguments.popFirst().flatMap(Double.init), value > 0 else { fail("--rate needs a number above zero", status: 2) }
        rate = value
    case "--stamps": stamps = true
    default: fail("unknown argument '\(argument)' (usage: audit-send [--rate N] [--stamps] < lines)", status: 2)
    }
}

func now() -> timespec {
    var t = timespec()
    clock_gettime(CLOCK_REALTIME, &t)
    return t
}

func nanoseconds(_ t: timespec) -> Int64 { Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec) }

let fd = audit_open()
if fd < 0 { fail("audit_open failed (errno \(errno)): no audit netlink here, or no CAP_AUDIT_WRITE") }
let start = nanoseconds(now())
var sent = 0
while let line = readLine(strippingNewline: true) {
    guard let space = line.firstIndex(of: " ") else { continue }
    let name = String(line[..<space])
    let type = Int32(name) ?? audit_name_to_msg_type(name)
    guard type > 0 else { fail("unknown record type '\(name)'", status: 2) }
    if let rate {
        let due = start + Int64(Double(sent) / rate * 1e9)
        let wait = due - nanoseconds(now())
        if wait > 0 {
            var pause = timespec(tv_sec: Int(wait / 1_000_000_000), tv_nsec: Int(wait % 1_000_000_000))
            nanosleep(&pause, nil)
        }
    }
    let stamp = nanoseconds(now())
    if audit_log_user_message(fd, type, String(line[line.index(after: space)...]), nil, nil, nil, 1) <= 0 {
        fail("audit_log_user_message failed for message \(sent + 1) (errno \(errno))")
    }
    if stamps { print(stamp) }
    sent += 1
}
audit_close(fd)
