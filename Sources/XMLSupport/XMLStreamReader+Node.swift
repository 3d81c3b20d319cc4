internal import CLibXML2

extension XMLStreamReader {
    /// The kind of the current node.
    public var kind: XMLNodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue): .text
        case Int32(XML_READER_TYPE_CDATA.rawValue): .cdata
        case Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            .whitespace
        case Int32(XML_READER_TYPE_COMMENT.rawValue): .comment
        case Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue): .processingInstruction
        default: .other
        }
    }

    /// The local name of the current node (without prefix); libxml2 names text nodes `#text`.
    public var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The qualified name of the current node, with its prefix if it has one.
    public var qualifiedName: String {
        xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
    }

    /// The namespace URI of the current node, or nil if it is in no namespace.
    public var namespaceURI: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    /// The nesting depth of the current node; the root element is at depth 0.
    public var depth: Int {
        Int(xmlTextReaderDepth(reader))
    }

    /// Whether the current node is an empty-element tag such as `<a/>`, which has no end tag.
    public var isEmptyElement: Bool {
        xmlTextReaderIsEmptyElement(reader) == 1
    }

    /// The 1-based line of the current node: for elements and end tags the line of the start tag,
    /// for other nodes the line on which libxml2 finished them.
    public var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = xmlGetLineNo(node)
            // libxml2 stores element lines in 16 bits and saturates at 65535.
            if line > 0 && line < 65535 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// The column of the current node; always 0 (unknown) with libxml2's reader.
    ///
    /// libxml2 keeps a line but no column per node, and its parser reads ahead of the reader by
    /// up to a few kilobytes, so the parser's column (`xmlTextReaderGetParserColumnNumber`) would
    /// point at an unrelated place. Errors libxml2 itself reports do carry exact columns.
    public var column: Int { 0 }

    /// The value of a text, CDATA, whitespace, comment or processing instruction node; nil for elements.
    public var value: String? {
        guard xmlTextReaderHasValue(reader) == 1 else { return nil }
        return xmlTextReaderConstValue(reader).map { String(cString: $0) }
    }

    /// The value of the current element's attribute with qualified name `name`, or nil if absent.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { invoicerun_xmlFree(value) }
        return String(cString: value)
    }

    /// The value of the current element's attribute `localName` in namespace `namespaceURI`, or nil if absent.
    public func attribute(_ localName: String, namespaceURI: String) -> String? {
        guard let value = xmlTextReaderGetAttributeNs(reader, localName, namespaceURI) else { return nil }
        defer { invoicerun_xmlFree(value) }
        return String(cString: value)
    }

    /// The current element with everything in it, as XML text, e.g. to copy a rejected record
    /// into a file of its own; nil when the reader is not on an element. The reader stays where it is.
    public func outerXML() -> String? {
        guard kind == .element, let text = xmlTextReaderReadOuterXml(reader) else { return nil }
        defer { invoicerun_xmlFree(text) }
        return String(cString: text)
    }
}
