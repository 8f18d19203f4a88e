import Foundation

/// Follow-ups as an RFC 5545 calendar, for the calendars and to-do lists people already use.
///
/// Most calendars (Google, iOS, Outlook, khal) show events and ignore to-dos, so a follow-up is
/// by default an all-day `VEVENT` on its due day; `VTODO` with `DUE` serves to-do apps
/// (todoman, Thunderbird, Reminders). Either way: `SUMMARY` "who: action", a `DESCRIPTION`
/// naming the event it came from, a `UID` that never changes for that follow-up, `DTSTAMP`,
/// CRLF line ends, lines folded at 75 octets and text escaped as the RFC says.
public enum ICalendar {
    public enum Kind: String, CaseIterable, Sendable {
        /// All-day `VEVENT`s on the due day; follow-ups without a due day are left out.
        case event
        /// `VTODO`s with `DUE` when there is a due day, `STATUS:COMPLETED` when done.
        case todo
    }

    /// One follow-up with what a calendar item needs beyond the list's ``FollowUpItem``.
    public struct Item: Sendable {
        public var followUp: FollowUpItem
        public var uid: String
        /// When the entry holding it was last changed: the item's `DTSTAMP`, which for a calendar
        /// without `METHOD` means "last revised", so an unchanged follow-up writes the same bytes.
        public var revised: Timestamp
        public var eventDisplay: String

        public init(followUp: FollowUpItem, uid: String, revised: Timestamp, eventDisplay: String) {
            self.followUp = followUp
            self.uid = uid
            self.revised = revised
            self.eventDisplay = eventDisplay
        }
    }

    /// The UID domain: `<follow-up id>@debrief`.
    public static let uidSuffix = "@debrief"
    /// The `PRODID` of every calendar debrief writes; also how it recognises its own files in a vdir.
    public static let productID = "-//Debrief//Debrief follow-ups//EN"

    /// Every follow-up of `entries` that `keep` accepts, as calendar items, in the list's order.
    /// A follow-up's UID is its persistent id; a row written before ids existed gets one derived
    /// from what does not change when the entry is renamed or its list reordered: the entry's
    /// `created`, who and action (and a count among identical rows).
    ///
    /// UIDs are unique: an entry file copied as a template holds the original's ids (and its
    /// `created`), and two items with one UID would show as one event and share one vdir file.
    /// The row of the entry created first (then of the first id) keeps the UID; a later one gets
    /// the UID with a hash of its own entry's id, who and action appended. `keep` is applied after
    /// that, so a filter never changes a UID.
    public static func items(_ entries: [Entry], keep: (FollowUpItem) -> Bool) -> [Item] {
        var rows: [(entry: Entry, item: FollowUpItem, uid: String)] = []
        for entry in entries {
            var seen: [String: Int] = [:]
            for (i, followUp) in entry.followUps.enumerated() {
                let content = entry.created.iso + "\u{1F}" + followUp.who + "\u{1F}" + followUp.action
                seen[content, default: 0] += 1
                let uid: String
                if let id = followUp.id, !id.isEmpty {
                    uid = id + uidSuffix
                } else {
                    uid = "legacy-" + hash(content + "\u{1F}\(seen[content] ?? 1)") + uidSuffix
                }
                rows.append((entry, FollowUpItem(entry: entry, n: i + 1, followUp: followUp), uid))
            }
        }
        let firstCreated = rows.indices.sorted { a, b in
            let x = rows[a], y = rows[b]
            if x.entry.created.seconds != y.entry.created.seconds { return x.entry.created.seconds < y.entry.created.seconds }
            if x.entry.id != y.entry.id { return x.entry.id < y.entry.id }
            return x.item.n < y.item.n
        }
        var taken = Set<String>()
        for k in firstCreated where !taken.insert(rows[k].uid).inserted {
            let stem = String(rows[k].uid.dropLast(uidSuffix.count))
            let own = rows[k].entry.id + "\u{1F}" + rows[k].item.who + "\u{1F}" + rows[k].item.action
            var repeatCount = 1
            var uid = stem + "-" + hash(own) + uidSuffix
            while !taken.insert(uid).inserted {
                repeatCount += 1
                uid = stem + "-" + hash(own + "\u{1F}\(repeatCount)") + uidSuffix
            }
            rows[k].uid = uid
        }
        return rows.filter { keep($0.item) }
            .map { Item(followUp: $0.item, uid: $0.uid, revised: $0.entry.updated, eventDisplay: $0.entry.eventTime.display) }
            .sorted { FollowUpItem.soonestDueFirst($0.followUp, $1.followUp) }
    }

    /// A short hex hash of `text` for derived UIDs.
    private static func hash(_ text: String) -> String {
        String(Fingerprint(of: Array(text.utf8)).hash, radix: 16)
    }

    /// Whether a kind shows an item: events need a due day.
    public static func shows(_ item: Item, as kind: Kind) -> Bool {
        kind == .todo || item.followUp.due != nil
    }

    /// A whole calendar of `items` (those `kind` can show), CRLF-terminated and folded.
    public static func calendar(_ items: [Item], kind: Kind, timeZone: TimeZone) -> String {
        var lines = header
        for item in items where shows(item, as: kind) { lines += component(item, kind: kind, timeZone: timeZone) }
        lines.append("END:VCALENDAR")
        return render(lines)
    }

    /// A calendar holding one item: the content of one file in a vdir.
    public static func file(_ item: Item, kind: Kind, timeZone: TimeZone) -> String {
        render(fileLines(item, kind: kind, timeZone: timeZone))
    }

    /// The unfolded content lines of ``file(_:kind:timeZone:)``.
    static func fileLines(_ item: Item, kind: Kind, timeZone: TimeZone) -> [String] {
        header + (shows(item, as: kind) ? component(item, kind: kind, timeZone: timeZone) : []) + ["END:VCALENDAR"]
    }

    /// Content lines folded and CRLF-terminated, as every calendar debrief writes.
    static func render(_ lines: [String]) -> String {
        lines.map(fold).joined()
    }

    static let header = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN",
                         "X-WR-CALNAME:Debrief follow-ups"]

    /// The content lines of one `VEVENT` or `VTODO`, unfolded.
    static func component(_ item: Item, kind: Kind, timeZone: TimeZone) -> [String] {
        let f = item.followUp
        let name = kind == .event ? "VEVENT" : "VTODO"
        var lines = ["BEGIN:\(name)", "UID:" + escape(item.uid), "DTSTAMP:" + utc(item.revised.seconds)]
        switch kind {
        case .event:
            if let due = f.due {
                lines.append("DTSTART;VALUE=DATE:" + compact(due))
                lines.append("DTEND;VALUE=DATE:" + compact(due.adding(days: 1)))
            }
            // A reminder, not a meeting: it does not make the day look busy.
            lines.append("TRANSP:TRANSPARENT")
        case .todo:
            if let due = f.due { lines.append("DUE;VALUE=DATE:" + compact(due)) }
            if let done = f.done {
                lines.append("STATUS:COMPLETED")
                let midnight = Timestamp(day: done, hour: 0, minute: 0, in: timeZone)?.seconds ?? done.ordinal * 86_400
                lines.append("COMPLETED:" + utc(midnight))
            } else {
                lines.append("STATUS:NEEDS-ACTION")
            }
        }
        lines.append("SUMMARY:" + escape(AnswerText.task(who: f.who, action: f.action)))
        lines.append("DESCRIPTION:" + escape(description(item)))
        lines.append("END:\(name)")
        return lines
    }

    /// "Follow-up from Swift meetup Berlin (2026-11-24 18:30). …": the event, and where the
    /// follow-up lives in debrief.
    static func description(_ item: Item) -> String {
        let f = item.followUp
        var parts = ["Follow-up from \(f.entryTitle.isEmpty ? f.entryID : f.entryTitle) (\(item.eventDisplay))."]
        if f.postponed > 0, let first = f.firstDue {
            parts.append("Postponed \(f.postponed) time\(f.postponed == 1 ? "" : "s"), first due \(first.iso).")
        }
        if let done = f.done {
            parts.append("Done \(done.iso).")
        } else {
            parts.append("Mark it done with: debrief done \(f.entryID) \(f.n)")
        }
        return parts.joined(separator: "\n")
    }

    // MARK: - RFC 5545 text

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as
    /// `\n`; other control characters, which TEXT may not hold, dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for u in text.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0x7F { break }
                out.unicodeScalars.append(u)
            }
            previousCR = u == "\r"
        }
        return out
    }

    /// A content line folded at 75 octets (RFC 5545 3.1): continuation lines start with one space,
    /// which counts, and no UTF-8 sequence is split. Ends with CRLF.
    public static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        var width = 0
        for scalar in line.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if width + bytes.count > 75 {
                out += [0x0D, 0x0A, 0x20]
                width = 1
            }
            out += bytes
            width += bytes.count
        }
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }

    /// `20261127` for a DATE value.
    static func compact(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    /// `20261124T173000Z` for a UTC DATE-TIME.
    static func utc(_ seconds: Int) -> String {
        let t = Timestamp(seconds: seconds, utcOffset: 0)
        return compact(t.day) + String(format: "T%02d%02d%02dZ", t.hour, t.minute, t.second)
    }
}
