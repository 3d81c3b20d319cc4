/// Writes XML text deterministically (same calls → same bytes): UTF-8, `<?xml version="1.0" encoding="UTF-8"?>` header, two-space indentation, elements with only text on one line, escaping of & < > " (and ' in attributes), and rejecting characters not allowed in XML 1.0.
///
/// This is hand-written Swift rather than libxml2's `xmlTextWriter` because output files are
/// compared byte for byte (golden files, re-runs, signatures): every byte here is decided in this
/// file, not by library defaults that can change between libxml2 versions. Writing XML without
/// mixed content is little more than escaping, and building a `String` needs no C round trips.
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
    private var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var openElements: [String] = []
    /// True after `<name attributes` was written and before its `>` or `/>`.
    private var startTagIsOpen = false
    private var rootIsWritten = false
    private let indentUnit: String
    /// The indentation of each depth reached so far, made once.
    private var indentations: [String] = [""]

    /// Creates a writer indenting each level by `indent` spaces.
    public init(indent: Int = 2) {
        precondition(indent >= 0, "indentation cannot be negative")
        indentUnit = String(repeating: " ", count: indent)
    }

    /// Opens an element; its attributes are written in the order given.
    public mutating func startElement(
        _ name: String, attributes: KeyValuePairs<String, String> = [:]
    ) throws(XMLWriterError) {
        try startElement(name, attributes: Array(attributes))
    }

    /// Opens an element with attributes from an array, for attribute lists built at run time.
    public mutating func startElement(_ name: String, attributes: [(String, String)]) throws(XMLWriterError) {
        let tag = try startTag(name, attributes: attributes)
        beginChild()
        output += tag
        openElements.append(name)
        if indentations.count <= openElements.count {
            indentations.append(String(repeating: indentUnit, count: openElements.count))
        }
        startTagIsOpen = true
    }

    /// Closes the most recently opened element.
    public mutating func endElement() {
        guard let name = openElements.popLast() else {
            preconditionFailure("endElement() without an open element")
        }
        if startTagIsOpen {
            output += "/>\n"
            startTagIsOpen = false
        } else {
            output += indentation + "</" + name + ">\n"
        }
    }

    /// Writes `<name>text</name>` on one line.
    public mutating func element(
        _ name: String, _ text: String, attributes: KeyValuePairs<String, String> = [:]
    ) throws(XMLWriterError) {
        try element(name, text, attributes: Array(attributes))
    }

    /// Writes `<name>text</name>` on one line, with attributes from an array.
    public mutating func element(_ name: String, _ text: String, attributes: [(String, String)]) throws(XMLWriterError)
    {
        let tag = try startTag(name, attributes: attributes)
        let escapedText = try Self.escapedText(text, elementPath: path(appending: name))
        beginChild()
        output += tag
        output += ">"
        output += escapedText
        output += "</"
        output += name
        output += ">\n"
    }

    /// Writes `<name attributes/>`.
    public mutating func emptyElement(
        _ name: String, attributes: KeyValuePairs<String, String> = [:]
    ) throws(XMLWriterError) {
        try emptyElement(name, attributes: Array(attributes))
    }

    /// Writes `<name attributes/>`, with attributes from an array.
    public mutating func emptyElement(_ name: String, attributes: [(String, String)]) throws(XMLWriterError) {
        let tag = try startTag(name, attributes: attributes)
        beginChild()
        output += tag + "/>\n"
    }

    /// The finished document, ending with a newline; all elements must be closed.
    public func finish() -> String {
        precondition(rootIsWritten, "finish() before any element was written")
        precondition(openElements.isEmpty, "finish() with open elements: \(openElements.joined(separator: "/"))")
        return output
    }

    /// The text written since the last `take()` (the first time, from the XML declaration on),
    /// for a document written out in parts: the parts, concatenated, are the document.
    public mutating func take() -> String {
        defer { output = "" }
        return output
    }

    /// Builds `<name attributes` (indented) without writing it, so a refused value changes nothing.
    private func startTag(_ name: String, attributes: [(String, String)]) throws(XMLWriterError) -> String {
        precondition(Self.isName(name), "\"\(name)\" is not an XML name")
        precondition(openElements.isEmpty == false || !rootIsWritten, "a document has exactly one root element")
        var tag = indentation(forDepth: openElements.count) + "<" + name
        for (index, (attribute, value)) in attributes.enumerated() {
            precondition(Self.isName(attribute), "\"\(attribute)\" is not an XML name")
            // A handful of attributes at most: a linear look back beats building a set.
            precondition(
                !attributes[..<index].contains { $0.0 == attribute }, "attribute \(attribute) given twice on <\(name)>")
            let escaped = try Self.escapedAttribute(value, elementPath: path(appending: name), attribute: attribute)
            tag += " " + attribute + "=\"" + escaped + "\""
        }
        return tag
    }

    /// Ends the parent's start tag, if still open, because a child follows.
    private mutating func beginChild() {
        if startTagIsOpen {
            output += ">\n"
            startTagIsOpen = false
        }
        if openElements.isEmpty {
            rootIsWritten = true
        }
    }

    private var indentation: String { indentation(forDepth: openElements.count) }

    private func indentation(forDepth depth: Int) -> String {
        depth < indentations.count ? indentations[depth] : String(repeating: indentUnit, count: depth)
    }

    private func path(appending name: String) -> String {
        (openElements + [name]).joined(separator: "/")
    }
}
