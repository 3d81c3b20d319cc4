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
        guard let categories else { return try openOrders(where: "", arguments: []) }
        return try openOrders(
            where: "AND o.category IN (\(Array(repeating: "?", count: categories.count).joined(separator: ",")))",
            arguments: StatementArguments(categories.map(\.rawValue).sorted()))
    }

    /// The open orders of `categories` as keys only (id and account), sorted as `openOrders`
    /// sorts them: a run cuts them into ranges of whole accounts and loads one range at a time
    /// (`storedOpenOrders(ids:)`), so it never holds every open document at once.
    public func openOrderKeys(categories: Set<SourceCategory>) throws(StoreError) -> [(id: Int64, account: String)] {
        try read { db in
            let marks = Array(repeating: "?", count: categories.count).joined(separator: ",")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, account FROM invoicing_order WHERE status = 'open' AND category IN (\(marks))
                    ORDER BY account, due_date, source_document_id, id
                    """,
                arguments: StatementArguments(categories.map(\.rawValue).sorted())
            ).map { row in (row[0], row[1]) }
        }
    }

    /// The open orders with the given ids (from `openOrderKeys`), sorted as `openOrders` sorts
    /// them, an id no longer open left out, as stored: their documents not yet read, so a caller
    /// with cores to spare reads them (`StoredOrder.order()`) on all of them.
    public func storedOpenOrders(ids: [Int64]) throws(StoreError) -> [StoredOrder] {
        guard !ids.isEmpty else { return [] }
        // The ids travel as one JSON array: one statement whatever their number.
        return try storedOpenOrders(
            where: "AND o.id IN (SELECT value FROM json_each(?))",
            arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
    }

    /// The open orders that also meet `condition` (SQL on `o`, the order), by account, due date,
    /// document and id.
    private func openOrders(where condition: String, arguments: StatementArguments) throws(StoreError)
        -> [InvoicingOrder]
    {
        try storedOpenOrders(where: condition, arguments: arguments).map { stored throws(StoreError) in
            try stored.order()
        }
    }

    private func storedOpenOrders(where condition: String, arguments: StatementArguments) throws(StoreError)
        -> [StoredOrder]
    {
        try read { db in
            // An order a cancellation re-created carries the invoice cancelled, for a corrective invoice.
            // Sorted here rather than by ORDER BY: SQLite's sorter would carry every payload and,
            // past its 2 MB of memory, spill them all to a temporary file and read them back.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.id, d.payload, f.preceding, o.items, o.account, o.due_date, o.source_document_id
                    FROM invoicing_order o
                    JOIN source_document d ON d.id = o.source_document_id
                    LEFT JOIN document_flow f ON f.subsequent = o.reopened_by AND f.kind = 'CANCELLATION'
                    WHERE o.status = 'open' \(condition)
                    """,
                arguments: arguments)
            let keyed = rows.map { row in
                (key: OrderSortKey(account: row[4], dueDate: row[5], document: row[6], id: row[0]), row: row)
            }
            return keyed.sorted { $0.key.precedes($1.key) }.map { entry in
                StoredOrder(id: entry.row[0], payload: entry.row[1], corrects: entry.row[2], items: entry.row[3])
            }
        }
    }

    /// The order `ORDER BY account, due_date, source_document_id, id` gives: text compared as
    /// SQLite's BINARY collation compares it, byte by byte in UTF-8, so that ranges cut from
    /// `openOrderKeys` see their orders in the same order.
    private struct OrderSortKey {
        var account: String
        var dueDate: String
        var document: String
        var id: Int64

        func precedes(_ other: Self) -> Bool {
            for (mine, theirs) in [(account, other.account), (dueDate, other.dueDate), (document, other.document)]
            where !mine.utf8.elementsEqual(theirs.utf8) {
                return mine.utf8.lexicographicallyPrecedes(theirs.utf8)
            }
            return id < other.id
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

/// An open invoicing order as the store holds it, its document still JSON.
public struct StoredOrder: Sendable {
    let id: Int64
    let payload: String
    /// The invoice a cancellation that re-opened the order cancelled.
    let corrects: String?
    /// The items the order covers (nil: every item), as stored.
    let items: String?

    /// The order with its document read.
    public func order() throws(StoreError) -> InvoicingOrder {
        let order = InvoicingOrder(
            id: id, document: try SourceDocument(storePayload: payload), corrects: corrects)
        // An order of some items (a part of an invoice split, or re-opened by a cancellation).
        return InvoiceStore.itemNumbers(items).map { order.part(items: $0) } ?? order
    }
}
