/// A context as the correlator caches it: parsed, with its type's traits looked up. A class, so
/// a cache hit hands out one reference instead of copying every string of the view.
final class ParsedContext: Sendable {
    let view: ContextView
    let traits: ContextTraits

    init(view: ContextView, traits: ContextTraits) {
        self.view = view
        self.traits = traits
    }
}
