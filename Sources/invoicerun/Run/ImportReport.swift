import Foundation
import Importers
import InvoiceStore
import InvoicingCore

/// What an import stored and what it refused.
struct ImportReport {
    struct File: Encodable {
        var file: String
        var sha256: String
        var content: String
        var records: Int
        var refused: Int
    }

    var files: [File] = []
    var diagnostics: [ImportDiagnostic] = []
    var masterDataRecords = 0
    var configuration: String?
    var documentsImported = 0

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

extension ImportReport {
    /// Reads `paths`, stores what is good in dependency order (configuration, master data, then
    /// documents whose account and company code exist), and reports the rest.
    static func importing(_ paths: [String], into store: InvoiceStore, importer: InputImporter) throws -> ImportReport {
        let batch = importer.read(paths)
        var report = ImportReport()
        report.diagnostics = batch.diagnostics
        if let configuration = batch.configuration {
            try store.saveConfiguration(json: configuration.json, sourceFile: configuration.file)
            report.configuration = configuration.file
        }
        if batch.masterData.count > 0 { try store.save(batch.masterData) }
        report.masterDataRecords = batch.masterData.count
        let masterData = try store.loadMasterData()
        var accepted: [(SourceDocument, InvoiceStore.DocumentOrigin)] = []
        for decoded in batch.documents {
            if let problem = DocumentReferenceCheck.problem(decoded.document, masterData: masterData) {
                report.diagnostics.append(
                    ImportDiagnostic(
                        file: decoded.file, line: decoded.line, column: 1, field: problem.field,
                        message: "document \(decoded.document.id) refused: \(problem.message)"))
            } else {
                accepted.append((decoded.document, .init(file: decoded.file, line: decoded.line)))
            }
        }
        let result = try store.importDocuments(accepted)
        report.documentsImported = result.imported.count
        for refusal in result.refused {
            report.diagnostics.append(
                ImportDiagnostic(
                    file: refusal.origin.file, line: refusal.origin.line, column: 1, field: "document_id",
                    message: refusal.message))
        }
        for file in batch.files {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file.path))) ?? Data()
            report.files.append(
                File(
                    file: file.path, sha256: OutputFolder.sha256(bytes), content: file.content, records: file.records,
                    refused: file.refused))
        }
        return report
    }
}
