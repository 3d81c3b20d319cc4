internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// One link of the document flow: a document made from another, e.g. the cancellation of an invoice.
    public struct FlowLink: Sendable, Hashable {
        /// The number of the document corrected (the invoice).
        public var preceding: String
        /// The number of the document that corrects it (the cancellation).
        public var subsequent: String
        /// The kind of the subsequent document.
        public var kind: Invoice.Kind
        /// Why it was made, if given.
        public var reason: String?
        /// When it was made (ISO 8601, as the caller gave it).
        public var createdAt: String
        /// Who made it.
        public var createdBy: String
    }

    /// One invoicing order of a source document, with what became of it.
    public struct OrderTrace: Sendable, Hashable {
        /// The source document the order is for.
        public var sourceDocument: String
        /// The source document's category.
        public var category: SourceCategory
        /// Whether the order is open (waits to be invoiced) or invoiced.
        public var isOpen: Bool
        /// The invoice that closed the order, if one did.
        public var invoiceNumber: String?
        /// The cancellation that re-created this order, if one did.
        public var reopenedBy: String?
        /// The item numbers the order covers when only some (an invoice split's part); nil for all.
        public var items: [Int]? = nil
    }

    static func registerDocumentFlowMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-document-flow") { db in
            // A document made from another. One cancellation per document, enforced here too,
            // so two cancels at once cannot both succeed.
            try db.execute(
                sql: """
                    CREATE TABLE document_flow (
                        subsequent TEXT PRIMARY KEY NOT NULL REFERENCES invoice(number),
                        preceding TEXT NOT NULL REFERENCES invoice(number),
                        kind TEXT NOT NULL, reason TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL);
                    CREATE INDEX document_flow_preceding ON document_flow(preceding);
                    CREATE UNIQUE INDEX document_flow_one_cancellation ON document_flow(preceding)
                        WHERE kind = 'CANCELLATION';
                    ALTER TABLE invoicing_order ADD COLUMN reopened_by TEXT REFERENCES invoice(number);
                    CREATE TABLE request_decision (
                        document_id TEXT PRIMARY KEY NOT NULL REFERENCES source_document(id),
                        decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
                        decided_at TEXT NOT NULL, decided_by TEXT NOT NULL, reason TEXT);
                    CREATE TABLE posting_release (
                        document_number TEXT PRIMARY KEY NOT NULL REFERENCES fi_document(number),
                        run_id INTEGER NOT NULL REFERENCES run(id),
                        released_at TEXT NOT NULL, released_by TEXT NOT NULL);
                    """)
        }
    }

    /// Cancels invoice `number` on `date`, in one transaction: numbers the cancellation from its
    /// own range and its FI document from the FI range, stores both with a run of their own
    /// (process `CANCEL`), links them to the invoice, and re-creates an open invoicing order for
    /// each order the invoice closed, so the next run invoices those source documents again.
    ///
    /// Credit and debit memos are cancelled the same way; their requests are then open again.
    /// Refuses (`.refused`) a document cancelled before, a cancellation, an invoice with memos not
    /// cancelled, a rebate settlement, and an unknown number; nothing is stored and no number is
    /// used then.
    public func cancel(
        _ number: String, on date: CalendarDate, reason: String?, createdAt: String, createdBy: String
    ) throws(StoreError) -> InvoiceDraft {
        try write { db in
            guard
                let text = try String.fetchOne(
                    db, sql: "SELECT payload FROM invoice WHERE number = ?", arguments: [number])
            else {
                throw StoreError(.refused, "no invoice \(number) in the store")
            }
            let original = try Self.decode(Invoice.self, text)
            if let agreement = try String.fetchOne(
                db, sql: "SELECT agreement_id FROM rebate_settlement WHERE document_number = ?", arguments: [number])
            {
                // The settlement is part of the agreement's record: settled amounts and the accrual
                // reversed would no longer match the documents.
                throw StoreError(
                    .refused,
                    "\(number) settles rebate agreement \(agreement); a rebate settlement cannot be cancelled")
            }
            if original.kind == .intercompany {
                throw StoreError(
                    .refused,
                    "\(number) is an intercompany invoice; it is cancelled with its customer invoice \(original.reference ?? "")"
                )
            }
            if let previous = try String.fetchOne(
                db, sql: "SELECT subsequent FROM document_flow WHERE preceding = ? AND kind = ?",
                arguments: [number, Invoice.Kind.cancellation.rawValue])
            {
                throw StoreError(
                    .refused, "\(number) was cancelled before, by \(previous); it cannot be cancelled twice")
            }
            if let memo = try String.fetchOne(
                db,
                sql: """
                    SELECT subsequent FROM document_flow WHERE preceding = ? AND kind <> ? \(Self.notCancelled)
                    ORDER BY subsequent
                    """,
                arguments: [number, Invoice.Kind.intercompany.rawValue])
            {
                throw StoreError(
                    .refused, "\(number) is corrected by \(memo); an invoice with memos cannot be cancelled")
            }
            if original.kind == .proForma {
                throw StoreError(
                    .refused, "\(number) is a pro forma invoice; it was never numbered or posted, so nothing to cancel")
            }
            if let final = try Self.clearingFinal(of: number, db: db) {
                throw StoreError(
                    .refused, "\(number) is deducted by the final invoice \(final); cancel \(final) first")
            }
            guard let posting = try Self.postingDocument(original.postingNumber, db: db) else {
                throw StoreError(.corrupt, "FI document \(original.postingNumber) of \(number) is missing")
            }
            var draft: InvoiceDraft
            do {
                draft = try Cancellation.draft(cancelling: original, posting: posting, on: date)
            } catch let error as DocumentFlowError {
                throw StoreError(.refused, error.message)
            }
            try db.execute(
                sql: "INSERT INTO run (process, run_date, parameters, status) VALUES ('CANCEL', ?, ?, 'finished')",
                arguments: [date.description, try Self.encode(["cancel": number, "reason": reason ?? ""])])
            let runKey = db.lastInsertedRowID
            let company = original.seller.id
            let cancellationNumber = try Self.nextNumber(db, .cancellation, companyCode: company, year: date.year)
            let postingNumber = try Self.nextNumber(db, .posting, companyCode: company, year: date.year)
            draft = draft.numbered(invoiceNumber: cancellationNumber, postingNumber: postingNumber)
            draft.invoice.runID = Self.runID(runKey)
            try insert(draft, runKey: runKey, db: db)
            try db.execute(
                sql: """
                    INSERT INTO document_flow (subsequent, preceding, kind, reason, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    cancellationNumber, number, Invoice.Kind.cancellation.rawValue, reason, createdAt, createdBy,
                ])
            try db.execute(
                sql: """
                    INSERT INTO invoicing_order (source_document_id, category, account, due_date, status, reopened_by,
                        items)
                    SELECT source_document_id, category, account, due_date, 'open', ?, items
                    FROM invoicing_order WHERE invoice_number = ? AND status = 'invoiced' ORDER BY id
                    """,
                arguments: [cancellationNumber, number])
            draft.intercompany = try cancelIntercompany(
                of: number, on: date, reason: reason, createdAt: createdAt, createdBy: createdBy, runKey: runKey, db: db
            )
            try Self.markDeliveredAgain(cancelled: number, db: db)
            return draft
        }
    }

    /// SQL that keeps the rows of `document_flow` whose subsequent document was not cancelled.
    static let notCancelled = """
        AND NOT EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = document_flow.subsequent
            AND c.kind = 'CANCELLATION')
        """

    /// The FI document `number` with its lines, as stored.
    public func postingDocument(_ number: String) throws(StoreError) -> FIDocument? {
        try read { db in try Self.postingDocument(number, db: db) }
    }

    static func postingDocument(_ number: String, db: Database) throws -> FIDocument? {
        guard
            let header = try Row.fetchOne(
                db,
                sql: "SELECT company_code, posting_date, reference, currency, held FROM fi_document WHERE number = ?",
                arguments: [number])
        else { return nil }
        let code: String = header["currency"]
        let dateText: String = header["posting_date"]
        guard let currency = Currency(code: code), let date = CalendarDate(iso: dateText) else {
            throw StoreError(.corrupt, "FI document \(number) has currency \(code) and date \(dateText)")
        }
        let lines = try Row.fetchAll(
            db,
            sql: """
                SELECT line, gl_account, side, amount_minor, account_key, tax_code, contract_account, text,
                    rebate_agreement, profit_center, cost_center
                FROM fi_line WHERE document_number = ? ORDER BY line
                """,
            arguments: [number]
        ).map { row throws in
            let side: String = row["side"]
            let key: String? = row["account_key"]
            return FILine(
                number: row["line"], glAccount: row["gl_account"], side: side == "D" ? .debit : .credit,
                amount: Money(minorUnits: row["amount_minor"], currency: currency),
                accountKey: key.flatMap(AccountKey.init(rawValue:)), taxCode: row["tax_code"],
                contractAccount: row["contract_account"], text: row["text"],
                rebateAgreement: row["rebate_agreement"], profitCenter: row["profit_center"],
                costCenter: row["cost_center"])
        }
        return FIDocument(
            number: number, companyCode: header["company_code"], postingDate: date, documentDate: date,
            reference: header["reference"], currency: currency, held: header["held"], lines: lines)
    }

    /// The links of the document flow in which `number` is the preceding or the subsequent document.
    public func flowLinks(of number: String) throws(StoreError) -> [FlowLink] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT preceding, subsequent, kind, reason, created_at, created_by FROM document_flow
                    WHERE preceding = ? OR subsequent = ? ORDER BY subsequent
                    """,
                arguments: [number, number]
            ).map { row throws in
                let kind: String = row["kind"]
                guard let known = Invoice.Kind(rawValue: kind) else {
                    throw StoreError(.corrupt, "unknown document kind \(kind) in the document flow")
                }
                return FlowLink(
                    preceding: row["preceding"], subsequent: row["subsequent"], kind: known, reason: row["reason"],
                    createdAt: row["created_at"], createdBy: row["created_by"])
            }
        }
    }

    /// The cancellation of invoice `number`, if it was cancelled.
    public func cancellation(of number: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT subsequent FROM document_flow WHERE preceding = ? AND kind = ?",
                arguments: [number, Invoice.Kind.cancellation.rawValue])
        }
    }

    /// Every invoicing order of the source documents `ids`, oldest first.
    public func orderTraces(sourceDocuments ids: [String]) throws(StoreError) -> [OrderTrace] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT source_document_id, category, status, invoice_number, reopened_by, items FROM invoicing_order
                    WHERE source_document_id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))
                    ORDER BY id
                    """,
                arguments: StatementArguments(ids)
            ).map { row throws in
                let category: String = row["category"]
                guard let known = SourceCategory(rawValue: category) else {
                    throw StoreError(.corrupt, "unknown source category \(category)")
                }
                let status: String = row["status"]
                return OrderTrace(
                    sourceDocument: row["source_document_id"], category: known, isOpen: status == "open",
                    invoiceNumber: row["invoice_number"], reopenedBy: row["reopened_by"],
                    items: Self.itemNumbers(row["items"]))
            }
        }
    }
}
