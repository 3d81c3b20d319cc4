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
        try importingDocuments { session in
            var result = DocumentImportResult()
            for (document, origin) in documents {
                if let refusal = try session.insert(document, origin: origin) {
                    result.refused.append(refusal)
                } else {
                    result.imported.append(document.id)
                }
            }
            guard allOrNothing && !result.refused.isEmpty else { return (result, true) }
            let refusedIDs = Set(result.refused.map(\.document))
            for (document, origin) in documents where !refusedIDs.contains(document.id) {
                result.refused.append(
                    .init(
                        document: document.id, origin: origin,
                        message: "document \(document.id) refused with the rest of its file (all or nothing)"))
            }
            result.imported = []
            return (result, false)
        }
    }

    /// Runs `body` in one write transaction with a session that stores documents one at a time,
    /// so an importer can store a file while it reads it. The transaction commits when `body`
    /// returns `keep` true and rolls back (storing nothing) when it returns false or throws.
    public func importingDocuments<Result>(
        _ body: (DocumentImportSession) throws -> (result: Result, keep: Bool)
    ) throws(StoreError) -> Result {
        var rolledBack: Result?
        do {
            return try queue.write { db in
                let outcome = try body(try DocumentImportSession(db: db))
                if !outcome.keep {
                    rolledBack = outcome.result
                    throw RollbackRequested()
                }
                return outcome.result
            }
        } catch is RollbackRequested {
            guard let rolledBack else { preconditionFailure("a rollback always carries its result") }
            return rolledBack
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, Self.describe(error))
        }
    }

    /// Open invoicing orders of the given categories (all when nil), oldest due first.
    public func openOrders(categories: Set<SourceCategory>? = nil) throws(StoreError) -> [InvoicingOrder] {
        try read { db in
            // An order a cancellation re-created carries the invoice cancelled, for a corrective invoice.
            var sql = """
                SELECT o.id, d.payload, f.preceding FROM invoicing_order o
                JOIN source_document d ON d.id = o.source_document_id
                LEFT JOIN document_flow f ON f.subsequent = o.reopened_by AND f.kind = 'CANCELLATION'
                WHERE o.status = 'open'
                """
            var arguments: StatementArguments = []
            if let categories {
                sql += " AND o.category IN (\(Array(repeating: "?", count: categories.count).joined(separator: ",")))"
                arguments = StatementArguments(categories.map(\.rawValue).sorted())
            }
            sql += " ORDER BY o.account, o.due_date, o.source_document_id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row throws in
                InvoicingOrder(id: row[0], document: try Self.decode(SourceDocument.self, row[1]), corrects: row[2])
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

/// Thrown inside a write transaction to roll it back on purpose.
private struct RollbackRequested: Error {}
