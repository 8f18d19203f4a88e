/// What a command holds to its end and leaves to the process's exit instead of freeing it object
/// by object: a whole journal's people or follow-ups are tens of thousands of heap objects (ids,
/// titles, names, notes), and releasing them one at a time after the output was written was
/// work the exit does at once when it gives the heap back. Only for values alive to the end
/// anyway, so keeping them raises no peak; never in the screens, which run on.
enum KeptUntilExit {
    /// Holds its value; never released.
    private final class Held<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// `value` kept until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Held(value))
    }
}
