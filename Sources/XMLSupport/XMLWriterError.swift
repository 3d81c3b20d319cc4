/// A value the ``XMLWriter`` cannot write, because XML 1.0 has no way to represent it.
///
/// Its description names the element, the attribute and the character, but not the value
/// itself, which may be customer data.
public struct XMLWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable {
        /// A control character other than tab, line feed and carriage return, or U+FFFE/U+FFFF.
        case invalidCharacter = "invalid-character"
    }

    /// What went wrong.
    public var code: Code
    /// The slash-separated names of the open elements down to the one written, such as `Invoice/Note`.
    public var elementPath: String
    /// The attribute whose value was refused, or nil if it was the element's text.
    public var attribute: String?
    /// The character that cannot be written.
    public var character: Unicode.Scalar
    /// The 0-based position of ``character`` in the value, counted in Unicode scalars.
    public var offset: Int

    /// Creates an error about a character in an element's text or attribute value.
    public init(code: Code, elementPath: String, attribute: String? = nil, character: Unicode.Scalar, offset: Int) {
        self.code = code
        self.elementPath = elementPath
        self.attribute = attribute
        self.character = character
        self.offset = offset
    }

    /// The problem in one line, such as `<Invoice/Note>: character U+000B at offset 3 of the text is not allowed in XML 1.0`.
    public var description: String {
        let hex = String(character.value, radix: 16, uppercase: true)
        let codePoint = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let place = attribute.map { "the attribute \($0)" } ?? "the text"
        return "<\(elementPath)>: character \(codePoint) at offset \(offset) of \(place) is not allowed in XML 1.0"
    }
}
