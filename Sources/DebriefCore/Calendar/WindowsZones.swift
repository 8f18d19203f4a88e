/// Windows time zone names (`W. Europe Standard Time`, as Outlook and Exchange write them in
/// `TZID`) to IANA names: CLDR's `windowsZones` table, kept as data in `WindowsZones.txt` (its
/// header says which CLDR version) and embedded in the binary.
public enum WindowsZones {
    /// Windows name → IANA name.
    public static let table: [String: String] = {
        var out: [String: String] = [:]
        for line in String(decoding: PackageResources.WindowsZones_txt, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            out[String(parts[0])] = String(parts[1])
        }
        return out
    }()

    /// The IANA name for a Windows name, or nil.
    public static func iana(_ windowsName: String) -> String? { table[windowsName] }
}
