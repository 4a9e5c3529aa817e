/// What `TypeSets` says about one context type, looked up once: the correlator keeps these with
/// each parsed context it caches, so a denial tests bits instead of hashing the type five times.
struct ContextTraits: OptionSet, Sendable {
    let rawValue: UInt8

    static let guestProcess = ContextTraits(rawValue: 1 << 0)
    static let guestObject = ContextTraits(rawValue: 1 << 1)
    static let staleImage = ContextTraits(rawValue: 1 << 2)
    static let sharedContent = ContextTraits(rawValue: 1 << 3)

    /// nil reads as no type at all, as the classifier has always read it ("" is in no set).
    init(type: String?) {
        var traits: ContextTraits = []
        if let type {
            if TypeSets.guestProcess.contains(type) { traits.insert(.guestProcess) }
            if TypeSets.guestObject.contains(type) { traits.insert(.guestObject) }
            if TypeSets.staleImage.contains(type) { traits.insert(.staleImage) }
            if TypeSets.sharedContent.contains(type) { traits.insert(.sharedContent) }
        }
        self = traits
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }
}
