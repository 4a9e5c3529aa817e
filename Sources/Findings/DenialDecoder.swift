import AuditStream
import Native

/// What a denial's correlation takes from its event alone: the AVC records decoded, the primary
/// record's contexts parsed, the syscall context read, the permissions joined, and the problems
/// found on the way. None of it depends on the lease timeline, so the reading thread works it
/// out (`Correlator.process(_:decoded:)`) while the storing thread correlates the event before.
public struct DecodedDenial: @unchecked Sendable {
    /// Every AVC or USER_AVC record that decoded, in the event's order.
    var avcs: [AVCDetail]
    /// By record index, in the order they were found: a record that did not decode, or what a
    /// decoded one lacked.
    var avcProblems: [(record: Int, problem: String)]
    /// Nil when no AVC record decoded: such an event gives its problems and no denial.
    var parties: Parties?

    struct Parties {
        var source: ParsedContext
        var target: ParsedContext
        var context: SyscallContext
        var syscallProblems: [(record: Int, problem: String)]
        var perms: [String]
    }
}

/// Decodes denials (`DecodedDenial`), with caches of what a host logs over and over: contexts,
/// permission lists, proctitles and syscall names. A value: each thread that decodes has its own.
public struct DenialDecoder {
    private var syscalls = SyscallNames()
    /// Parsed contexts by their bytes (String's == takes two spellings of an accented letter for
    /// one, and a problem must quote the event's own): a host logs the same few hundred contexts
    /// over and over.
    private var contexts: [ExactText: ParsedContext] = [:]
    private static let contextCacheLimit = 4096
    private var proctitles = DecodedFieldCache(name: "proctitle")
    private var permissionLists = PermissionLists()

    public init() {}

    /// The event's denial; nil when it holds no AVC or USER_AVC record.
    public mutating func decode(_ event: AuditEvent) -> DecodedDenial? {
        let records = event.records
        guard records.indices.contains(where: { Self.isAVC(records[$0].type) }) else { return nil }
        var decoded = DecodedDenial(avcs: [], avcProblems: [], parties: nil)
        for index in records.indices where Self.isAVC(records[index].type) {
            do {
                var problems: [String] = []
                decoded.avcs.append(try AVCDecoder.decode(records[index], problems: &problems, lists: &permissionLists))
                for problem in problems { decoded.avcProblems.append((index, problem)) }
            } catch {
                decoded.avcProblems.append((index, "\(error)"))
            }
        }
        guard let primary = decoded.avcs.first else { return decoded }
        var syscallProblems: [(record: Int, problem: String)] = []
        let context = syscallContext(event, problems: &syscallProblems)
        decoded.parties = .init(source: parsed(primary.scontext), target: parsed(primary.tcontext), context: context,
                                syscallProblems: syscallProblems, perms: Self.permissions(of: decoded.avcs))
        return decoded
    }

    static func isAVC(_ type: String) -> Bool {
        type == "AVC" || type == "USER_AVC"
    }

    /// The union of every record's permissions, in first-seen order. Most events have one AVC
    /// without repeats, whose list is the answer as it stands.
    private static func permissions(of avcs: [AVCDetail]) -> [String] {
        let first = avcs[0].perms
        if avcs.count == 1, !first.indices.contains(where: { i in first[..<i].contains(first[i]) }) { return first }
        var perms: [String] = []
        for avc in avcs {
            for p in avc.perms where !perms.contains(p) { perms.append(p) }
        }
        return perms
    }

    private mutating func parsed(_ text: String) -> ParsedContext {
        if let known = contexts[ExactText(text)] { return known }
        if contexts.count >= Self.contextCacheLimit { contexts.removeAll(keepingCapacity: true) }
        let view = ContextView(text)
        let parsed = ParsedContext(view: view, traits: ContextTraits(type: view.type))
        contexts[ExactText(text)] = parsed
        return parsed
    }

    /// The SYSCALL record's fields a denial shows, taken in one pass (see `AVCDecoder`).
    private struct SyscallFields {
        var arch: String?, syscall: String?, success: String?, exit: String?
        var exe: String?, comm: String?, uid: String?, auid: String?

        init(_ record: AuditRecord) {
            // By length first, as in `AVCDecoder`.
            let fields = record.fields
            for index in fields.indices {
                let name = fields[index].name
                switch name.utf8.count {
                case 3:
                    if name == "exe" { RecordFields.keepFirst(&exe, fields[index].value) }
                    else if name == "uid" { RecordFields.keepFirst(&uid, fields[index].value) }
                case 4:
                    if name == "arch" { RecordFields.keepFirst(&arch, fields[index].value) }
                    else if name == "exit" { RecordFields.keepFirst(&exit, fields[index].value) }
                    else if name == "comm" { RecordFields.keepFirst(&comm, fields[index].value) }
                    else if name == "auid" { RecordFields.keepFirst(&auid, fields[index].value) }
                case 7:
                    if name == "syscall" { RecordFields.keepFirst(&syscall, fields[index].value) }
                    else if name == "success" { RecordFields.keepFirst(&success, fields[index].value) }
                default:
                    break
                }
            }
        }
    }

    /// ENRICHED names read from a SYSCALL record, in `EnrichedFields` order.
    private static let enrichedSyscallNames = ["SYSCALL", "AUID"]

    private mutating func syscallContext(_ event: AuditEvent, problems: inout [(record: Int, problem: String)]) -> SyscallContext {
        var context = SyscallContext()
        // Each of these comes from the first record of its type, as `AuditEvent.first` finds it.
        var sawSyscall = false, sawCwd = false, sawProctitle = false
        let records = event.records
        for index in records.indices {
            switch records[index].type {
            case "SYSCALL" where !sawSyscall:
                sawSyscall = true
                readSyscall(records[index], into: &context, problems: &problems, at: index)
            case "CWD" where !sawCwd:
                sawCwd = true
                context.cwd = RecordFields.text(RecordFields.first("cwd", in: records[index]), "cwd")
            case "PATH":
                if let name = RecordFields.text(RecordFields.first("name", in: records[index]), "name") {
                    context.paths.append(name)
                }
            case "PROCTITLE" where !sawProctitle:
                sawProctitle = true
                context.proctitle = proctitles.text(RecordFields.first("proctitle", in: records[index]))
            default:
                break
            }
        }
        return context
    }

    private mutating func readSyscall(_ sc: AuditRecord, into context: inout SyscallContext,
                                      problems: inout [(record: Int, problem: String)], at index: Int) {
        let fields = SyscallFields(sc)
        let enriched = EnrichedFields(sc.raw, names: Self.enrichedSyscallNames)
        var reasons: [String] = []
        if let named = enriched[0] {
            context.syscall = named
        } else if let number = RecordFields.int(fields.syscall) {
            context.syscall = fields.arch.flatMap { syscalls.name(number: Int(number), arch: $0) } ?? String(number)
        }
        context.success = fields.success.map { $0 == "yes" }
        context.exit = RecordFields.checkedNumber(fields.exit, "exit", of: sc.type, in: NumericField.exitRange,
                                                  problems: &reasons)
        context.exe = RecordFields.text(fields.exe, "exe")
        context.comm = RecordFields.text(fields.comm, "comm")
        context.uid = RecordFields.checkedNumber(fields.uid, "uid", of: sc.type, in: NumericField.uidRange,
                                                 problems: &reasons)
        context.auid = RecordFields.checkedNumber(fields.auid, "auid", of: sc.type, in: NumericField.uidRange,
                                                  problems: &reasons)
        context.auidName = enriched[1]
        for reason in reasons { problems.append((index, reason)) }
    }
}
