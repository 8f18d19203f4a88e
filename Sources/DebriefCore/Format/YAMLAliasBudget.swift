// libyaml, the C parser under Yams. Yams does not export it as a product, but SwiftPM makes a
// package's C modules visible to the targets that use its Swift module; reading events is the
// only way to see aliases before Yams expands them.
import CYaml

/// Bounds what YAML aliases may expand to, before Yams builds any value.
///
/// Yams composes an alias (`*a`) as a copy of the anchored node and hashes mapping keys whole, so
/// a few hundred bytes of nested aliases (a "billion laughs" document) cost gigabytes and
/// minutes before debrief sees a value. Plain aliases are legitimate (PyYAML's `safe_dump` writes
/// `&id001` … `*id001` for a list used twice), so they are not refused: this counts, from
/// libyaml's events, how many nodes the document holds once every alias is expanded, and refuses
/// it when that is more than ten times the nodes it holds as written (and more than 1,000).
enum YAMLAliasBudget {
    /// Expanded nodes always allowed, however small the document.
    static let minimum = 1_000
    /// Expanded nodes allowed per node written.
    static let factor = 10

    /// Throws when `text`'s aliases expand past the budget. Text that does not parse passes
    /// (Yams reports the syntax error with its own line). Costs one byte scan when there is no `*`.
    static func check(_ text: String, lineOffset: Int = 0) throws(YAMLProblem) {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        guard let count = expansion(text) else { return }
        let allowed = max(minimum, factor * count.written)
        guard count.expanded > allowed else { return }
        throw YAMLProblem(line: lineOffset + count.firstAliasLine,
                          message: "YAML aliases here expand to more than \(allowed) values (the text holds \(count.written)); " +
                                   "debrief does not expand them that far")
    }

    struct Count {
        /// Nodes as written: scalars, lists, maps and aliases.
        var written = 0
        /// Nodes once every alias stands for a copy of its anchored node (capped, never overflows).
        var expanded = 0
        /// 1-based line of the first alias.
        var firstAliasLine = 1
    }

    /// Counts written and expanded nodes from libyaml's events; nil when the text does not parse.
    static func expansion(_ text: String) -> Count? {
        var text = text
        return text.withUTF8 { bytes -> Count? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

            let cap = Int.max / 4
            var count = Count()
            var sawAlias = false
            /// Expanded size of each anchor as last defined (a later anchor of the same name shadows it).
            var anchors: [String: Int] = [:]
            /// Open lists and maps: their anchor and the expanded size of what they hold so far.
            var open: [(anchor: String?, size: Int)] = []
            var documentTotal = 0

            func add(_ size: Int) {
                if open.isEmpty {
                    documentTotal = min(cap, documentTotal + size)
                } else {
                    open[open.count - 1].size = min(cap, open[open.count - 1].size + size)
                }
            }
            func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }

            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    count.expanded = documentTotal
                    return count
                case YAML_SCALAR_EVENT:
                    count.written += 1
                    if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
                    add(1)
                case YAML_ALIAS_EVENT:
                    count.written += 1
                    if !sawAlias {
                        sawAlias = true
                        count.firstAliasLine = Int(event.start_mark.line) + 1
                    }
                    add(name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1)
                case YAML_SEQUENCE_START_EVENT:
                    count.written += 1
                    open.append((name(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    count.written += 1
                    open.append((name(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { return nil }
                    if let anchor = closed.anchor { anchors[anchor] = closed.size }
                    add(closed.size)
                default:
                    continue
                }
            }
        }
    }
}
