internal import Synchronization

/// Writes XML text deterministically (same calls → same bytes): UTF-8, `<?xml version="1.0" encoding="UTF-8"?>` header, two-space indentation, elements with only text on one line, escaping of & < > " (and ' in attributes), and rejecting characters not allowed in XML 1.0.
///
/// This is hand-written Swift rather than libxml2's `xmlTextWriter` because output files are
/// compared byte for byte (golden files, re-runs, signatures): every byte here is decided in this
/// file, not by library defaults that can change between libxml2 versions. Writing XML without
/// mixed content is little more than escaping, and appending to a byte buffer needs no C round trips.
///
/// The text goes straight into one byte buffer, never through `String`s: a run writes tens of
/// elements per invoice line, hundreds of thousands of elements in all. Each piece of a tag is
/// copied into room made for it once (a value's room is six bytes a byte, the longest escape),
/// a value is escaped in one pass, and element names, which are literals of the writing code,
/// are checked once per process rather than once per element (``XMLName``).
///
/// Output shape: each element starts on its own line, indented by its depth; an element written
/// with `element(_:_:attributes:)` keeps its text on that line; a started element that gets
/// no children is written as `<name/>`. Attributes appear in the order given.
///
/// Mistakes in the calling code (an invalid name, a duplicate attribute, an unbalanced
/// ``endElement()``, a second root, finishing with elements open) stop the program with a
/// precondition failure. Values, which come from user data, are checked instead: a character
/// XML 1.0 does not allow throws ``XMLWriterError`` and leaves the writer unchanged.
public struct XMLWriter: Sendable {
    // The state is internal rather than private because `XMLWriter+Writing.swift` writes it.

    /// The document so far is `buffer[..<count]`; the bytes after it are room to write into.
    var buffer: [UInt8]
    /// How many bytes of `buffer` are the document.
    var count: Int
    /// The elements started and not yet ended, outermost first.
    var openElements: [XMLName] = []
    /// True after `<name attributes` was written and before its `>` or `/>`.
    var startTagIsOpen = false
    /// Whether the root element was started, so a second one is refused.
    var rootIsWritten = false
    /// Spaces per level of indentation.
    let indent: Int
    /// The literal names known to be checked, as pairs of the address and the length of their
    /// bytes in a hash table with linear probing (an address of 0 marks a free slot); names are
    /// only ever added, so one checked stays found. It starts as a copy of ``sharedLiterals``, so
    /// a writer judges only names no writer before it judged (a run makes a writer per document,
    /// each with the same few dozen names).
    var checkedLiterals: [UInt]
    /// How many times a literal name was judged rather than found in `checkedLiterals` (for tests).
    var literalNamesJudged = 0

    /// Slots of `checkedLiterals`, a power of two: several times the literal names of the whole
    /// program, so probes stay short; were it ever full, names would be judged on every use.
    static let literalSlots = 1_024

    /// The literal names any writer of the process has checked, in `checkedLiterals`' layout.
    /// A writer reads it once when made and adds a name when it judges one: after the first
    /// documents, no writer takes the lock again.
    static let sharedLiterals = Mutex([UInt](repeating: 0, count: 2 * literalSlots))

    /// The XML declaration every document starts with.
    private static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// Creates a writer indenting each level by `indent` spaces; `capacity` bytes are reserved up
    /// front (a guess at the document's size spares the buffer's first doublings; callers cap it,
    /// since the buffer grows by doubling past it anyway).
    public init(indent: Int = 2, capacity: Int = 4_096) {
        precondition(indent >= 0, "indentation cannot be negative")
        self.indent = indent
        buffer = [UInt8](repeating: 0, count: max(capacity, 64))
        count = 0
        checkedLiterals = Self.sharedLiterals.withLock { $0 }
        writeMarkup(Self.declaration)
    }

    /// Opens an element; its attributes are written in the order given.
    public mutating func startElement(
        _ name: XMLName, attributes: KeyValuePairs<XMLName, String> = [:]
    ) throws(XMLWriterError) {
        if let error = writeStartTag(name, attributes: attributes.lazy.map { ($0.key, $0.value) }) { throw error }
        openElements.append(name)
        startTagIsOpen = true
    }

    /// Opens an element with attributes from an array, for attribute lists built at run time.
    public mutating func startElement(_ name: XMLName, attributes: [(XMLName, String)]) throws(XMLWriterError) {
        if let error = writeStartTag(name, attributes: attributes) { throw error }
        openElements.append(name)
        startTagIsOpen = true
    }

    /// Closes the most recently opened element.
    public mutating func endElement() {
        guard let name = openElements.popLast() else {
            preconditionFailure("endElement() without an open element")
        }
        if startTagIsOpen {
            writeMarkup("/>\n")
            startTagIsOpen = false
        } else {
            writeEndTag(name, depth: openElements.count)
        }
    }

    /// Writes `<name>text</name>` on one line.
    public mutating func element(
        _ name: XMLName, _ text: String, attributes: KeyValuePairs<XMLName, String> = [:]
    ) throws(XMLWriterError) {
        var text = text
        let error = text.withUTF8 { text in
            writeElement(name, text: text, attributes: attributes.lazy.map { ($0.key, $0.value) })
        }
        if let error { throw error }
    }

    /// Writes `<name>text</name>` on one line, with attributes from an array.
    public mutating func element(_ name: XMLName, _ text: String, attributes: [(XMLName, String)])
        throws(XMLWriterError)
    {
        var text = text
        let error = text.withUTF8 { text in writeElement(name, text: text, attributes: attributes) }
        if let error { throw error }
    }

    /// Writes `<name>text</name>` on one line from text that is already UTF-8 bytes, such as a
    /// number formatted into a buffer on the stack, without making a `String` of it.
    ///
    /// The bytes must be valid UTF-8 (the program stops otherwise); they are escaped as text.
    public mutating func element(
        _ name: XMLName, utf8 text: UnsafeBufferPointer<UInt8>, attributes: KeyValuePairs<XMLName, String> = [:]
    ) throws(XMLWriterError) {
        precondition(
            text.allSatisfy { $0 < 0x80 } || String(validating: text, as: UTF8.self) != nil,
            "the text of <\(name)> is not UTF-8")
        if let error = writeElement(name, text: text, attributes: attributes.lazy.map { ($0.key, $0.value) }) {
            throw error
        }
    }

    /// Writes `<name>text</name>` on one line, the text the decimal number `significand × 10^-scale`
    /// with exactly `scale` decimals (`-12.50`, `0.05`, `7`), formatted straight into the document.
    public mutating func element(
        _ name: XMLName, decimal significand: Int64, scale: Int, attributes: KeyValuePairs<XMLName, String> = [:]
    ) throws(XMLWriterError) {
        precondition((0...18).contains(scale), "scale \(scale) outside 0...18")
        let text = Text.decimal(significand: significand, scale: scale)
        let error: XMLWriterError?
        switch attributes.count {
        case 0:
            error = writeLine(name, attribute: nil, value: UnsafeBufferPointer(start: nil, count: 0), text: text)
        case 1:
            let (attribute, value) = attributes[0]
            var bytes = value
            error = bytes.withUTF8 { value in writeLine(name, attribute: attribute, value: value, text: text) }
        default:
            error = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestDecimal) { buffer in
                guard let base = buffer.baseAddress else { return nil }
                let length = Self.format(significand: significand, scale: scale, into: base)
                return writeElement(
                    name, text: UnsafeBufferPointer(start: base, count: length),
                    attributes: attributes.lazy.map { ($0.key, $0.value) })
            }
        }
        if let error { throw error }
    }

    /// Writes `<name attributes/>`.
    public mutating func emptyElement(
        _ name: XMLName, attributes: KeyValuePairs<XMLName, String> = [:]
    ) throws(XMLWriterError) {
        if let error = writeStartTag(name, attributes: attributes.lazy.map { ($0.key, $0.value) }) { throw error }
        writeMarkup("/>\n")
    }

    /// Writes `<name attributes/>`, with attributes from an array.
    public mutating func emptyElement(_ name: XMLName, attributes: [(XMLName, String)]) throws(XMLWriterError) {
        if let error = writeStartTag(name, attributes: attributes) { throw error }
        writeMarkup("/>\n")
    }

    /// The finished document, ending with a newline; all elements must be closed.
    public func finish() -> String {
        checkFinished()
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// The finished document as UTF-8 bytes, as `finish()` would give it, without making a `String`.
    ///
    /// Mutating only to cut the writer's buffer to the document's length in place, so the bytes
    /// are handed over without a copy; the writer still holds the same document afterwards.
    public mutating func finishedBytes() -> [UInt8] {
        checkFinished()
        buffer.removeSubrange(count...)
        return buffer
    }

    /// The text written since the last `take()` (the first time, from the XML declaration on),
    /// for a document written out in parts: the parts, concatenated, are the document.
    public mutating func take() -> String {
        defer { count = 0 }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    private func checkFinished() {
        precondition(rootIsWritten, "finish() before any element was written")
        precondition(
            openElements.isEmpty,
            "finish() with open elements: \(openElements.map(\.description).joined(separator: "/"))")
    }
}
