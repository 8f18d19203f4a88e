import DebriefCore
import DebriefUI

/// One row of the detail view, already wrapped to the screen width.
struct DetailLine: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case heading
        case label
        case text
        case tableHeader
        /// The row of the entry's follow-up `n`, from 1 (Space toggles it once Tab selected it).
        case followUp(Int)
    }

    var text: String
    var kind: Kind
}

/// An entry laid out for reading: every answer under its section, the question as label, text
/// word-wrapped; people and follow-ups as small tables.
///
/// A pure function of the entry, the catalog and the width, so a resize simply lays it out again
/// and tests can compare the rows.
enum DetailDocument {
    static func lines(for entry: Entry, catalog: Catalog, flags: [PitfallFlag], today: Day, width: Int) -> [DetailLine] {
        let width = max(10, width)
        var out: [DetailLine] = []
        out.append(DetailLine(text: entry.displayTitle, kind: .heading))
        var meta = [entry.eventTime.display]
        if let kind = entry.kind { meta.append(kind) }
        if !entry.tags.isEmpty { meta.append(entry.tags.map { "#" + $0 }.joined(separator: " ")) }
        out.append(DetailLine(text: meta.joined(separator: " · "), kind: .text))
        for flag in flags {
            let title = catalog.title(of: flag)
            for row in wrap("! " + title + (flag.reasons.isEmpty ? "" : ": " + flag.reasons.joined(separator: "; ")), width: width) {
                out.append(DetailLine(text: row, kind: .text))
            }
        }
        let shownAbove: Set<String> = ["title", "date", "kind", "tags"]
        for section in catalog.sections {
            let prompts = section.prompts.filter { !shownAbove.contains($0.id) && entry[$0.id] != nil }
            guard !prompts.isEmpty else { continue }
            out.append(DetailLine(text: "", kind: .text))
            out.append(DetailLine(text: section.title, kind: .heading))
            for prompt in prompts {
                guard let answer = entry[prompt.id] else { continue }
                for row in wrap(prompt.question, width: width) { out.append(DetailLine(text: row, kind: .label)) }
                switch answer {
                case .people(let people):
                    out += peopleTable(people, width: width)
                case .followUps(let followUps):
                    out += followUpTable(followUps, today: today, width: width)
                default:
                    for row in wrap(AnswerText.plain(answer, type: prompt.type), width: width - 2) {
                        out.append(DetailLine(text: "  " + row, kind: .text))
                    }
                }
            }
        }
        return out
    }

    /// How wide a name column is (the longest name, and at least `usual`), so a long name is
    /// shown whole while the column beside it has room to give (``Table/columnWidths(totalWidth:needs:)``).
    static func nameNeed(_ names: [String], usual: Int) -> Int {
        max(usual, names.map(\.displayWidth).max() ?? 0)
    }

    static func peopleTable(_ people: [Person], width: Int) -> [DetailLine] {
        let table = Table(columns: [.init("Name"), .init("Level", width: 9), .init("Relation", width: 8), .init("Note")], rows: [])
        let inner = width - 2
        let widths = table.columnWidths(totalWidth: inner, needs: [nameNeed(people.map(\.name), usual: 18), nil, nil, nil])
        var out = [DetailLine(text: "  " + table.format(table.columns.map(\.title), widths: widths, totalWidth: inner), kind: .tableHeader)]
        for p in people {
            out.append(DetailLine(text: "  " + table.format([p.name, p.level ?? "", p.relation ?? "", p.note ?? ""], widths: widths, totalWidth: inner),
                                  kind: .text))
        }
        return out
    }

    static func followUpTable(_ followUps: [FollowUp], today: Day, width: Int) -> [DetailLine] {
        let table = Table(columns: [.init("", width: 3), .init("Who"), .init("What"), .init("When", width: 18)], rows: [])
        let inner = width - 2
        let widths = table.columnWidths(totalWidth: inner, needs: [nil, nameNeed(followUps.map(\.who), usual: 14), nil, nil])
        var out = [DetailLine(text: "  " + table.format(table.columns.map(\.title), widths: widths, totalWidth: inner), kind: .tableHeader)]
        for (index, f) in followUps.enumerated() {
            let when: String
            if let done = f.done {
                when = "done " + done.iso
            } else if let due = f.due {
                when = AnswerText.relativeDue(due, today: today)
            } else {
                when = ""
            }
            let text = table.format([f.done == nil ? "[ ]" : "[x]", f.who, f.action, when], widths: widths, totalWidth: inner)
            out.append(DetailLine(text: "  " + text, kind: .followUp(index + 1)))
        }
        return out
    }
}
