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
        classify(input, sourceTraits: ContextTraits(type: input.source.type),
                 targetTraits: ContextTraits(type: input.target.type))
    }

    /// With the traits of both types already known (the correlator caches them per context).
    func classify(_ input: Input, sourceTraits: ContextTraits,
                  targetTraits: ContextTraits) -> (kind: DenialKind, boolean: String?) {
        let targetType = input.target.type ?? ""
        let targetIsGuestObject = targetTraits.contains(.guestObject) && input.target.guestLevel != nil
        let rule = booleans.boolean(ttype: targetType, tclass: input.tclass, perms: input.perms)

        guard sourceTraits.contains(.guestProcess) else {
            if targetIsGuestObject { return (input.targets.isEmpty ? .unknownTarget : .hostGuest, nil) }
            return (.hostOther, nil)
        }
        // Which guest it was is unknown, but not what it reached for: a host object a boolean
        // would open keeps the boolean, for the advice.
        if input.sources.isEmpty { return (.unknownSource, targetIsGuestObject ? nil : rule?.boolean) }
        if targetIsGuestObject {
            if input.targets.isEmpty { return (.unknownTarget, nil) }
            if input.targets.contains(where: { target in !input.sources.contains { $0.uuid == target.uuid } }) {
                return (.crossGuest, nil)
            }
            if let rule { return (.needsBoolean, rule.boolean) }
            return (.guestSelf, nil)
        }
        if targetTraits.contains(.staleImage) { return (.staleImage, nil) }
        if targetTraits.contains(.sharedContent), input.perms.contains(where: TypeSets.writePermissions.contains) {
            return (.sharedContentWrite, nil)
        }
        if let rule { return (.needsBoolean, rule.boolean) }
        return (.guestHost, nil)
    }
}
