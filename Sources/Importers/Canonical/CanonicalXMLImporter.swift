internal import XMLSupport

/// Reads a canonical XML file (`MasterData` or `SourceDocuments`) in one streaming pass after
/// validating it against its XSD; records on lines with validity errors are refused, the rest kept.
struct CanonicalXMLImporter {
    let path: String
    let schemas: SchemaCatalog

    func read(into batch: inout ImportBatch) {
        let root: (name: String, namespace: String?)
        do {
            root = try Self.rootElement(path: path)
        } catch {
            batch.diagnostics.append(Self.diagnostic(error))
            batch.files.append(.init(path: path, content: "unreadable XML", records: 0, refused: 0))
            return
        }
        guard let format = CanonicalFormat(rootElement: root.name, namespace: root.namespace), format.isImportable
        else {
            batch.diagnostics.append(
                ImportDiagnostic(
                    file: path, line: 1, column: 1,
                    message:
                        "root element <\(root.name)> in namespace \(root.namespace ?? "none") is not an importable canonical format (MasterData, SourceDocuments in their urn:invoicerun namespaces)"
                ))
            batch.files.append(.init(path: path, content: "unknown XML", records: 0, refused: 0))
            return
        }
        let validity: [XMLDiagnostic]
        do {
            validity = try schemas.schema(for: format).validate(path: path)
        } catch {
            batch.diagnostics.append(Self.diagnostic(error))
            return
        }
        if validity.contains(where: { $0.severity == .fatal }) {
            // Not well-formed: no record of it can be trusted.
            batch.diagnostics += validity.map(Self.diagnostic)
            batch.files.append(.init(path: path, content: format.rootElement, records: 0, refused: 0))
            return
        }
        batch.diagnostics += validity.map(Self.diagnostic)
        let errorLines = Set(validity.map(\.line))
        var masterData = MasterDataDecoder()
        var documents = SourceDocumentDecoder()
        var records = 0
        var refused = 0
        do {
            let reader = try XMLStreamReader(path: path)
            for result in RecordWalker(reader: reader, file: path) {
                let (record, kind, lines) = try result.get()
                records += 1
                if errorLines.contains(where: lines.contains) {
                    refused += 1
                    continue
                }
                if kind == .sourceDocument {
                    documents.addDocument(record)
                } else {
                    do {
                        try masterData.add(record, as: kind)
                    } catch {
                        batch.diagnostics.append(error)
                        refused += 1
                    }
                }
            }
        } catch {
            batch.diagnostics.append(Self.diagnostic(error))
        }
        batch.documents += documents.finish()
        batch.diagnostics += documents.diagnostics
        refused += documents.diagnostics.count
        batch.masterData.append(masterData.finish())
        batch.files.append(.init(path: path, content: format.rootElement, records: records, refused: refused))
    }

    /// The local name and namespace of the document element, read without validating.
    static func rootElement(path: String) throws(XMLDiagnostic) -> (name: String, namespace: String?) {
        let reader = try XMLStreamReader(path: path)
        while try reader.read() {
            if reader.kind == .element { return (reader.localName, reader.namespaceURI) }
        }
        throw XMLDiagnostic(file: path, line: 1, column: 1, message: "the document has no root element")
    }

    static func diagnostic(_ error: XMLDiagnostic) -> ImportDiagnostic {
        ImportDiagnostic(
            file: error.file, line: error.line, column: error.column,
            severity: error.severity == .warning ? .warning : .error, message: error.message)
    }
}
