internal import InvoicingCore

/// Collects the records of one file: master data by kind into the batch, source documents
/// handed on one by one as each is complete, and the lines of what it refused, so every file
/// syntax shares one path from record to store.
struct RecordSink {
    private var masterData = MasterDataDecoder()
    private var documents = SourceDocumentDecoder()
    /// First lines of the records refused so far, including those refused by the file's syntax.
    private var rejectedLines: Set<Int> = []
    /// Receives each document as soon as it is complete; without it, documents are collected
    /// in the batch (small inputs, tests, fuzzing).
    private let deliver: DocumentHandler?
    /// Documents collected when there is no handler.
    private var collected: [SourceDocumentDecoder.Decoded] = []

    init(deliver: DocumentHandler? = nil) {
        self.deliver = deliver
    }

    /// Adds one record. A source document record is an item row (CSV) unless it has item children (XML).
    mutating func add(_ record: FieldRecord, as kind: RecordKind, diagnostics: inout [ImportDiagnostic]) {
        guard kind != .sourceDocument else {
            if record.children.isEmpty && record.field(SourceDocumentDecoder.Key.itemNumber) != nil {
                documents.addRow(record)
            } else {
                documents.addDocument(record)
            }
            handOn()
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

    /// Hands on the last document, moves the rest into `batch`; returns the first lines of the
    /// refused records.
    mutating func finish(into batch: inout ImportBatch) -> Set<Int> {
        documents.finish()
        handOn()
        batch.documents += collected
        collected = []
        batch.diagnostics += documents.diagnostics
        batch.masterData.append(masterData.finish())
        batch.milestoneConfirmationSites += masterData.milestoneConfirmationSites
        return rejectedLines.union(documents.rejectedLines)
    }

    private mutating func handOn() {
        for event in documents.takeEvents() {
            if let deliver {
                deliver(event)
                continue
            }
            switch event {
            case .document(let decoded): collected.append(decoded)
            case .withdrawn(let id): collected.removeAll { $0.document.id == id }
            }
        }
    }
}

/// Receives source documents as an importer completes them, to store them while the file is
/// still being read.
public typealias DocumentHandler = (SourceDocumentDecoder.Event) -> Void
