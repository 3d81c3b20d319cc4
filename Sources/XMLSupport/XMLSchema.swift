internal import CLibXML2

/// A compiled XSD (xmlSchemaPtr). Immutable after load, shareable across threads; each validation uses its own validation context.
///
/// Loading a schema trusts its directory tree: the hardened loader lets `xs:include` and
/// `xs:import` open files there (and only there) from then on, for the life of the process.
public final class XMLSchema: @unchecked Sendable {
    // libxml2 documents a parsed xmlSchema as read-only during validation, which is what makes
    // sharing it between threads safe; every validation gets its own validation context.
    let pointer: xmlSchemaPtr

    /// The path the schema was loaded from, as given.
    public let path: String

    /// Loads and compiles the XSD at `path`; the XSD may xs:include/xs:import other XSDs in its own directory tree (allowed); nothing else is loaded.
    public init(path: String) throws(XMLDiagnostic) {
        XMLLibrary.initialize()
        guard let realPath = HardenedEntityLoader.realPath(path) else {
            throw XMLDiagnostic(
                file: path, line: 0, column: 0, severity: .fatal, message: "cannot open schema file",
                code: .unreadableFile)
        }
        HardenedEntityLoader.trust(directory: Self.directory(of: realPath))
        let collector = DiagnosticCollector(fileName: path)
        let schema = collector.capturingThreadErrors { () -> xmlSchemaPtr? in
            guard let context = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, DiagnosticCollector.structuredHandler, collector.context)
            return xmlSchemaParse(context)
        }
        if let error = collector.firstError(from: 0) {
            if let schema { xmlSchemaFree(schema) }
            throw error
        }
        guard let schema else {
            throw XMLDiagnostic(
                file: path, line: 0, column: 0, severity: .fatal, message: "cannot compile the schema",
                code: .invalidSchema)
        }
        self.pointer = schema
        self.path = path
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    /// Validates a whole document in a streaming pass (never builds a tree); returns every error found (empty = valid). Parse errors are diagnostics too.
    public func validate(path: String) -> [XMLDiagnostic] {
        do {
            return try validate(DocumentInput(path: path))
        } catch {
            return [error]
        }
    }

    /// Validates a document held in memory, like ``validate(path:)``; `fileName` names it in diagnostics.
    public func validate(bytes: [UInt8], fileName: String) -> [XMLDiagnostic] {
        validate(DocumentInput(bytes: bytes, fileName: fileName))
    }

    /// Runs the document through a hardened reader, so validation gets the same DOCTYPE refusal
    /// and limits as reading, and collects instead of stopping at the first validity error.
    private func validate(_ input: DocumentInput) -> [XMLDiagnostic] {
        let reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(input: input, schema: self, limits: XMLLimits(), throwsValidityErrors: false)
        } catch {
            return [error]
        }
        do {
            while try reader.read() {}
        } catch {
            // The reader has already recorded the error that stopped it among its diagnostics.
        }
        return reader.diagnostics.filter { $0.severity != .warning }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
