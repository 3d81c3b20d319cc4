internal import GRDB
internal import InvoicingCore

extension InvoiceStore {
    /// The status of one delivery line (an item of a source document that refers to a delivery).
    public enum DeliveryStatus: Int, Sendable, Hashable, CaseIterable, Comparable {
        /// Delivered, waiting to be invoiced (again, after a cancellation).
        case delivered = 60
        /// Invoiced; its FI document is held by a posting block.
        case invoiced = 70
        /// Invoiced and its FI document posted.
        case posted = 75
        /// The posting files of its FI document were written for the ledgers.
        case ledgersUpdated = 80

        /// The status in words, e.g. `75 posted`.
        public var description: String {
            switch self {
            case .delivered: "60 delivered"
            case .invoiced: "70 invoiced"
            case .posted: "75 posted"
            case .ledgersUpdated: "80 ledgers updated"
            }
        }

        /// Orders statuses by their number.
        public static func < (lhs: DeliveryStatus, rhs: DeliveryStatus) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One delivery line and where it stands.
    public struct DeliveryLine: Sendable, Hashable {
        /// The delivery.
        public var delivery: String
        /// The source document that bills it.
        public var sourceDocument: String
        /// The document's item.
        public var item: Int
        /// The material delivered.
        public var material: String
        /// Where it stands.
        public var status: DeliveryStatus
        /// The invoice that bills it, once invoiced.
        public var invoiceNumber: String?
    }

    static func registerPostingNumberMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-invoice-posting-number") { db in
            // The invoices of posting numbers (`markLedgersUpdated`): without it each batch of
            // 500 numbers scanned every invoice, 200 scans after a run of 100,000 invoices.
            try db.execute(sql: "CREATE INDEX invoice_posting_number ON invoice(posting_number)")
        }
    }

    static func registerDeliveryMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-delivery-status") { db in
            // One row per item of a source document that refers to a delivery. Rows of documents
            // stored before this migration are made from what the store knows: open again (or
            // only in a pro forma) → 60, invoiced with the FI document held → 70, else posted and
            // written out → 80.
            try db.execute(
                sql: """
                    CREATE TABLE delivery_status (
                        source_document_id TEXT NOT NULL REFERENCES source_document(id),
                        item INTEGER NOT NULL, delivery TEXT NOT NULL, material TEXT NOT NULL,
                        status INTEGER NOT NULL CHECK (status IN (60, 70, 75, 80)),
                        invoice_number TEXT,
                        PRIMARY KEY (source_document_id, item));
                    CREATE INDEX delivery_status_invoice ON delivery_status(invoice_number);
                    CREATE INDEX delivery_status_delivery ON delivery_status(delivery);
                    INSERT INTO delivery_status (source_document_id, item, delivery, material, status, invoice_number)
                    SELECT d.id, json_extract(i.value, '$.number'), json_extract(d.payload, '$.referenceDelivery'),
                        json_extract(i.value, '$.material'),
                        CASE WHEN o.invoice_number IS NULL OR v.kind = 'PRO_FORMA' THEN 60
                             WHEN f.held = 1 THEN 70 ELSE 80 END,
                        CASE WHEN v.kind = 'PRO_FORMA' THEN NULL ELSE o.invoice_number END
                    FROM source_document d JOIN json_each(d.payload, '$.items') i
                    LEFT JOIN invoicing_order o ON o.id = (SELECT MAX(id) FROM invoicing_order x
                        WHERE x.source_document_id = d.id AND x.status = 'invoiced'
                        AND NOT EXISTS (SELECT 1 FROM invoicing_order y WHERE y.source_document_id = d.id
                            AND y.status = 'open'))
                    LEFT JOIN invoice v ON v.number = o.invoice_number
                    LEFT JOIN fi_document f ON f.number = v.posting_number
                    WHERE json_extract(d.payload, '$.referenceDelivery') IS NOT NULL;
                    CREATE TABLE advance_clearing (
                        advance_number TEXT NOT NULL REFERENCES invoice(number),
                        final_number TEXT NOT NULL REFERENCES invoice(number),
                        gross_minor INTEGER NOT NULL,
                        PRIMARY KEY (advance_number, final_number));
                    CREATE INDEX advance_clearing_final ON advance_clearing(final_number);
                    """)
        }
    }

    /// Creates the delivery lines of a document just stored, at 60 delivered.
    static func insertDeliveryLines(of document: SourceDocument, db: Database) throws {
        guard let delivery = document.referenceDelivery else { return }
        for item in document.items {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO delivery_status (source_document_id, item, delivery, material, status)
                    VALUES (?, ?, ?, ?, 60)
                    """,
                arguments: [document.id, item.number, delivery, item.material])
        }
    }

    /// Sets the delivery lines billed by `invoice` (the items it closed of its source documents,
    /// nil for every item of one) to 70 invoiced, or 75 posted when its FI document is not held.
    /// A pro forma changes no status.
    static func markInvoiced(
        _ invoice: Invoice, items closed: [(document: String, items: [Int]?)], held: Bool, db: Database
    ) throws {
        guard invoice.kind != .proForma, !closed.isEmpty else { return }
        let status: DeliveryStatus = held ? .invoiced : .posted
        // One cached statement per document: a statement made for the invoice's number of
        // documents was prepared afresh for every invoice, delivery lines or not.
        let document = try db.cachedStatement(
            sql: "UPDATE delivery_status SET status = ?, invoice_number = ? WHERE source_document_id = ?")
        for whole in closed where whole.items == nil {
            try document.execute(arguments: [status.rawValue, invoice.number, whole.document])
        }
        let update = try db.cachedStatement(
            sql: "UPDATE delivery_status SET status = ?, invoice_number = ? WHERE source_document_id = ? AND item = ?")
        for (document, items) in closed {
            for item in items ?? [] {
                try update.execute(arguments: [status.rawValue, invoice.number, document, item])
            }
        }
    }

    /// Sets the delivery lines of a cancelled document back to 60 delivered: invoiced again by the next run.
    static func markDeliveredAgain(cancelled number: String, db: Database) throws {
        try db.execute(
            sql: "UPDATE delivery_status SET status = 60, invoice_number = NULL WHERE invoice_number = ?",
            arguments: [number])
    }

    /// A released FI document's delivery lines go from 70 invoiced to 75 posted.
    static func markPosted(postingNumber: String, db: Database) throws {
        try db.execute(
            sql: """
                UPDATE delivery_status SET status = 75 WHERE status = 70
                AND invoice_number IN (SELECT number FROM invoice WHERE posting_number = ?)
                """,
            arguments: [postingNumber])
    }

    /// Once the posting files of `postings` are written, their posted delivery lines are 80
    /// ledgers updated (held ones stay at 70 until released and written).
    public func markLedgersUpdated(postings: [String]) throws(StoreError) {
        guard !postings.isEmpty else { return }
        try write { db in
            for chunk in stride(from: 0, to: postings.count, by: 500) {
                let part = Array(postings[chunk..<min(chunk + 500, postings.count)])
                try db.execute(
                    sql: """
                        UPDATE delivery_status SET status = 80 WHERE status = 75
                        AND invoice_number IN (SELECT number FROM invoice WHERE posting_number IN
                            (\(Array(repeating: "?", count: part.count).joined(separator: ","))))
                        """,
                    arguments: StatementArguments(part))
            }
        }
    }

    /// The delivery lines of the source documents `ids`, by document and item.
    public func deliveryLines(sourceDocuments ids: [String]) throws(StoreError) -> [DeliveryLine] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT source_document_id, item, delivery, material, status, invoice_number FROM delivery_status
                    WHERE source_document_id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))
                    ORDER BY source_document_id, item
                    """,
                arguments: StatementArguments(ids)
            ).map { row throws in
                let value: Int = row["status"]
                guard let status = DeliveryStatus(rawValue: value) else {
                    throw StoreError(.corrupt, "unknown delivery status \(value)")
                }
                return DeliveryLine(
                    delivery: row["delivery"], sourceDocument: row["source_document_id"], item: row["item"],
                    material: row["material"], status: status, invoiceNumber: row["invoice_number"])
            }
        }
    }
}
