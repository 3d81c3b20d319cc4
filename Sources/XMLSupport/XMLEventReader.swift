internal import CLibXML2

/// A hardened SAX2 reader over one XML document (libxml2's push of events through callbacks),
/// for reading large documents fast: libxml2's SAX2 interface does about half the work of its
/// `xmlTextReader` per node, and this reader hands over only element starts and ends with the
/// text of leaf elements, not every node. Not Sendable; one per thread.
///
/// The same hardening as ``XMLStreamReader``: the bytes go through ``DocumentInput`` (a DOCTYPE is
/// cut off before the parser sees it), `XML_PARSE_NONET`, no entity loading or substitution
/// (an entity other than the five predefined ones is an error), and ``XMLLimits`` on depth and
/// text. With a schema, libxml2's validator is spliced into the event stream (`xmlSchemaSAXPlug`)
/// and its errors are collected, not thrown, so a caller can refuse just the records they fall in.
///
/// Unlike the text reader, every event carries a line *and column*: those just after its start
/// tag, where the element's content (a field's value) begins.
///
/// The parse state is marked `@exclusivity(unchecked)`: libxml2 calls back several times per
/// element, and the runtime's access checks on a class's properties were a tenth of the
/// callbacks' work. The reader is used by one thread, and no callback holds an access to a
/// property across the caller's handler.
public final class XMLEventReader {
    /// What the reader hands over, in document order.
    public enum Event {
        /// A start tag: the element's local name, the namespace (of the root element only), the
        /// depth (root = 0) and the position just after the tag.
        case start(name: Name, namespace: String?, depth: Int, line: Int, column: Int)
        /// An end tag, with the element's text if it had no child elements (else nil).
        case end(name: Name, depth: Int, text: String?, line: Int)
    }

    /// An element's local name, with a number that is the same for every element of that name
    /// in one document, so a caller can keep what it derives from a name in an array.
    public struct Name: Sendable, Hashable {
        /// The local name.
        public let text: String
        /// The name's number in this reader, from 0 in order of first appearance.
        public let id: Int
    }

    /// Names by the address libxml2 interns them at (`xmlDict`): a name read again is looked up
    /// by pointer, in a small direct-mapped table, instead of being made into a string again.
    @exclusivity(unchecked) private var nameSlots = [(pointer: UnsafePointer<xmlChar>?, name: Name)](
        repeating: (nil, Name(text: "", id: -1)), count: 64)
    @exclusivity(unchecked) private var nameCount = 0
    /// The elements whose end tags are still to come, to say where a truncated document stops.
    @exclusivity(unchecked) private var open: [Name] = []
    @exclusivity(unchecked) private var names: [String: Int] = [:]

    private let input: DocumentInput
    private let collector: DiagnosticCollector
    private let limits: XMLLimits
    private let schema: XMLSchema?
    /// Set while `parse` runs: the parser (for positions) and the caller's handler.
    @exclusivity(unchecked) private var parser: xmlParserCtxtPtr?
    @exclusivity(unchecked) private var handler: ((Event) -> Bool)?
    @exclusivity(unchecked) private var depth = -1
    /// Text of the innermost open element, while it has no child elements.
    @exclusivity(unchecked) private var text: [UInt8] = []
    @exclusivity(unchecked) private var textIsLeaf = false
    @exclusivity(unchecked) private var stopped: XMLDiagnostic?
    /// Whether `stopped` is set, tested on every event without copying the diagnostic.
    @exclusivity(unchecked) private var isStopped = false

    /// Opens the document at `path`; with `schema`, validates it while it is read.
    public init(path: String, collectingValidityErrorsAgainst schema: XMLSchema? = nil, limits: XMLLimits = .init())
        throws(XMLDiagnostic)
    {
        XMLLibrary.initialize()
        self.input = try DocumentInput(path: path)
        self.collector = DiagnosticCollector(fileName: path)
        self.limits = limits
        self.schema = schema
    }

    /// Reads a document held in memory (fuzzing, tests); `fileName` names it in diagnostics.
    public init(
        bytes: [UInt8], fileName: String, collectingValidityErrorsAgainst schema: XMLSchema? = nil,
        limits: XMLLimits = .init()
    ) {
        XMLLibrary.initialize()
        self.input = DocumentInput(bytes: bytes, fileName: fileName)
        self.collector = DiagnosticCollector(fileName: fileName)
        self.limits = limits
        self.schema = schema
    }

    /// Every diagnostic so far: validity errors (collected) and the error that stopped the parse.
    public var diagnostics: [XMLDiagnostic] { collector.diagnostics }

    /// Parses the whole document, calling `handler` for each event; `handler` returns false to
    /// stop. Returns the fatal error that ended the document early (not well-formed, refused
    /// DOCTYPE, a limit, unreadable), or nil when it was read to its end or stopped by `handler`.
    public func parse(_ handler: (Event) -> Bool) -> XMLDiagnostic? {
        withoutActuallyEscaping(handler) { handler in
            self.handler = handler
            defer { self.handler = nil }
            return run()
        }
    }

    private func run() -> XMLDiagnostic? {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = Self.startElement
        sax.endElementNs = Self.endElement
        sax.characters = Self.characters
        sax.cdataBlock = Self.characters
        // No `serror`: libxml2 would call it with the parser's user data (this reader, or the
        // validator's plug), not a collector. Errors go to the thread's channel instead, which
        // the parse below points at this reader's collector.
        sax.internalSubset = Self.doctype
        // No getEntity, entityDecl or reference: an entity other than the predefined five is an
        // error, never a lookup.
        var saxPointer: UnsafeMutablePointer<xmlSAXHandler>? = withUnsafeMutablePointer(to: &sax) { $0 }
        var userData: UnsafeMutableRawPointer? = Unmanaged.passUnretained(self).toOpaque()
        var validation: xmlSchemaValidCtxtPtr?
        var plug: xmlSchemaSAXPlugPtr?
        return withExtendedLifetime(sax) { () -> XMLDiagnostic? in
            if let schema {
                validation = xmlSchemaNewValidCtxt(schema.pointer)
                xmlSchemaSetValidStructuredErrors(validation, DiagnosticCollector.structuredHandler, collector.context)
                plug = xmlSchemaSAXPlug(validation, &saxPointer, &userData)
            }
            defer {
                if let plug { xmlSchemaSAXUnplug(plug) }
                if let validation { xmlSchemaFreeValidCtxt(validation) }
            }
            let created = collector.capturingThreadErrors {
                xmlCreateIOParserCtxt(
                    saxPointer, userData, DocumentInput.readCallback, nil, input.context, XML_CHAR_ENCODING_NONE)
            }
            guard let created else {
                return input.refusal
                    ?? XMLDiagnostic(
                        file: input.fileName, line: 0, column: 0, severity: .fatal,
                        message: "cannot create an XML parser", code: .unreadableFile)
            }
            defer { xmlFreeParserCtxt(created) }
            xmlCtxtUseOptions(created, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue))
            // The validator only sees events, not the parser: it asks this locator for lines.
            if let validation {
                xmlSchemaValidateSetLocator(validation, Self.locator, Unmanaged.passUnretained(self).toOpaque())
            }
            parser = created
            defer { parser = nil }
            let start = collector.diagnostics.count
            collector.capturingThreadErrors { _ = xmlParseDocument(created) }
            if let refusal = input.refusal {
                collector.removeDiagnostics(from: start)
                collector.append(refusal)
                return refusal
            }
            if let stopped {
                if stopped.code == .stoppedByCaller { return nil }
                return stopped
            }
            if created.pointee.wellFormed == 0 {
                let error =
                    collector.diagnostics[start...].first { $0.severity == .fatal }
                    ?? collector.firstError(from: start)
                    ?? XMLDiagnostic(
                        file: input.fileName, line: 0, column: 0, severity: .fatal,
                        message: "the document is not well-formed", code: .unspecified)
                return explained(error)
            }
            return nil
        }
    }

    /// libxml2 says "Extra content at the end of the document" or "Premature end of data" where
    /// a file was cut off; naming the element it ends in tells the user what happened.
    private func explained(_ error: XMLDiagnostic) -> XMLDiagnostic {
        let endings = [XML_ERR_DOCUMENT_END, XML_ERR_TAG_NOT_FINISHED].map {
            XMLDiagnostic.Code.libxml2(Int($0.rawValue))
        }
        guard endings.contains(error.code), let innermost = open.last else {
            return error
        }
        var truncated = error
        truncated.message = "the document ends inside <\(innermost.text)>; the file may be truncated"
        truncated.code = .truncatedDocument
        collector.replace(error, with: truncated)
        return truncated
    }

    /// The position libxml2's parser is at: the end of the tag just read.
    private var position: (line: Int, column: Int) {
        guard let parser else { return (0, 0) }
        return (Int(xmlSAX2GetLineNumber(parser)), Int(xmlSAX2GetColumnNumber(parser)))
    }

    /// Stops the parse with `diagnostic` (recorded), or silently when the caller asked.
    private func stop(_ diagnostic: XMLDiagnostic) {
        guard !isStopped else { return }
        isStopped = true
        stopped = diagnostic
        if diagnostic.code != .stoppedByCaller { collector.append(diagnostic) }
        if let parser { xmlStopParser(parser) }
    }

    private func fatal(_ message: String, code: XMLDiagnostic.Code) -> XMLDiagnostic {
        let (line, column) = position
        return XMLDiagnostic(
            file: input.fileName, line: line, column: column, severity: .fatal, message: message, code: code)
    }

    private func started(_ localName: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?) {
        guard !isStopped else { return }
        depth += 1
        textIsLeaf = true
        if !text.isEmpty { text.removeAll(keepingCapacity: true) }
        // libxml2 stops at 256 levels itself, with its own message; a lower limit is ours.
        if depth >= limits.maxDepth && limits.maxDepth < 256 {
            stop(
                fatal(
                    "elements are nested deeper than the limit of \(limits.maxDepth) levels", code: .depthLimitExceeded
                ))
            return
        }
        let name = self.name(localName)
        open.append(name)
        // libxml2 calls back before it consumes the tag's closing `>`: the content starts after it.
        let (line, column) = position
        let event = Event.start(
            name: name, namespace: depth == 0 ? namespace.map { String(cString: $0) } : nil, depth: depth, line: line,
            column: column + 1)
        if handler?(event) == false { stop(fatal("stopped", code: .stoppedByCaller)) }
    }

    private func ended(_ localName: UnsafePointer<xmlChar>?) {
        guard !isStopped else { return }
        let leafText = textIsLeaf ? String(decoding: text, as: UTF8.self) : nil
        textIsLeaf = false
        text.removeAll(keepingCapacity: true)
        let event = Event.end(
            name: open.popLast() ?? name(localName), depth: depth, text: leafText, line: position.line)
        depth -= 1
        if handler?(event) == false { stop(fatal("stopped", code: .stoppedByCaller)) }
    }

    private func received(_ bytes: UnsafePointer<xmlChar>?, count: Int32) {
        guard !isStopped, textIsLeaf, let bytes, count > 0 else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
        if text.count > limits.maxTextLength {
            stop(
                fatal(
                    "text is longer than the limit of \(limits.maxTextLength) bytes", code: .textLimitExceeded))
        }
    }

    private func name(_ pointer: UnsafePointer<xmlChar>?) -> Name {
        // Fibonacci hashing of the address: interned names lie a few bytes apart.
        let address = UInt64(UInt(bitPattern: pointer.map { Int(bitPattern: $0) } ?? 0))
        let slot = Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if nameSlots[slot].pointer == pointer, nameSlots[slot].name.id >= 0 { return nameSlots[slot].name }
        let text = pointer.map { String(cString: $0) } ?? ""
        // A name seen before under another address (a collision evicted it) keeps its number.
        let id = names[text] ?? nameCount
        if id == nameCount {
            names[text] = id
            nameCount += 1
        }
        let name = Name(text: text, id: id)
        nameSlots[slot] = (pointer, name)
        return name
    }

    private static func reader(_ context: UnsafeMutableRawPointer?) -> XMLEventReader? {
        context.map { Unmanaged<XMLEventReader>.fromOpaque($0).takeUnretainedValue() }
    }

    private static let startElement: startElementNsSAX2Func = {
        context, localName, _, namespace, _, _, _, _, _ in
        reader(context)?.started(localName, namespace: namespace)
    }

    private static let endElement: endElementNsSAX2Func = { context, localName, _, _ in
        reader(context)?.ended(localName)
    }

    private static let characters: charactersSAXFunc = { context, bytes, count in
        reader(context)?.received(bytes, count: count)
    }

    private static let locator: xmlSchemaValidityLocatorFunc = { context, file, line in
        guard let reader = reader(context), let parser = reader.parser else { return -1 }
        file?.pointee = nil
        line?.pointee = UInt(xmlSAX2GetLineNumber(parser))
        return 0
    }

    /// Only reachable if the prolog check missed an exotic encoding; refuse all the same.
    private static let doctype: internalSubsetSAXFunc = { context, _, _, _ in
        guard let reader = reader(context) else { return }
        reader.stop(reader.fatal("DOCTYPE declarations are not allowed", code: .doctypeNotAllowed))
    }
}
