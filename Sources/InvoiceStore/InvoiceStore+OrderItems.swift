internal import GRDB
internal import InvoicingCore

extension InvoiceStore {
    static func registerOrderItemMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-order-items") { db in
            // An order may cover some items of its document (`items`, item numbers in ascending
            // order joined by commas; NULL: every item), so one document may have several open
            // orders, one per part the invoice split made or a cancellation re-opened. A part
            // taken off an open order names it in `split_from`. No two open orders of a document
            // cover the same items; the invariants check that the parts never overlap.
            try db.execute(
                sql: """
                    ALTER TABLE invoicing_order ADD COLUMN items TEXT;
                    ALTER TABLE invoicing_order ADD COLUMN split_from INTEGER REFERENCES invoicing_order(id);
                    DROP INDEX invoicing_order_one_open;
                    CREATE UNIQUE INDEX invoicing_order_open_part ON invoicing_order(source_document_id,
                        COALESCE(items, '')) WHERE status = 'open';
                    """)
        }
    }

    /// The stored form of an order's item numbers: ascending, joined by commas; nil for every item.
    static func itemsText(_ items: [Int]?) -> String? {
        items.map { $0.sorted().map(String.init).joined(separator: ",") }
    }

    /// The item numbers of a stored `items` column; nil (every item) for NULL.
    static func itemNumbers(_ text: String?) -> [Int]? {
        text.map { $0.split(separator: ",").compactMap { Int($0) } }
    }

    /// Closes, inside the caller's transaction, what a unit invoiced of one order: the whole
    /// order when `items` is nil or all it covers, else those items, leaving the rest open as a
    /// new order (same document, due date and re-opening cancellation, `split_from` the order).
    ///
    /// When an earlier part of the same run took the order's other items, `order` is closed
    /// already and the items sought are in the open order split from it: that one is taken.
    /// Returns the document and the items closed (nil for every item), for the delivery lines;
    /// throws `orderNotOpen` when no open order of the document covers the items.
    static func closeOrder(
        _ order: Int64, items: [Int]?, invoiceNumber: String, db: Database
    ) throws -> (document: String, items: [Int]?) {
        guard let items else {
            // One statement, prepared once per connection: the common case of a whole order.
            let close = try db.cachedStatement(
                sql: """
                    UPDATE invoicing_order SET status = 'invoiced', invoice_number = ? WHERE id = ? AND status = 'open'
                    RETURNING source_document_id, items
                    """)
            guard let row = try Row.fetchOne(close, arguments: [invoiceNumber, order]) else {
                throw StoreError(.orderNotOpen, "invoicing order \(order) is no longer open")
            }
            return (row[0], itemNumbers(row[1]))
        }
        let wanted = Set(items)
        // The order itself first, then the open parts of its document, oldest first.
        let candidates = try Row.fetchAll(
            db,
            sql: """
                SELECT o.id, o.items, o.source_document_id, d.payload FROM invoicing_order o
                JOIN source_document d ON d.id = o.source_document_id
                WHERE o.status = 'open' AND o.source_document_id =
                    (SELECT source_document_id FROM invoicing_order WHERE id = ?)
                ORDER BY o.id <> ?, o.id
                """,
            arguments: [order, order])
        for row in candidates {
            let id: Int64 = row[0]
            let document: String = row[2]
            let covered: [Int]
            if let stored = itemNumbers(row[1]) {
                covered = stored
            } else {
                covered = try SourceDocument(storePayload: row[3] as String).items.map(\.number)
            }
            guard wanted.isSubset(of: covered) else { continue }
            let rest = covered.filter { !wanted.contains($0) }.sorted()
            try db.execute(
                sql: "UPDATE invoicing_order SET status = 'invoiced', invoice_number = ?, items = ? WHERE id = ?",
                arguments: [invoiceNumber, rest.isEmpty ? row[1] as String? : itemsText(items), id])
            if !rest.isEmpty {
                try db.execute(
                    sql: """
                        INSERT INTO invoicing_order (source_document_id, category, account, due_date, status,
                            reopened_by, items, split_from)
                        SELECT source_document_id, category, account, due_date, 'open', reopened_by, ?, id
                        FROM invoicing_order WHERE id = ?
                        """,
                    arguments: [itemsText(rest), id])
            }
            return (document, rest.isEmpty ? itemNumbers(row[1]) : items.sorted())
        }
        throw StoreError(
            .orderNotOpen,
            "invoicing order \(order) is no longer open for items \(items.sorted().map(String.init).joined(separator: ", "))"
        )
    }

    /// Every item of every source document is in exactly one standing order: open, or closed by
    /// a document that stands (not cancelled); so each item is invoiced once, and open again
    /// exactly when the invoice that billed it is cancelled. Documents whose request was rejected
    /// have no standing order and are left out; so are documents with no order at all.
    static func orderItemViolations(db: Database) throws -> [String] {
        var violations: [String] = []
        var covered: [String: [Int: Int]] = [:]
        var documents: [String: [Int]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT o.source_document_id, o.items, d.payload FROM invoicing_order o
                JOIN source_document d ON d.id = o.source_document_id
                WHERE (o.status = 'open' OR NOT EXISTS (SELECT 1 FROM document_flow c
                    WHERE c.preceding = o.invoice_number AND c.kind = 'CANCELLATION'))
                AND NOT EXISTS (SELECT 1 FROM request_decision r WHERE r.document_id = o.source_document_id
                    AND r.decision = 'rejected')
                ORDER BY o.source_document_id, o.id
                """)
        {
            let id: String = row[0]
            if documents[id] == nil {
                documents[id] = try SourceDocument(storePayload: row[2] as String).items.map(\.number)
            }
            for item in itemNumbers(row[1]) ?? documents[id] ?? [] { covered[id, default: [:]][item, default: 0] += 1 }
        }
        for (id, items) in documents.sorted(by: { $0.key < $1.key }) {
            for item in items where covered[id]?[item] != 1 {
                violations.append(
                    "item \(item) of \(id) is in \(covered[id]?[item] ?? 0) standing orders (open or invoiced), not 1")
            }
        }
        return violations
    }
}
