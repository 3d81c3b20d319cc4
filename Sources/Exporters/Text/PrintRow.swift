/// One formatted line of a print layout.
public struct PrintRow: Sendable, Hashable {
    /// The line's text, already padded and aligned.
    public var text: String

    /// Creates a row of text.
    public init(text: String) { self.text = text }
}
