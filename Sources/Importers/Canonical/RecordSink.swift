/// Collects the records of one file into a batch: master data by kind, source documents whole,
/// and counts what it refused, so every file syntax shares one path from record to batch.
struct RecordSink {
    private var masterData = MasterDataDecoder()
    private var documents = SourceDocumentDecoder()
    /// First lines of the records refused so far, including those refused by the file's syntax.
    private var rejectedLines: Set<Int> = []

    /// Adds one record. A source document record is an item row (CSV) unless it has item children (XML).
    mutating func add(_ record: FieldRecord, as kind: RecordKind, diagnostics: inout [ImportDiagnostic]) {
        guard kind != .sourceDocument else {
            if record.children.isEmpty && record.field("item_number") != nil {
                documents.addRow(record)
            } else {
                documents.addDocument(record)
            }
            return
        }
        do {
            try masterData.add(record, as: kind)
        } catch {
            diagnostics.append(error)
            rejectedLines.insert(record.line)
        }
    }

    /// Notes a record refused before decoding (bad syntax, schema errors), by its first line.
    mutating func refuse(line: Int) {
        rejectedLines.insert(line)
    }

    /// Moves everything decoded into `batch`; returns the first lines of the refused records.
    mutating func finish(into batch: inout ImportBatch) -> Set<Int> {
        batch.documents += documents.finish()
        batch.diagnostics += documents.diagnostics
        batch.masterData.append(masterData.finish())
        return rejectedLines.union(documents.rejectedLines)
    }
}
