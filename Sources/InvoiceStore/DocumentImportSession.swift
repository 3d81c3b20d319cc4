internal import GRDB
internal import GRDBSQLite
public import InvoicingCore

/// Stores source documents one at a time inside the transaction of
/// `InvoiceStore.importingDocuments`; valid only while that call runs.
public final class DocumentImportSession {
    private let db: Database
    private let insertDocument: Statement
    private let insertOrder: Statement
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
        insertDocument = try db.cachedStatement(
            sql: """
                INSERT INTO source_document
                    (id, category, account, company_code, billing_date, payload, source_file, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                """)
        insertOrder = try db.cachedStatement(
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
            // swift-format-ignore: NeverForceUnwrap
            let base = buffer.baseAddress!
            // Bound where they lie (SQLITE_STATIC, a nil destructor): SQLite copies a transient
            // text into memory of its own on every bind, which cost as much as the payload's
            // writing. The bindings are cleared before the buffer is released.
            func bind(_ statement: OpaquePointer, _ index: Int32, _ range: Range<Int>) {
                let text = UnsafeRawPointer(base + range.lowerBound).assumingMemoryBound(to: CChar.self)
                _ = sqlite3_bind_text(statement, index, text, Int32(range.count), nil)
            }
            let statement = insertDocument.sqliteStatement
            let order = insertOrder.sqliteStatement
            defer {
                sqlite3_clear_bindings(statement)
                sqlite3_clear_bindings(order)
            }
            sqlite3_reset(statement)
            bind(statement, 1, columns.id)
            bind(statement, 2, columns.category)
            bind(statement, 3, columns.account)
            bind(statement, 4, columns.companyCode)
            bind(statement, 5, columns.billingDate)
            bind(statement, 6, columns.payload)
            bind(statement, 7, columns.file)
            sqlite3_bind_int64(statement, 8, Int64(encoded.line))
            try step(statement)
            guard sqlite3_changes(db.sqliteConnection) == 1 else { return false }
            sqlite3_reset(order)
            bind(order, 1, columns.id)
            bind(order, 2, columns.category)
            bind(order, 3, columns.account)
            bind(order, 4, columns.billingDate)
            try step(order)
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

    private func step(_ statement: OpaquePointer) throws {
        let code = sqlite3_step(statement)
        defer { sqlite3_reset(statement) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
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
