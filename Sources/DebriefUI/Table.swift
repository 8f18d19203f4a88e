/// A simple table: fixed-width columns, cells truncated by display width with an ellipsis.
public struct Table: Hashable, Sendable {
    /// A column's heading and width; the last column may use the remaining width.
    public struct Column: Hashable, Sendable {
        public enum Alignment: Hashable, Sendable { case left, right }
        public var title: String
        /// Columns; `nil` takes what the other columns leave.
        public var width: Int?
        public var alignment: Alignment

        public init(_ title: String, width: Int? = nil, alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Spaces between columns.
    public var spacing: Int

    public init(columns: [Column], rows: [[String]], spacing: Int = 2) {
        self.columns = columns
        self.rows = rows
        self.spacing = spacing
    }

    /// Resolved column widths for a total width; flexible columns share what is left.
    public func columnWidths(totalWidth: Int) -> [Int] {
        let fixed = columns.compactMap(\.width).reduce(0, +)
        let flexibleCount = columns.filter { $0.width == nil }.count
        let gaps = spacing * max(0, columns.count - 1)
        let left = max(0, totalWidth - fixed - gaps)
        return columns.map { $0.width ?? (flexibleCount > 0 ? left / flexibleCount : 0) }
    }

    /// Widths for a total width where each flexible column needs at most `needs[i]` (its widest
    /// cell; nil for no limit): a column that needs less than an equal share gets what it needs
    /// and leaves the rest to the others, and what no column needs goes to the first flexible one.
    /// So a long "What" is not cut at half the room while a short "From" keeps space it never uses.
    public func columnWidths(totalWidth: Int, needs: [Int?]) -> [Int] {
        var widths = columnWidths(totalWidth: totalWidth)
        let flexible = columns.indices.filter { columns[$0].width == nil }
        guard !flexible.isEmpty else { return widths }
        let fixed = columns.compactMap(\.width).reduce(0, +)
        var left = max(0, totalWidth - fixed - spacing * max(0, columns.count - 1))
        var open = flexible
        // Water-filling: settle the columns that need less than an equal share, smallest first.
        while !open.isEmpty {
            let share = left / open.count
            let small = open.filter { i in (i < needs.count ? needs[i] : nil).map { $0 <= share } ?? false }
            if small.isEmpty {
                for (k, i) in open.enumerated() { widths[i] = share + (k < left % open.count ? 1 : 0) }
                return widths
            }
            for i in small {
                let need = (i < needs.count ? needs[i] : nil) ?? 0
                widths[i] = need
                left -= need
            }
            open.removeAll { small.contains($0) }
        }
        if let first = flexible.first { widths[first] += left }
        return widths
    }

    /// One row as a line of text exactly `totalWidth` columns wide (or less if columns are narrower).
    public func format(_ cells: [String], totalWidth: Int) -> String {
        format(cells, widths: columnWidths(totalWidth: totalWidth), totalWidth: totalWidth)
    }

    /// One row laid out in the given column widths (from ``columnWidths(totalWidth:needs:)``).
    public func format(_ cells: [String], widths: [Int], totalWidth: Int) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() {
            let width = widths[index]
            let text = index < cells.count ? cells[index] : ""
            let cut = text.truncated(toWidth: width)
            switch column.alignment {
            case .left: parts.append(cut.padded(toWidth: width))
            case .right: parts.append(String(repeating: " ", count: max(0, width - cut.displayWidth)) + cut)
            }
        }
        return parts.joined(separator: String(repeating: " ", count: spacing)).truncated(toWidth: totalWidth, ellipsis: "")
    }

    /// Draws the header (in `headerStyle`) and the rows of `state`'s visible window; the selected
    /// row is drawn in `selectedStyle`, which should include reverse so it shows without colour.
    public func render(into buffer: inout ScreenBuffer, rect: Rect, state: ListState? = nil,
                       headerStyle: Style = Style.role(.muted).bolded(),
                       selectedStyle: Style = Style.role(.highlight).reversed()) {
        guard !rect.isEmpty else { return }
        buffer.put(format(columns.map(\.title), totalWidth: rect.width), row: rect.row, col: rect.col,
                   style: headerStyle, maxWidth: rect.width)
        let body = rect.inset(top: 1)
        let range = state?.visibleRange(height: body.height) ?? 0..<min(rows.count, body.height)
        for (line, index) in range.enumerated() where index < rows.count {
            let style = index == state?.selected ? selectedStyle : .plain
            let y = body.row + line
            if style != .plain { buffer.fill(Rect(row: y, col: body.col, width: body.width, height: 1), style: style) }
            buffer.put(format(rows[index], totalWidth: body.width), row: y, col: body.col,
                       style: style, maxWidth: body.width)
        }
    }
}
