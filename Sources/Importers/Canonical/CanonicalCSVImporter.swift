internal import InvoicingCore

/// Reads a canonical CSV file: one record kind per file, recognised by its header; one record
/// per row (source documents: one row per item).
struct CanonicalCSVImporter {
    let path: String
    /// The file's bytes when they are already in memory (fuzzing); otherwise `path` is read.
    var bytes: [UInt8]? = nil
    /// Receives each source document as soon as it is complete (see `RecordSink`).
    var deliver: DocumentHandler? = nil

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
            batch.files.append(.refused(path, "unreadable CSV"))
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
            batch.files.append(.refused(path, "unknown CSV layout"))
            return
        }
        let keys = reader.header.map { FieldKey($0) }  // once per file, not per row
        let distinct = Set(keys.map(\.normalized)).count == keys.count
        // With distinct names, every row shares one array of field numbers (the canonical
        // columns, in header order); the other columns are kept by name.
        let canonicalColumns = keys.indices.filter { keys[$0].id != nil }
        let ids = canonicalColumns.compactMap { keys[$0].id }
        let otherColumns = keys.indices.filter { keys[$0].id == nil }
        // Every column canonical, each once: a row's cells are the record's values as they are.
        let cellsAreValues = distinct && otherColumns.isEmpty
        var sink = RecordSink(deliver: deliver)
        var diagnostics: [ImportDiagnostic] = []
        let (rows, rejectedFrom) = reader.readRows(into: &sink, diagnostics: &diagnostics) { row, sink, diagnostics in
            func field(_ index: Int) -> FieldRecord.Field { row.cells[index] }
            var record: FieldRecord
            if cellsAreValues {
                record = FieldRecord(file: path, line: row.line, ids: ids, values: row.cells)
            } else if distinct {
                var values: [FieldRecord.Field] = []
                values.reserveCapacity(ids.count)
                for index in canonicalColumns { values.append(field(index)) }
                record = FieldRecord(file: path, line: row.line, ids: ids, values: values)
                for index in otherColumns { record.append(keys[index], field(index)) }
            } else {
                record = FieldRecord(file: path, line: row.line, capacity: keys.count)
                for index in keys.indices { record.set(keys[index], field(index)) }
            }
            sink.add(record, as: kind, diagnostics: &diagnostics)
        }
        batch.diagnostics += diagnostics
        var summary = ImportBatch.FileSummary(
            path: path, content: kind.rawValue, records: rows, rejectedLines: sink.finish(into: &batch))
        summary.rejectedFrom = rejectedFrom
        batch.files.append(summary)
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
        billingPlans += other.billingPlans
        milestonePlans += other.milestonePlans
        milestoneConfirmations += other.milestoneConfirmations
        rebateAgreements += other.rebateAgreements
    }
}
