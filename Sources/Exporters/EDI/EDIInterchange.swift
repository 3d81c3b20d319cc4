/// An EDI interchange as written: its text, its bytes in the syntax's character repertoire
/// (ISO 8859-1 for EDIFACT UNOC, ASCII for X12), and the characters that repertoire lacks,
/// folded (``EDIRepertoire``).
public struct EDIInterchange: Sendable, Hashable {
    /// The interchange as text.
    public var text: String
    /// The bytes to write: one per character.
    public var bytes: [UInt8]
    /// Each character folded, `ő → o`, sorted; empty when nothing was.
    public var folded: [String]

    /// Creates an interchange from its parts.
    public init(text: String, bytes: [UInt8], folded: [String]) {
        self.text = text
        self.bytes = bytes
        self.folded = folded
    }
}
