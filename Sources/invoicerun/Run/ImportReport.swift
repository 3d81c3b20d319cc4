import Foundation
import Importers
import InvoiceStore
import InvoicingCore

/// What an import stored and what it refused, per file.
struct ImportReport {
    /// One input file as the manifest records it.
    struct File: Encodable {
        var file: String
        var sha256: String
        var content: String
        var records: Int
        var refused: Int
        var refusedWhole: Bool
    }

    var files: [File] = []
    /// Each file's summary, with the lines of every refused record, for the rejects files.
    var summaries: [ImportBatch.FileSummary] = []
    var diagnostics: [ImportDiagnostic] = []
    var masterDataRecords = 0
    var configuration: String?
    var documentsImported = 0

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

extension ImportReport {
    /// Reads `paths`, stores what is good in dependency order (configuration, master data, then
    /// documents whose account and company code exist), and reports the rest.
    ///
    /// - Parameter allOrNothing: a file with any refused record is refused whole.
    static func importing(
        _ paths: [String], into store: InvoiceStore, importer: InputImporter, allOrNothing: Bool = false
    ) throws -> ImportReport {
        let batch = importer.read(paths, allOrNothing: allOrNothing)
        var report = ImportReport()
        report.diagnostics = batch.diagnostics
        report.summaries = batch.files
        if let configuration = batch.configuration {
            try store.saveConfiguration(json: configuration.json, sourceFile: configuration.file)
            report.configuration = configuration.file
        }
        if batch.masterData.count > 0 { try store.save(batch.masterData) }
        report.masterDataRecords = batch.masterData.count
        let masterData = try store.loadMasterData()
        // Documents go in file by file: each file is one transaction, so all-or-nothing holds per file.
        var files: [String] = []
        var documentsByFile: [String: [SourceDocumentDecoder.Decoded]] = [:]
        for decoded in batch.documents {
            if documentsByFile[decoded.file] == nil { files.append(decoded.file) }
            documentsByFile[decoded.file, default: []].append(decoded)
        }
        for file in files {
            let documents = documentsByFile[file] ?? []
            var accepted: [SourceDocumentDecoder.Decoded] = []
            var refused: [(SourceDocumentDecoder.Decoded, field: String, message: String)] = []
            for decoded in documents {
                if let problem = DocumentReferenceCheck.problem(decoded.document, masterData: masterData) {
                    refused.append(
                        (decoded, problem.field, "document \(decoded.document.id) refused: \(problem.message)"))
                } else {
                    accepted.append(decoded)
                }
            }
            if allOrNothing && !refused.isEmpty {
                refused += accepted.map {
                    ($0, "document_id", "document \($0.document.id) refused with the rest of its file (all or nothing)")
                }
                accepted = []
            }
            let result = try store.importDocuments(
                accepted.map { ($0.document, .init(file: $0.file, line: $0.line)) }, allOrNothing: allOrNothing)
            report.documentsImported += result.imported.count
            let byID = Dictionary(accepted.map { ($0.document.id, $0) }, uniquingKeysWith: { first, _ in first })
            for refusal in result.refused {
                if let decoded = byID[refusal.document] { refused.append((decoded, "document_id", refusal.message)) }
            }
            for (decoded, field, message) in refused {
                report.diagnostics.append(
                    ImportDiagnostic(
                        file: decoded.file, line: decoded.line, column: 1, field: field, message: message,
                        value: Self.value(of: field, in: decoded.document)))
                report.reject(decoded.lines, in: file, whole: allOrNothing)
            }
        }
        report.files = report.summaries.map { summary in
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: summary.path))) ?? Data()
            return File(
                file: summary.path, sha256: OutputFolder.sha256(bytes), content: summary.content,
                records: summary.records, refused: summary.rejectedWhole ? summary.records : summary.refused,
                refusedWhole: summary.rejectedWhole)
        }
        return report
    }

    /// The document's value of a field a refusal names, for the error report.
    private static func value(of field: String, in document: SourceDocument) -> String {
        switch field {
        case "account": return document.account
        case "company_code": return document.companyCode
        default: return document.id
        }
    }

    /// Marks records of `file` refused after decoding (by the store or the reference check).
    private mutating func reject(_ lines: [Int], in file: String, whole: Bool) {
        guard let index = summaries.firstIndex(where: { $0.path == file }) else { return }
        summaries[index].rejectedLines.formUnion(lines)
        if whole { summaries[index].rejectedWhole = true }
    }
}
