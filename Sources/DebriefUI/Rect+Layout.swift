extension Rect {
    /// A size along one axis for ``splitRows(_:)`` and ``splitColumns(_:)``.
    public enum Size: Hashable, Sendable {
        /// Exactly this many cells (less if space runs out).
        case fixed(Int)
        /// An equal share of what the fixed sizes leave.
        case fill
    }

    /// Shrinks every side by `amount` (e.g. 1 for the inside of a border).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks each side separately; never produces negative sizes.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(row: row + top, col: col + left,
             width: width - left - right, height: height - top - bottom)
    }

    /// Splits into a top part of `height` rows and the rest.
    public func splitRows(top height: Int) -> (top: Rect, rest: Rect) {
        let h = min(max(0, height), self.height)
        return (Rect(row: row, col: col, width: width, height: h),
                Rect(row: row + h, col: col, width: width, height: self.height - h))
    }

    /// Splits into the rest and a bottom part of `height` rows (status and help bars).
    public func splitRows(bottom height: Int) -> (rest: Rect, bottom: Rect) {
        let h = min(max(0, height), self.height)
        return (Rect(row: row, col: col, width: width, height: self.height - h),
                Rect(row: bottom - h, col: col, width: width, height: h))
    }

    /// Splits into a left part of `width` columns and the rest.
    public func splitColumns(left width: Int) -> (left: Rect, rest: Rect) {
        let w = min(max(0, width), self.width)
        return (Rect(row: row, col: col, width: w, height: height),
                Rect(row: row, col: col + w, width: self.width - w, height: height))
    }

    /// Stacks rows of the given sizes top to bottom; `.fill` rows share the leftover evenly
    /// (earlier ones get the remainder).
    public func splitRows(_ sizes: [Size]) -> [Rect] {
        Rect.distribute(sizes, total: height).map {
            Rect(row: row + $0.offset, col: col, width: width, height: $0.length)
        }
    }

    /// Places columns of the given sizes left to right; `.fill` columns share the leftover.
    public func splitColumns(_ sizes: [Size]) -> [Rect] {
        Rect.distribute(sizes, total: width).map {
            Rect(row: row, col: col + $0.offset, width: $0.length, height: height)
        }
    }

    /// A rectangle of at most the given size centred inside this one (dialogs, overlays).
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width)
        let h = min(height, self.height)
        return Rect(row: row + (self.height - h) / 2, col: col + (self.width - w) / 2, width: w, height: h)
    }

    private static func distribute(_ sizes: [Size], total: Int) -> [(offset: Int, length: Int)] {
        var fixedTotal = 0
        var fillCount = 0
        for size in sizes {
            switch size {
            case .fixed(let n): fixedTotal += max(0, n)
            case .fill: fillCount += 1
            }
        }
        let leftover = max(0, total - fixedTotal)
        var extra = fillCount > 0 ? leftover % fillCount : 0
        var offset = 0
        var result: [(offset: Int, length: Int)] = []
        for size in sizes {
            var length: Int
            switch size {
            case .fixed(let n): length = max(0, n)
            case .fill:
                length = fillCount > 0 ? leftover / fillCount : 0
                if extra > 0 { length += 1; extra -= 1 }
            }
            length = min(length, max(0, total - offset))
            result.append((offset, length))
            offset += length
        }
        return result
    }
}
