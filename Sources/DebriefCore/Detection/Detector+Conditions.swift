extension Detector {
    /// Whether `condition` holds for `entry`: the catalog's prompt conditions (`when`) are read by
    /// the same evaluator as the pitfall rules, so both mean the same by every form. A condition
    /// that cannot be told (it reads a prompt the entry's flow does not ask) does not hold.
    public func holds(_ condition: Condition, in entry: Entry, asOf: Day) -> Bool {
        if case .holds = Subject(entry: entry, catalog: catalog).evaluate(condition, asOf: asOf) { return true }
        return false
    }
}
