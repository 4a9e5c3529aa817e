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
        /// The event's other accesses: one per AVC whose contexts or class differ from every
        /// record's before it. Empty for almost every event (one AVC, or several on one object).
        var others: [Access] = []
    }

    /// One object an event's AVC records were denied on: the first such record (by its index in
    /// `avcs`), its contexts parsed, and the permissions of every record on the same object.
    struct Access {
        var avc: Int
        var source: ParsedContext
        var target: ParsedContext
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
        var granted = false
        for index in records.indices where Self.isAVC(records[index].type) {
            do {
                var problems: [String] = []
                let avc = try AVCDecoder.decode(records[index], problems: &problems, lists: &permissionLists)
                // `avc: granted` is an access the policy allowed and asked to log (auditallow:
                // setenforce, load_policy, setbool on most policies): it happened, it is no denial.
                if avc.seresult == "granted" {
                    granted = true
                    continue
                }
                decoded.avcs.append(avc)
                for problem in problems { decoded.avcProblems.append((index, problem)) }
            } catch {
                decoded.avcProblems.append((index, "\(error)"))
            }
        }
        if granted, decoded.avcs.isEmpty, decoded.avcProblems.isEmpty { return nil }
        guard let primary = decoded.avcs.first else { return decoded }
        var syscallProblems: [(record: Int, problem: String)] = []
        let context = syscallContext(event, problems: &syscallProblems)
        // One record (almost every event) is one object: no table of objects.
        let objects = decoded.avcs.count > 1 ? Self.objects(of: decoded.avcs) : []
        decoded.parties = .init(source: parsed(primary.scontext), target: parsed(primary.tcontext), context: context,
                                syscallProblems: syscallProblems,
                                perms: Self.permissions(of: decoded.avcs, where: { objects.isEmpty || objects[$0] == 0 }))
        for first in objects.indices where objects[first] == first && first > 0 {
            let avc = decoded.avcs[first]
            decoded.parties?.others.append(.init(avc: first, source: parsed(avc.scontext), target: parsed(avc.tcontext),
                                                 perms: Self.permissions(of: decoded.avcs, where: { objects[$0] == first })))
        }
        return decoded
    }

    /// For each AVC, the index of the first AVC denied on the same object: the same contexts on
    /// both sides (by their bytes) and the same class. An unlink logs the parent directory's
    /// `{ write remove_name }` before the file's `{ unlink }`, in one event: two objects, which
    /// the correlator classifies each (`Denial.primaryIndex`).
    static func objects(of avcs: [AVCDetail]) -> [Int] {
        var firsts = [0]
        guard avcs.count > 1 else { return firsts }
        for index in 1..<avcs.count {
            let avc = avcs[index]
            let first = firsts.firstIndex { firsts[$0] == $0 && AVCDetail.sameObject(avcs[$0], avc) } ?? index
            firsts.append(first)
        }
        return firsts
    }

    static func isAVC(_ type: String) -> Bool {
        type == "AVC" || type == "USER_AVC"
    }

    /// The union of the permissions of the records `included` takes (by index), in first-seen
    /// order. Most events have one AVC without repeats, whose list is the answer as it stands.
    static func permissions(of avcs: [AVCDetail], where included: (Int) -> Bool) -> [String] {
        let first = avcs[0].perms
        if avcs.count == 1, !first.indices.contains(where: { i in first[..<i].contains(first[i]) }) { return first }
        var perms: [String] = []
        for index in avcs.indices where included(index) {
            for p in avcs[index].perms where !perms.contains(p) { perms.append(p) }
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
