internal import InvoicingCore

/// Reads a canonical CSV file: one record kind per file, recognised by its header; one record
/// per row (source documents: one row per item).
struct CanonicalCSVImporter {
    let path: String
    /// The file's bytes when they are already in memory (fuzzing); otherwise `path` is read.
    var bytes: [UInt8]? = nil

    func read(into batch: inout ImportBatch) {
        var reader: CSVReader
        do throws(CSVError) {
            if let bytes {
                reader = try CSVReader(bytes: bytes, fileName: path)
            } else {
                reader = try CSVReader(path: path)
            }
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
        var sink = RecordSink()
        var rows = 0
        while true {
            let row: CSVRow?
            do {
                row = try reader.next()
            } catch {
                batch.diagnostics.append(Self.diagnostic(error))
                sink.refuse()
                switch error.code {
                case .raggedRow, .invalidEncoding: continue  // the row is consumed; the rest is readable
                default: break
                }
                break
            }
            guard let row else { break }
            rows += 1
            var record = FieldRecord(file: path, line: row.line)
            for (index, name) in names.enumerated() {
                record.set(
                    name, .init(value: row.fields[index], line: row.line(ofField: index), column: row.columns[index]))
            }
            sink.add(record, as: kind, diagnostics: &batch.diagnostics)
        }
        let refused = sink.finish(into: &batch)
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
