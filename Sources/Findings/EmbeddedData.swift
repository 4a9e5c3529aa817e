/// rules/virt-booleans.tsv, compiled into the binary (SwiftPM `.embedInCode` of the symlink in
/// Resources/) so the binary works when copied anywhere.
enum EmbeddedData {
    static let virtBooleansTSV = String(decoding: PackageResources.virt_booleans_tsv, as: UTF8.self)
}
