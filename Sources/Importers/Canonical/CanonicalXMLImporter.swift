internal import XMLSupport

/// Reads a canonical XML file (`MasterData` or `SourceDocuments`) in one streaming pass after
/// validating it against its XSD; records on lines with validity errors are refused, the rest kept.
struct CanonicalXMLImporter {
    let path: String
    let schemas: SchemaCatalog
    /// Receives each source document as soon as it is complete (see `RecordSink`).
    var deliver: DocumentHandler? = nil

    func read(into batch: inout ImportBatch) {
        let root: (name: String, namespace: String?)
        do throws(XMLDiagnostic) {
            guard let found = try CanonicalFormat.rootElement(ofFile: path) else {
                throw XMLDiagnostic(file: path, line: 1, column: 1, message: "the document has no root element")
            }
            root = found
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
        // One pass: the reader validates as it goes and collects validity errors, and a record
        // is refused when one falls on its lines. Records go to a scratch batch first, kept only
        // if the file turns out well-formed to its end (documents already handed on are then
        // taken back by the caller: the file is refused whole).
        let reader: XMLEventReader
        do {
            reader = try XMLEventReader(path: path, collectingValidityErrorsAgainst: try schemas.schema(for: format))
        } catch {
            batch.diagnostics.append(Self.diagnostic(error))
            batch.files.append(.refused(path, format.rootElement))
            return
        }
        var file = ImportBatch()
        let result = Self.decodeRecords(reader, file: path, into: &file, deliver: deliver)
        let validity = reader.diagnostics.filter { $0.severity != .warning }.map(Self.diagnostic)
        if let fatal = result.fatal {
            // Not well-formed: no record of it can be trusted.
            batch.diagnostics += validity.filter { $0 != fatal } + [fatal]
            batch.files.append(.refused(path, format.rootElement))
            return
        }
        batch.diagnostics += validity
        file.files = [
            .init(path: path, content: format.rootElement, records: result.records, rejectedLines: result.rejected)
        ]
        batch.append(file)
    }

    /// Decodes every record `reader` yields into `batch`, refusing records on whose lines the
    /// reader collected a validity error; stops at the first well-formedness error (`fatal`).
    static func decodeRecords(
        _ reader: XMLEventReader, file: String, into batch: inout ImportBatch, deliver: DocumentHandler? = nil
    ) -> (records: Int, rejected: Set<Int>, fatal: ImportDiagnostic?) {
        var errorLines = Set<Int>()
        var seen = 0
        var sink = RecordSink(deliver: deliver)
        var records = 0
        var assembler = RecordAssembler(file: file)
        var diagnostics: [ImportDiagnostic] = []
        // A record is taken once the next one starts (or the document ends): by then the
        // validator has reported every error inside it.
        var pending: (record: FieldRecord, kind: RecordKind, lines: ClosedRange<Int>)?
        func take() {
            guard let (record, kind, lines) = pending else { return }
            pending = nil
            records += 1
            let collected = reader.diagnostics
            for diagnostic in collected[seen...] where diagnostic.severity != .warning {
                errorLines.insert(diagnostic.line)
            }
            seen = collected.count
            if errorLines.contains(where: lines.contains) {
                sink.refuse(line: lines.lowerBound)
            } else {
                sink.add(record, as: kind, diagnostics: &diagnostics)
            }
        }
        var problem: XMLDiagnostic?
        let fatal = reader.parse { event in
            do throws(XMLDiagnostic) {
                if case .start(_, _, 1, _, _) = event { take() }
                if let complete = try assembler.add(event) { pending = complete }
                return true
            } catch {
                problem = error
                return false
            }
        }
        if let failure = problem ?? fatal {
            batch.diagnostics += diagnostics
            return (records, sink.finish(into: &batch), diagnostic(failure))
        }
        take()
        batch.diagnostics += diagnostics
        return (records, sink.finish(into: &batch), nil)
    }

    static func diagnostic(_ error: XMLDiagnostic) -> ImportDiagnostic {
        ImportDiagnostic(
            file: error.file, line: error.line, column: error.column,
            severity: error.severity == .warning ? .warning : .error, message: error.message)
    }
}
