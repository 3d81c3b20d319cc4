/// Writes XML text deterministically (same calls → same bytes): UTF-8, `<?xml version="1.0" encoding="UTF-8"?>` header, two-space indentation, elements with only text on one line, escaping of & < > " (and ' in attributes), and rejecting characters not allowed in XML 1.0.
///
/// This is hand-written Swift rather than libxml2's `xmlTextWriter` because output files are
/// compared byte for byte (golden files, re-runs, signatures): every byte here is decided in this
/// file, not by library defaults that can change between libxml2 versions. Writing XML without
/// mixed content is little more than escaping, and appending to a byte buffer needs no C round trips.
/// The text goes into one `[UInt8]` buffer (UTF-8), never through `String` concatenation: a
/// run writes tens of elements per invoice line, and appending bytes to one growing array costs
/// a fraction of growing a `String` piece by piece.
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
    private var output: [UInt8] = []
    private var openElements: [String] = []
    /// True after `<name attributes` was written and before its `>` or `/>`.
    private var startTagIsOpen = false
    private var rootIsWritten = false
    /// Spaces per level of indentation.
    private let indent: Int

    /// Creates a writer indenting each level by `indent` spaces; `capacity` bytes are reserved up
    /// front (a guess at the document's size spares the buffer's first doublings; callers cap it,
    /// since the buffer grows by doubling past it anyway).
    public init(indent: Int = 2, capacity: Int = 4_096) {
        precondition(indent >= 0, "indentation cannot be negative")
        self.indent = indent
        output.reserveCapacity(max(capacity, 64))
        output.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
    }

    /// Opens an element; its attributes are written in the order given.
    public mutating func startElement(
        _ name: String, attributes: KeyValuePairs<String, String> = [:]
    ) throws(XMLWriterError) {
        try startElement(name, attributes: attributes.isEmpty ? [] : Array(attributes))
    }

    /// Opens an element with attributes from an array, for attribute lists built at run time.
    public mutating func startElement(_ name: String, attributes: [(String, String)]) throws(XMLWriterError) {
        let values = try checkedStartTag(name, attributes: attributes)
        beginChild()
        writeStartTag(name, attributes: attributes, values: values)
        openElements.append(name)
        startTagIsOpen = true
    }

    /// Closes the most recently opened element.
    public mutating func endElement() {
        guard let name = openElements.popLast() else {
            preconditionFailure("endElement() without an open element")
        }
        if startTagIsOpen {
            append(UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "\n"))
            startTagIsOpen = false
        } else {
            writeIndentation(depth: openElements.count)
            append(UInt8(ascii: "<"), UInt8(ascii: "/"))
            append(name)
            append(UInt8(ascii: ">"), UInt8(ascii: "\n"))
        }
    }

    /// Writes `<name>text</name>` on one line.
    public mutating func element(
        _ name: String, _ text: String, attributes: KeyValuePairs<String, String> = [:]
    ) throws(XMLWriterError) {
        try element(name, text, attributes: attributes.isEmpty ? [] : Array(attributes))
    }

    /// Writes `<name>text</name>` on one line, with attributes from an array.
    public mutating func element(_ name: String, _ text: String, attributes: [(String, String)]) throws(XMLWriterError)
    {
        let values = try checkedStartTag(name, attributes: attributes)
        let escapedText = try Self.escapedText(text, elementPath: path(appending: name))
        beginChild()
        writeStartTag(name, attributes: attributes, values: values)
        output.append(UInt8(ascii: ">"))
        append(escapedText)
        append(UInt8(ascii: "<"), UInt8(ascii: "/"))
        append(name)
        append(UInt8(ascii: ">"), UInt8(ascii: "\n"))
    }

    /// Writes `<name attributes/>`.
    public mutating func emptyElement(
        _ name: String, attributes: KeyValuePairs<String, String> = [:]
    ) throws(XMLWriterError) {
        try emptyElement(name, attributes: attributes.isEmpty ? [] : Array(attributes))
    }

    /// Writes `<name attributes/>`, with attributes from an array.
    public mutating func emptyElement(_ name: String, attributes: [(String, String)]) throws(XMLWriterError) {
        let values = try checkedStartTag(name, attributes: attributes)
        beginChild()
        writeStartTag(name, attributes: attributes, values: values)
        append(UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "\n"))
    }

    /// The finished document, ending with a newline; all elements must be closed.
    public func finish() -> String {
        String(decoding: finishedBytes(), as: UTF8.self)
    }

    /// The finished document as UTF-8 bytes, as `finish()` would give it, without making a `String`.
    public func finishedBytes() -> [UInt8] {
        precondition(rootIsWritten, "finish() before any element was written")
        precondition(openElements.isEmpty, "finish() with open elements: \(openElements.joined(separator: "/"))")
        return output
    }

    /// The text written since the last `take()` (the first time, from the XML declaration on),
    /// for a document written out in parts: the parts, concatenated, are the document.
    public mutating func take() -> String {
        defer { output.removeAll(keepingCapacity: true) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Checks a start tag before anything is written, so a refused value changes nothing:
    /// the names (a mistake of the calling code stops the program) and the attribute values,
    /// returned escaped.
    private func checkedStartTag(_ name: String, attributes: [(String, String)]) throws(XMLWriterError) -> [String] {
        precondition(Self.isName(name), "\"\(name)\" is not an XML name")
        precondition(openElements.isEmpty == false || !rootIsWritten, "a document has exactly one root element")
        guard !attributes.isEmpty else { return [] }
        var values: [String] = []
        values.reserveCapacity(attributes.count)
        for (index, (attribute, value)) in attributes.enumerated() {
            precondition(Self.isName(attribute), "\"\(attribute)\" is not an XML name")
            // A handful of attributes at most: a linear look back beats building a set.
            precondition(
                !attributes[..<index].contains { $0.0 == attribute }, "attribute \(attribute) given twice on <\(name)>")
            values.append(try Self.escapedAttribute(value, elementPath: path(appending: name), attribute: attribute))
        }
        return values
    }

    /// Writes `<name attributes` (indented), with the values `checkedStartTag` escaped.
    private mutating func writeStartTag(_ name: String, attributes: [(String, String)], values: [String]) {
        writeIndentation(depth: openElements.count)
        output.append(UInt8(ascii: "<"))
        append(name)
        // Most elements have no attribute: no zip of two empty arrays for them.
        guard !attributes.isEmpty else { return }
        for ((attribute, _), value) in zip(attributes, values) {
            output.append(UInt8(ascii: " "))
            append(attribute)
            append(UInt8(ascii: "="), UInt8(ascii: "\""))
            append(value)
            output.append(UInt8(ascii: "\""))
        }
    }

    /// Ends the parent's start tag, if still open, because a child follows.
    private mutating func beginChild() {
        if startTagIsOpen {
            append(UInt8(ascii: ">"), UInt8(ascii: "\n"))
            startTagIsOpen = false
        }
        if openElements.isEmpty {
            rootIsWritten = true
        }
    }

    private mutating func writeIndentation(depth: Int) {
        let count = depth * indent
        guard count <= Self.spaces.count else {
            return output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }
        // From a run of spaces made once: appending a generic repetition cost more than the tag.
        Self.spaces.withUnsafeBufferPointer { output.append(contentsOf: $0[..<count]) }
    }

    /// Spaces for the indentation of all but absurdly deep documents.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    /// Appends two markup bytes: cheaper than appending a two-character literal's UTF-8.
    private mutating func append(_ first: UInt8, _ second: UInt8) {
        output.append(first)
        output.append(second)
    }

    /// Appends three markup bytes.
    private mutating func append(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
        output.append(first)
        output.append(second)
        output.append(third)
    }

    private mutating func append(_ text: String) {
        // From the string's contiguous UTF-8 where it has it (native and small strings), not
        // through the generic sequence path that `append(contentsOf: text.utf8)` takes.
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { output.append(contentsOf: $0) }
        if appended == nil {
            var text = text
            text.withUTF8 { output.append(contentsOf: $0) }
        }
    }

    private func path(appending name: String) -> String {
        (openElements + [name]).joined(separator: "/")
    }
}
