/// The default catalog files, embedded in the binary so a copied release binary works alone.
///
/// SwiftPM's generated `PackageResources` is internal to this target; these accessors expose it.
public enum DefaultCatalog {
    /// `Prompts/reflection.yaml`: the sections and prompts of the guided reflection.
    public static var reflectionYAML: [UInt8] { PackageResources.reflection_yaml }
    /// `Prompts/pitfalls.yaml`: the seven networking pitfalls and the rules that detect them.
    public static var pitfallsYAML: [UInt8] { PackageResources.pitfalls_yaml }
    /// `Prompts/calendar.yaml`: which calendar events are worth a reflection, and kind guesses.
    public static var calendarYAML: [UInt8] { PackageResources.calendar_yaml }
    /// `Prompts/compact-catalog.bin`: the three files above as `CatalogLoader.compactForm(of:)`
    /// gives them (bytes, not JSON: read without `Codable`), loaded instead of parsing them when it
    /// was made from the same bytes.
    public static var compactForm: [UInt8] { PackageResources.compact_catalog_bin }
}
