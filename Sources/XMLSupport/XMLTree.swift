internal import CLibXML2

/// A small XML document held as a tree, for evaluating XPath on one record at a time (a
/// streaming reader hands out each record's text; the whole file is never a tree).
///
/// Parsed with `XML_PARSE_NONET`, without DTD loading or entity substitution, like every input.
public final class XMLTree {
    let document: xmlDocPtr
    /// The file the record came from, for messages.
    public let fileName: String
    /// Line of the file where the tree's first line stands, so lines refer to the file.
    public let lineOffset: Int

    /// Parses `text`; `firstLine` is the line of the file where `text` starts.
    public init(text: String, fileName: String, firstLine: Int = 1) throws(XMLDiagnostic) {
        XMLLibrary.initialize()
        self.fileName = fileName
        self.lineOffset = firstLine - 1
        let collector = DiagnosticCollector(fileName: fileName)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOBLANKS.rawValue)
        let count = Int32(text.utf8.count)
        guard
            let document = collector.capturingThreadErrors({
                text.withCString { xmlReadMemory($0, count, fileName, "UTF-8", options) }
            })
        else {
            throw collector.diagnostics.first
                ?? XMLDiagnostic(
                    file: fileName, line: firstLine, column: 0, message: "the record is not well-formed XML")
        }
        if document.pointee.intSubset != nil {
            xmlFreeDoc(document)
            throw XMLDiagnostic(
                file: fileName, line: firstLine, column: 0, message: "DOCTYPE declarations are not allowed",
                code: .doctypeNotAllowed)
        }
        self.document = document
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The document element.
    public var root: Node? {
        xmlDocGetRootElement(document).map { Node(pointer: $0, tree: self) }
    }

    /// A node of the tree: the context of an XPath evaluation or one of its results.
    public struct Node {
        let pointer: xmlNodePtr
        let tree: XMLTree

        /// The string value of the node (its text, or the value of an attribute).
        public var text: String {
            guard let content = xmlNodeGetContent(pointer) else { return "" }
            defer { invoicerun_xmlFree(content) }
            return String(cString: content)
        }

        /// The line of the file the node starts on.
        public var line: Int { Int(xmlGetLineNo(pointer)) + tree.lineOffset }
    }

    /// One result of an expression: a node, or the text of a string, number or boolean result.
    public struct Match {
        /// The string value.
        public let text: String
        /// The line of the file it comes from.
        public let line: Int
        /// The node, when the result was a node set.
        public let node: Node?
    }

    /// Evaluates `expression` with `context` as the context node.
    public func select(_ expression: XPathExpression, from context: Node) throws(XMLDiagnostic) -> [Match] {
        guard let xpath = xmlXPathNewContext(document) else {
            throw XMLDiagnostic(file: fileName, line: context.line, column: 0, message: "out of memory")
        }
        defer { xmlXPathFreeContext(xpath) }
        for (prefix, uri) in expression.namespaces { xmlXPathRegisterNs(xpath, prefix, uri) }
        xpath.pointee.node = context.pointer
        let collector = DiagnosticCollector(fileName: fileName)
        guard let result = collector.capturingThreadErrors({ xmlXPathCompiledEval(expression.compiled, xpath) }) else {
            throw XMLDiagnostic(
                file: fileName, line: context.line, column: 0,
                message: "XPath \(expression.text) cannot be evaluated here"
                    + (collector.diagnostics.first.map { ": \($0.message)" } ?? ""),
                code: .invalidXPath)
        }
        defer { xmlXPathFreeObject(result) }
        switch result.pointee.type {
        case XPATH_NODESET:
            guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
                return []
            }
            return (0..<Int(set.pointee.nodeNr)).compactMap { index in
                table[index].map { pointer in
                    let node = Node(pointer: pointer, tree: self)
                    return Match(text: node.text, line: node.line, node: node)
                }
            }
        default:
            guard let text = xmlXPathCastToString(result) else { return [] }
            defer { invoicerun_xmlFree(text) }
            return [Match(text: String(cString: text), line: context.line, node: nil)]
        }
    }
}
