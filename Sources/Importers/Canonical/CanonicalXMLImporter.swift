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
            batch.files.append(.refused(path, "unreadable XML"))
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
            batch.files.append(.refused(path, "unknown XML"))
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
            batch.files.append(.refused(path, format.rootElement))
            return
        }
        batch.diagnostics += validity.map(Self.diagnostic)
        let errorLines = Set(validity.map(\.line))
        let counts: (records: Int, rejected: Set<Int>)
        do {
            counts = Self.decodeRecords(try XMLStreamReader(path: path), file: path, refusing: errorLines, into: &batch)
        } catch {
            batch.diagnostics.append(Self.diagnostic(error))
            batch.files.append(.refused(path, format.rootElement))
            return
        }
        batch.files.append(
            .init(path: path, content: format.rootElement, records: counts.records, rejectedLines: counts.rejected))
    }

    /// Decodes every record `reader` yields into `batch`, skipping records on `errorLines`.
    static func decodeRecords(
        _ reader: XMLStreamReader, file: String, refusing errorLines: Set<Int>, into batch: inout ImportBatch
    ) -> (records: Int, rejected: Set<Int>) {
        var sink = RecordSink()
        var records = 0
        for result in RecordWalker(reader: reader, file: file) {
            let record: FieldRecord
            let kind: RecordKind
            let lines: ClosedRange<Int>
            do {
                (record, kind, lines) = try result.get()
            } catch {
                batch.diagnostics.append(diagnostic(error))
                break
            }
            records += 1
            if errorLines.contains(where: lines.contains) {
                sink.refuse(line: lines.lowerBound)
                continue
            }
            sink.add(record, as: kind, diagnostics: &batch.diagnostics)
        }
        return (records, sink.finish(into: &batch))
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
