/// Selection and scroll state of a list, kept by the caller (ratatui's `ListState`).
///
/// The list widget itself stays stateless; every move keeps the selection inside the visible
/// window of `height` rows, so rendering is just "rows `offset..<offset+height`".
public struct ListState: Hashable, Sendable {
    /// Number of items; changing it clamps the selection.
    public var count: Int {
        didSet { clamp() }
    }
    /// Selected index, or `nil` when the list is empty.
    public private(set) var selected: Int?
    /// Index of the first visible row.
    public private(set) var offset: Int = 0

    public init(count: Int, selected: Int? = 0) {
        self.count = max(0, count)
        self.selected = selected
        clamp()
    }

    /// Selects an index (clamped) and scrolls it into view.
    public mutating func select(_ index: Int, height: Int) {
        guard count > 0 else { selected = nil; offset = 0; return }
        selected = min(max(0, index), count - 1)
        scrollToSelection(height: height)
    }

    public mutating func moveUp(height: Int) { select((selected ?? 0) - 1, height: height) }
    public mutating func moveDown(height: Int) { select((selected ?? -1) + 1, height: height) }
    public mutating func pageUp(height: Int) { select((selected ?? 0) - max(1, height - 1), height: height) }
    public mutating func pageDown(height: Int) { select((selected ?? 0) + max(1, height - 1), height: height) }
    public mutating func moveToFirst(height: Int) { select(0, height: height) }
    public mutating func moveToLast(height: Int) { select(count - 1, height: height) }

    /// Adjusts ``offset`` minimally so the selection is visible in `height` rows
    /// (call after a resize).
    public mutating func scrollToSelection(height: Int) {
        let height = max(1, height)
        guard let selected else { offset = 0; return }
        if selected < offset { offset = selected }
        if selected >= offset + height { offset = selected - height + 1 }
        offset = max(0, min(offset, max(0, count - height)))
    }

    /// Indices visible in a window of `height` rows.
    public func visibleRange(height: Int) -> Range<Int> {
        offset..<min(count, offset + max(0, height))
    }

    private mutating func clamp() {
        if count <= 0 {
            selected = nil
            offset = 0
        } else {
            selected = min(max(0, selected ?? 0), count - 1)
            offset = min(offset, count - 1)
        }
    }
}
