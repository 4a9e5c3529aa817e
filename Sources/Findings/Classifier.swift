import Guests

/// Gives every denial exactly one kind. Pure: the caller resolves both sides first.
public struct Classifier: Sendable {
    public var booleans: BooleanRules

    public init(booleans: BooleanRules = .standard) {
        self.booleans = booleans
    }

    public struct Input: Sendable {
        public var source: ContextView
        public var target: ContextView
        public var tclass: String
        public var perms: [String]
        public var sources: [Lease]
        public var targets: [Lease]

        public init(source: ContextView, target: ContextView, tclass: String, perms: [String],
                    sources: [Lease], targets: [Lease]) {
            self.source = source
            self.target = target
            self.tclass = tclass
            self.perms = perms
            self.sources = sources
            self.targets = targets
        }
    }

    public func classify(_ input: Input) -> (kind: DenialKind, boolean: String?) {
        let sourceType = input.source.type ?? ""
        let targetType = input.target.type ?? ""
        let targetIsGuestObject = TypeSets.guestObject.contains(targetType) && input.target.guestLevel != nil
        let rule = booleans.boolean(ttype: targetType, tclass: input.tclass, perms: input.perms)

        guard TypeSets.guestProcess.contains(sourceType) else {
            if targetIsGuestObject { return (input.targets.isEmpty ? .unknownTarget : .hostGuest, nil) }
            return (.hostOther, nil)
        }
        if input.sources.isEmpty { return (.unknownSource, nil) }
        if targetIsGuestObject {
            if input.targets.isEmpty { return (.unknownTarget, nil) }
            let own = Set(input.sources.map(\.uuid))
            if input.targets.contains(where: { !own.contains($0.uuid) }) { return (.crossGuest, nil) }
            if let rule { return (.needsBoolean, rule.boolean) }
            return (.guestSelf, nil)
        }
        if TypeSets.staleImage.contains(targetType) { return (.staleImage, nil) }
        if TypeSets.sharedContent.contains(targetType), input.perms.contains(where: TypeSets.writePermissions.contains) {
            return (.sharedContentWrite, nil)
        }
        if let rule { return (.needsBoolean, rule.boolean) }
        return (.guestHost, nil)
    }
}
