/// What a screen renders: the buffer plus where the terminal cursor should be.
///
/// The cursor is part of the frame (not a side effect) so that text fields can place it and
/// tests can assert on it; `nil` hides it.
public struct Frame: Hashable, Sendable {
    public var buffer: ScreenBuffer
    public var cursor: Position?

    public init(buffer: ScreenBuffer, cursor: Position? = nil) {
        self.buffer = buffer
        self.cursor = cursor
    }

    /// A blank frame of the given size.
    public init(width: Int, height: Int) {
        self.init(buffer: ScreenBuffer(width: width, height: height))
    }
}
