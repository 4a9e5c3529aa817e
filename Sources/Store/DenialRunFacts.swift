import Findings
import Native

/// What a run shares: everything a denial row shows but its time and serial, as the correlator
/// produced it, and the minute it falls in. Two denials fold when their facts are equal.
///
/// The fields are kept in one object that never changes, so that the map of open runs (a key per
/// event on a log whose denials all differ) copies and frees a reference, not 26 fields; only
/// the minute, which a repeat moves on, is a value of its own.
@dynamicMemberLookup
struct DenialRunFacts: Hashable {
    var minute: Int64
    let fields: DenialRunFields

    init(_ denial: Denial, minute: Int64) {
        self.minute = minute
        fields = DenialRunFields(denial)
    }

    subscript<T>(dynamicMember path: KeyPath<DenialRunFields, T>) -> T { fields[keyPath: path] }

    func hash(into hasher: inout Hasher) {
        hasher.combine(minute)
        hasher.combine(fields.fieldsHash)
    }

    static func == (a: DenialRunFacts, b: DenialRunFacts) -> Bool {
        a.minute == b.minute && (a.fields === b.fields || a.fields == b.fields)
    }
}

/// Every field of a run but its minute, hashed once, at init, since a flood looks its run up
/// once per event; equality compares the hashes first.
final class DenialRunFields: Equatable {
    let node: String
    let kind: String
    let reason: String?
    let boolean: String?
    let seresult: String
    let scontext: String
    let tcontext: String
    let tclass: String
    let perms: [String]
    let permissive: Bool?
    let pid: Int64?
    let comm: String?
    let exe: String?
    let syscall: String?
    let success: Bool?
    let exit: Int64?
    let uid: Int64?
    let auid: Int64?
    let auidName: String?
    let cwd: String?
    let path: String?
    let proctitle: String?
    let avcCount: Int
    let sources: [Int64]
    let targets: [Int64]
    /// The hash of every field.
    let fieldsHash: Int

    init(_ denial: Denial) {
        let primary = denial.primary
        let c = denial.context
        node = denial.id.node ?? ""
        kind = denial.kind.rawValue
        reason = denial.reason
        boolean = denial.boolean
        seresult = primary.seresult
        scontext = primary.scontext
        tcontext = primary.tcontext
        tclass = primary.tclass
        perms = denial.perms
        permissive = denial.permissive
        pid = primary.pid
        comm = primary.comm ?? c.comm
        exe = c.exe
        syscall = c.syscall
        success = c.success
        exit = c.exit
        uid = c.uid
        auid = c.auid
        auidName = c.auidName
        cwd = c.cwd
        path = denial.path
        proctitle = c.proctitle
        avcCount = denial.avcs.count
        sources = denial.sources.map(\.id)
        targets = denial.targets.map(\.id)
        // Every field, texts by their bytes: denials that differ in one field only (a comm per
        // vCPU thread, a process renamed before each denial) must not share a hash, or each
        // lookup walks all of them.
        var hasher = Hasher()
        hasher.combine(ExactText(node))
        hasher.combine(ExactText(kind))
        hasher.combine(ExactText(seresult))
        hasher.combine(ExactText(scontext))
        hasher.combine(ExactText(tcontext))
        hasher.combine(ExactText(tclass))
        hasher.combine(reason.map(ExactText.init))
        hasher.combine(boolean.map(ExactText.init))
        hasher.combine(comm.map(ExactText.init))
        hasher.combine(exe.map(ExactText.init))
        hasher.combine(syscall.map(ExactText.init))
        hasher.combine(auidName.map(ExactText.init))
        hasher.combine(cwd.map(ExactText.init))
        hasher.combine(path.map(ExactText.init))
        hasher.combine(proctitle.map(ExactText.init))
        hasher.combine(perms.count)
        for perm in perms { hasher.combine(ExactText(perm)) }
        hasher.combine(permissive)
        hasher.combine(pid)
        hasher.combine(success)
        hasher.combine(exit)
        hasher.combine(uid)
        hasher.combine(auid)
        hasher.combine(avcCount)
        hasher.combine(sources)
        hasher.combine(targets)
        fieldsHash = hasher.finalize()
    }

    /// Texts compare by their bytes: two comms or paths that differ only in Unicode
    /// normalization are two runs, each shown as logged.
    static func == (a: DenialRunFields, b: DenialRunFields) -> Bool {
        func same(_ x: String?, _ y: String?) -> Bool { x.map(ExactText.init) == y.map(ExactText.init) }
        return a.fieldsHash == b.fieldsHash && a.pid == b.pid && a.avcCount == b.avcCount
            && a.permissive == b.permissive && a.success == b.success && a.exit == b.exit && a.uid == b.uid
            && a.auid == b.auid && a.sources == b.sources && a.targets == b.targets
            && same(a.node, b.node) && same(a.kind, b.kind) && same(a.reason, b.reason) && same(a.boolean, b.boolean)
            && same(a.seresult, b.seresult) && same(a.scontext, b.scontext) && same(a.tcontext, b.tcontext)
            && same(a.tclass, b.tclass) && a.perms.count == b.perms.count
            && zip(a.perms, b.perms).allSatisfy { same($0, $1) }
            && same(a.comm, b.comm) && same(a.exe, b.exe) && same(a.syscall, b.syscall) && same(a.auidName, b.auidName)
            && same(a.cwd, b.cwd) && same(a.path, b.path) && same(a.proctitle, b.proctitle)
    }
}
