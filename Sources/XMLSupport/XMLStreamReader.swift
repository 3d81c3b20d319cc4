internal import CLibXML2

/// A streaming, hardened reader over one XML document (libxml2 xmlTextReader). Not Sendable; one per thread.
///
/// The document is parsed with `XML_PARSE_NONET` and nothing that loads or substitutes entities;
/// a DOCTYPE is refused before the parser sees it (see ``PrologScanner``), external resources go
/// through the hardened loader, and ``XMLLimits`` bound depth and text size. Errors are thrown as
/// ``XMLDiagnostic`` values with the position libxml2 reports; after the first error or fatal
/// error every further ``read()`` throws the same diagnostic.
///
/// Positions of nodes come from libxml2, which keeps a line but no column per node: ``line`` is
/// exact for start tags and ``column`` is 0 (unknown). Diagnostics libxml2 raises itself (all
/// well-formedness and encoding errors) carry an exact line and column.
public final class XMLStreamReader {
    /// Parser options: `XML_PARSE_NONET` forbids network access, `XML_PARSE_BIG_LINES` keeps line
    /// numbers of text nodes beyond 65,535 right. Deliberately absent: `NOENT`, `DTDLOAD`,
    /// `DTDATTR`, `DTDVALID` (they load or expand entities) and `HUGE` (it lifts libxml2's limits).
    static let parserOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    let reader: OpaquePointer
    let input: DocumentInput
    let collector: DiagnosticCollector
    let limits: XMLLimits
    /// Kept alive here because libxml2 borrows the compiled schema for as long as the reader validates.
    private let schema: XMLSchema?
    /// Whether validity errors are thrown (reading) or only collected (``XMLSchema/validate(path:)``).
    private let throwsValidityErrors: Bool
    private var failure: XMLDiagnostic?

    /// Opens the document at `path`; throws if the file cannot be opened.
    ///
    /// Errors inside the document, including a refused DOCTYPE, are thrown by ``read()``.
    public convenience init(path: String, schema: XMLSchema? = nil, limits: XMLLimits = .init()) throws(XMLDiagnostic) {
        try self.init(input: DocumentInput(path: path), schema: schema, limits: limits, throwsValidityErrors: true)
    }

    /// Reads a document held in memory; `fileName` is used in diagnostics and as the base URI.
    ///
    /// The bytes are copied, so the array need not outlive the reader.
    public convenience init(
        bytes: [UInt8], fileName: String, schema: XMLSchema? = nil, limits: XMLLimits = .init()
    ) throws(XMLDiagnostic) {
        try self.init(
            input: DocumentInput(bytes: bytes, fileName: fileName), schema: schema, limits: limits,
            throwsValidityErrors: true)
    }

    /// Opens the document at `path` and validates it against `schema` while it is read, collecting
    /// validity errors in ``diagnostics`` instead of throwing them (well-formedness errors still
    /// throw), so a caller can refuse just the records they fall in, in a single pass.
    public convenience init(
        path: String, collectingValidityErrorsAgainst schema: XMLSchema, limits: XMLLimits = .init()
    ) throws(XMLDiagnostic) {
        try self.init(input: DocumentInput(path: path), schema: schema, limits: limits, throwsValidityErrors: false)
    }

    init(input: DocumentInput, schema: XMLSchema?, limits: XMLLimits, throwsValidityErrors: Bool) throws(XMLDiagnostic)
    {
        XMLLibrary.initialize()
        let collector = DiagnosticCollector(fileName: input.fileName)
        let created = collector.capturingThreadErrors {
            xmlReaderForIO(DocumentInput.readCallback, nil, input.context, input.fileName, nil, Self.parserOptions)
        }
        guard let created else {
            throw input.refusal ?? collector.firstError(from: 0)
                ?? XMLDiagnostic(
                    file: input.fileName, line: 0, column: 0, severity: .fatal, message: "cannot create an XML reader",
                    code: .unreadableFile)
        }
        // Before the schema: libxml2 hands this handler on to the validation context it creates.
        xmlTextReaderSetStructuredErrorHandler(created, DiagnosticCollector.structuredHandler, collector.context)
        if let schema, xmlTextReaderSetSchema(created, schema.pointer) != 0 {
            xmlFreeTextReader(created)
            throw XMLDiagnostic(
                file: input.fileName, line: 0, column: 0, severity: .fatal,
                message: "cannot attach the schema to the reader",
                code: .invalidSchema)
        }
        self.reader = created
        self.input = input
        self.collector = collector
        self.limits = limits
        self.schema = schema
        self.throwsValidityErrors = throwsValidityErrors
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// All diagnostics seen so far, including warnings.
    public var diagnostics: [XMLDiagnostic] { collector.diagnostics }

    /// Advances to the next node; false at the end of the document. Throws the first error (well-formedness, encoding, limits, or schema validity when a schema is set) with file/line/column.
    public func read() throws(XMLDiagnostic) -> Bool {
        if let failure { throw failure }
        let start = collector.diagnostics.count
        let result: Int32
        if schema == nil {
            // No thread-wide handler swap (it costs about as much as libxml2's work per node):
            // the reader's own handler receives every error, and init left this thread silenced.
            result = xmlTextReaderRead(reader)
        } else {
            // Attaching a schema splices validation into the parser's SAX handler, and the
            // spliced handler drops the reader's error handler: well-formedness errors then
            // only reach the thread-wide channel.
            result = collector.capturingThreadErrors { xmlTextReaderRead(reader) }
        }
        if let refusal = input.refusal {
            // What libxml2 says about the cut-off input is noise next to the reason for the cut.
            collector.removeDiagnostics(from: start)
            throw fail(refusal)
        }
        if result < 0 {
            // In collecting mode validity errors may come first; the fatal one is why it stopped.
            let fatal = collector.diagnostics[start...].first { $0.severity == .fatal }
            guard let error = fatal ?? collector.firstError(from: start) else {
                throw fail(diagnostic(severity: .fatal, "the XML reader failed without a message", code: .unspecified))
            }
            throw fail(explained(error), recorded: true)
        }
        if throwsValidityErrors, let error = collector.firstError(from: start) {
            throw fail(error, recorded: true)
        }
        guard result == 1 else { return false }
        try checkLimits()
        return true
    }

    /// Throws when the current node breaks a rule that libxml2 itself does not enforce.
    private func checkLimits() throws(XMLDiagnostic) {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            // Only reachable if the prolog check missed an exotic encoding; refuse all the same.
            throw fail(diagnostic(severity: .fatal, "DOCTYPE declarations are not allowed", code: .doctypeNotAllowed))
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            if depth >= limits.maxDepth {
                throw fail(
                    diagnostic(
                        severity: .fatal, "elements are nested deeper than the limit of \(limits.maxDepth) levels",
                        code: .depthLimitExceeded))
            }
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            if let value = xmlTextReaderConstValue(reader), Int(xmlStrlen(value)) > limits.maxTextLength {
                throw fail(
                    diagnostic(
                        severity: .fatal, "text is longer than the limit of \(limits.maxTextLength) bytes",
                        code: .textLimitExceeded))
            }
        default:
            break
        }
    }

    /// Replaces libxml2 messages that mislead: its reader reports a file that stops inside an
    /// element as "Extra content at the end of the document", which sends users looking for the
    /// wrong problem.
    private func explained(_ error: XMLDiagnostic) -> XMLDiagnostic {
        guard error.code == .libxml2(Int(XML_ERR_DOCUMENT_END.rawValue)), let open = innermostOpenElement() else {
            return error
        }
        var truncated = error
        truncated.message = "the document ends inside <\(open)>; the file may be truncated"
        truncated.code = .truncatedDocument
        collector.replace(error, with: truncated)
        return truncated
    }

    /// The name of the deepest element whose end tag has not been read, if any.
    private func innermostOpenElement() -> String? {
        guard var node = xmlTextReaderCurrentNode(reader) else { return nil }
        let isOpen = kind == .element && !isEmptyElement
        if !isOpen {
            guard let parent = node.pointee.parent else { return nil }
            node = parent
        }
        guard node.pointee.type == XML_ELEMENT_NODE else { return nil }
        return qualifiedName(of: node)
    }

    private func qualifiedName(of node: xmlNodePtr) -> String {
        let local = node.pointee.name.map { String(cString: $0) } ?? ""
        guard let prefix = node.pointee.ns?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }

    /// Remembers `diagnostic` as the reason the reader stopped, and returns it for throwing.
    private func fail(_ diagnostic: XMLDiagnostic, recorded: Bool = false) -> XMLDiagnostic {
        if !recorded { collector.append(diagnostic) }
        failure = diagnostic
        return diagnostic
    }

    /// A diagnostic at the current node.
    func diagnostic(severity: XMLDiagnostic.Severity = .error, _ message: String, code: XMLDiagnostic.Code)
        -> XMLDiagnostic
    {
        XMLDiagnostic(
            file: input.fileName, line: line, column: column, severity: severity, message: message, code: code)
    }
}

/// A reader wraps one libxml2 parser, which must not be used from two threads at once.
@available(*, unavailable)
extension XMLStreamReader: Sendable {}
