internal import GRDB
public import InvoicingCore

/// Stores source documents one at a time inside the transaction of
/// `InvoiceStore.importingDocuments`; valid only while that call runs.
public final class DocumentImportSession {
    private let db: Database
    private let insertDocument: DirectStatement
    private let insertOrder: DirectStatement
    private let previousImport: Statement
    private let deleteDocument: Statement
    private let deleteOrder: Statement
    /// The highest rowid of a source document before this session: only documents above it,
    /// stored by this session, can be withdrawn, never one stored before. (New rows take the
    /// highest rowid plus one; a set of the ids stored took a hash of each and grew with the file.)
    private let lastRowIDBefore: Int64

    init(db: Database) throws {
        self.db = db
        lastRowIDBefore = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM source_document") ?? 0
        // Prepared once per transaction, run per document. A document already stored makes the
        // INSERT do nothing, so the common case costs no lookup; the rare conflict is then read.
        // One row per statement: a statement of several rows may abort half way (the order's
        // foreign key and checks), so SQLite journals every page it touches for it, which cost
        // more in writes than the rows saved.
        insertDocument = try DirectStatement(
            db,
            sql: """
                INSERT INTO source_document
                    (id, category, account, company_code, billing_date, payload, source_file, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                """)
        insertOrder = try DirectStatement(
            db,
            sql: """
                INSERT INTO invoicing_order (source_document_id, category, account, due_date, status)
                VALUES (?, ?, ?, ?, 'open')
                """)
        previousImport = try db.cachedStatement(
            sql: "SELECT source_file, source_line FROM source_document WHERE id = ?")
        deleteOrder = try db.cachedStatement(sql: "DELETE FROM invoicing_order WHERE source_document_id = ?")
        deleteDocument = try db.cachedStatement(sql: "DELETE FROM source_document WHERE id = ?")
    }

    /// Stores `document` with an open invoicing order; returns why not if its id is stored already.
    public func insert(
        _ document: SourceDocument, origin: InvoiceStore.DocumentOrigin
    ) throws -> DocumentImportResult.Refusal? {
        try insert(EncodedSourceDocument(document, origin: origin))
    }

    /// Stores a document encoded beforehand (on another thread, say) with an open invoicing
    /// order; returns why not if its id is stored already.
    public func insert(_ encoded: EncodedSourceDocument) throws -> DocumentImportResult.Refusal? {
        let columns = encoded.columns
        let stored = try encoded.bytes.withUnsafeBufferPointer { buffer throws -> Bool in
            // Bound where they lie, without a copy: SQLite copies a transient text into memory
            // of its own on every bind, which cost as much as the payload's writing.
            func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: buffer[range])
            }
            try insertDocument.execute { row in
                row.text(borrowing: text(columns.id))
                row.text(borrowing: text(columns.category))
                row.text(borrowing: text(columns.account))
                row.text(borrowing: text(columns.companyCode))
                row.text(borrowing: text(columns.billingDate))
                row.text(borrowing: text(columns.payload))
                row.text(borrowing: text(columns.file))
                row.integer(encoded.line)
            }
            guard insertDocument.changes == 1 else { return false }
            try insertOrder.execute { row in
                row.text(borrowing: text(columns.id))
                row.text(borrowing: text(columns.category))
                row.text(borrowing: text(columns.account))
                row.text(borrowing: text(columns.billingDate))
            }
            return true
        }
        guard stored else {
            let previous = try Row.fetchOne(previousImport, arguments: [encoded.id])
            let file: String = previous?["source_file"] ?? "?"
            let line: Int = previous?["source_line"] ?? 0
            return .init(
                document: encoded.id, origin: encoded.origin,
                message: "document \(encoded.id) was already imported from \(file):\(line)")
        }
        if let document = encoded.documentWithDeliveryLines {
            try InvoiceStore.insertDeliveryLines(of: document, db: db)
        }
        return nil
    }

    /// The name a file of this content was first imported under, if one was (the processed-file
    /// ledger, read inside this session's transaction).
    public func processedFile(sha256: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM processed_file WHERE content_hash = ?", arguments: [sha256])
    }

    /// Takes back a document stored earlier in this session, with its order; returns whether
    /// there was one. A document stored by an earlier import is left alone.
    public func withdraw(_ id: String) throws -> Bool {
        let rowID = try Int64.fetchOne(db, sql: "SELECT rowid FROM source_document WHERE id = ?", arguments: [id])
        guard let rowID, rowID > lastRowIDBefore else { return false }
        try deleteOrder.execute(arguments: [id])
        try db.execute(sql: "DELETE FROM delivery_status WHERE source_document_id = ?", arguments: [id])
        try deleteDocument.execute(arguments: [id])
        return db.changesCount == 1
    }
}
