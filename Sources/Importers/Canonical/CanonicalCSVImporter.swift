internal import InvoicingCore

/// Reads a canonical CSV file: one record kind per file, recognised by its header; one record
/// per row (source documents: one row per item).
struct CanonicalCSVImporter {
    let path: String

    func read(into batch: inout ImportBatch) {
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            batch.diagnostics.append(Self.diagnostic(error))
            batch.files.append(.init(path: path, content: "unreadable CSV", records: 0, refused: 0))
            return
        }
        guard let kind = RecordKind.detect(header: reader.header) else {
            let expected = RecordKind.allCases.map { "\($0.rawValue) (\($0.signature.joined(separator: ", ")))" }
            batch.diagnostics.append(
                ImportDiagnostic(
                    file: path, line: 1, column: 1,
                    message:
                        "cannot tell what this CSV holds from its header; expected the columns of one of: \(expected.joined(separator: "; "))"
                ))
            batch.files.append(.init(path: path, content: "unknown CSV layout", records: 0, refused: 0))
            return
        }
        let names = reader.header
        var masterData = MasterDataDecoder()
        var documents = SourceDocumentDecoder()
        var rows = 0
        var refused = 0
        while true {
            let row: CSVRow?
            do {
                row = try reader.next()
            } catch {
                batch.diagnostics.append(Self.diagnostic(error))
                refused += 1
                if case .raggedRow = error.code { continue }  // the row is consumed; the rest is readable
                break
            }
            guard let row else { break }
            rows += 1
            var record = FieldRecord(file: path, line: row.line)
            for (index, name) in names.enumerated() {
                record.set(
                    name, .init(value: row.fields[index], line: row.line(ofField: index), column: row.columns[index]))
            }
            if kind == .sourceDocument {
                documents.addRow(record)
            } else {
                do {
                    try masterData.add(record, as: kind)
                } catch {
                    batch.diagnostics.append(error)
                    refused += 1
                }
            }
        }
        if kind == .sourceDocument {
            let decoded = documents.finish()
            batch.documents += decoded
            batch.diagnostics += documents.diagnostics
            refused += documents.diagnostics.count
        } else {
            batch.masterData.append(masterData.finish())
        }
        batch.files.append(.init(path: path, content: kind.rawValue, records: rows, refused: refused))
    }

    static func diagnostic(_ error: CSVError) -> ImportDiagnostic {
        ImportDiagnostic(file: error.file, line: error.line, column: error.column, message: error.message)
    }
}

extension MasterDataBatch {
    /// Appends every record of `other`.
    mutating func append(_ other: MasterDataBatch) {
        companyCodes += other.companyCodes
        paymentTerms += other.paymentTerms
        accounts += other.accounts
        materials += other.materials
        taxCodes += other.taxCodes
        taxDetermination += other.taxDetermination
        accountDetermination += other.accountDetermination
        priceConditions += other.priceConditions
    }
}
