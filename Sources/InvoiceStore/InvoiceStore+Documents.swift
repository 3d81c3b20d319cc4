internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// Where an imported source document came from, for messages.
    public struct DocumentOrigin: Sendable, Hashable {
        /// The path of the input file.
        public var file: String
        /// The line where the document starts in the file.
        public var line: Int

        /// Creates an origin from a file path and a line.
        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
    }

    /// Stores source documents and creates their invoicing orders, in one transaction.
    ///
    /// A document whose id is already stored is refused (and named in the result); the others go in.
    ///
    /// - Parameter allOrNothing: store none of `documents` if any is refused (one transaction).
    public func importDocuments(
        _ documents: [(SourceDocument, DocumentOrigin)], allOrNothing: Bool = false
    ) throws(StoreError) -> DocumentImportResult {
        /// Carries the refusals out of the transaction it rolls back.
        struct Rollback: Error {
            var result: DocumentImportResult
        }
        do {
            return try queue.write { db in
                let result = try insert(documents, db: db)
                if allOrNothing && !result.refused.isEmpty { throw Rollback(result: result) }
                return result
            }
        } catch let rollback as Rollback {
            var result = DocumentImportResult()
            let refusedIDs = Set(rollback.result.refused.map(\.document))
            result.refused = rollback.result.refused
            for (document, origin) in documents where !refusedIDs.contains(document.id) {
                result.refused.append(
                    .init(
                        document: document.id, origin: origin,
                        message: "document \(document.id) refused with the rest of its file (all or nothing)"))
            }
            return result
        } catch {
            throw StoreError(.database, Self.describe(error))
        }
    }

    private func insert(_ documents: [(SourceDocument, DocumentOrigin)], db: Database) throws -> DocumentImportResult {
        // Prepared once per transaction, run per document.
        let previousImport = try db.cachedStatement(
            sql: "SELECT source_file, source_line FROM source_document WHERE id = ?")
        let insertDocument = try db.cachedStatement(
            sql: """
                INSERT INTO source_document
                    (id, category, account, company_code, billing_date, payload, source_file, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertOrder = try db.cachedStatement(
            sql: """
                INSERT INTO invoicing_order (source_document_id, category, account, due_date, status)
                VALUES (?, ?, ?, ?, 'open')
                """)
        var result = DocumentImportResult()
        for (document, origin) in documents {
            if let previous = try Row.fetchOne(previousImport, arguments: [document.id]) {
                let file: String = previous["source_file"]
                let line: Int = previous["source_line"]
                result.refused.append(
                    DocumentImportResult.Refusal(
                        document: document.id, origin: origin,
                        message: "document \(document.id) was already imported from \(file):\(line)"))
                continue
            }
            try insertDocument.execute(
                arguments: [
                    document.id, document.category.rawValue, document.account, document.companyCode,
                    document.billingDate.description, document.storePayload, origin.file, origin.line,
                ])
            try insertOrder.execute(
                arguments: [
                    document.id, document.category.rawValue, document.account, document.billingDate.description,
                ])
            result.imported.append(document.id)
        }
        return result
    }

    /// Open invoicing orders of the given categories (all when nil), oldest due first.
    public func openOrders(categories: Set<SourceCategory>? = nil) throws(StoreError) -> [InvoicingOrder] {
        try read { db in
            var sql = """
                SELECT o.id, d.payload FROM invoicing_order o JOIN source_document d ON d.id = o.source_document_id
                WHERE o.status = 'open'
                """
            var arguments: StatementArguments = []
            if let categories {
                sql += " AND o.category IN (\(Array(repeating: "?", count: categories.count).joined(separator: ",")))"
                arguments = StatementArguments(categories.map(\.rawValue).sorted())
            }
            sql += " ORDER BY o.account, o.due_date, o.source_document_id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row throws in
                InvoicingOrder(id: row[0], document: try Self.decode(SourceDocument.self, row[1]))
            }
        }
    }

    /// How many orders are open and how many were invoiced.
    public func orderCounts() throws(StoreError) -> (open: Int, invoiced: Int) {
        try read { db in
            let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoicing_order WHERE status = 'open'") ?? 0
            let done = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoicing_order WHERE status = 'invoiced'") ?? 0
            return (open, done)
        }
    }
}

/// What an import of source documents did.
public struct DocumentImportResult: Sendable, Hashable {
    /// A document that was not stored, and why.
    public struct Refusal: Sendable, Hashable {
        /// The id of the source document that was refused.
        public var document: String
        /// Where the refused document was read from.
        public var origin: InvoiceStore.DocumentOrigin
        /// Why the document was refused.
        public var message: String
    }

    /// The ids of the source documents stored, in input order.
    public var imported: [String] = []
    /// The source documents not stored, each with its reason.
    public var refused: [Refusal] = []
}
