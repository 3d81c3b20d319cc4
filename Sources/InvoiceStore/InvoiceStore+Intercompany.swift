internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    static func registerIntercompanyMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-intercompany") { db in
            // An intercompany invoice has two FI documents, one per company code, both with the
            // invoice's number as reference: found by it.
            try db.execute(sql: "CREATE INDEX fi_document_reference ON fi_document(reference)")
        }
    }

    /// Numbers and stores an intercompany invoice of `customer` inside the caller's transaction:
    /// its number from the delivering company code's `IC` range, its FI document from that
    /// company code's FI range, the receiving FI document from the selling company code's, and
    /// a document flow link from the customer invoice.
    func commitIntercompany(
        _ draft: InvoiceDraft, of customer: Invoice, runID: String, db: Database
    ) throws -> InvoiceDraft {
        let invoice = draft.invoice
        let year = invoice.invoiceDate.year
        let number = try Self.nextNumber(db, .intercompany, companyCode: invoice.seller.id, year: year)
        let posting = try Self.nextNumber(db, .posting, companyCode: invoice.seller.id, year: year)
        var numbered = draft.numbered(invoiceNumber: number, postingNumber: posting)
        numbered.invoice.runID = runID
        numbered.invoice.reference = customer.number
        if var receiver = numbered.receiverPosting {
            receiver.number = try Self.nextNumber(
                db, .posting, companyCode: receiver.companyCode, year: receiver.postingDate.year)
            receiver.reference = number
            numbered.receiverPosting = receiver
        }
        try insert(numbered, runKey: Self.runKey(runID), db: db)
        if let receiver = numbered.receiverPosting { try Self.insert(receiver, db: db) }
        try db.execute(
            sql: """
                INSERT INTO document_flow (subsequent, preceding, kind, reason, created_at, created_by)
                VALUES (?, ?, ?, NULL, ?, ?)
                """,
            arguments: [
                number, customer.number, Invoice.Kind.intercompany.rawValue, customer.invoiceDate.description, runID,
            ])
        return numbered
    }

    /// Cancels the intercompany invoices of `customer` (cancelled by `customerCancellation`) in
    /// the caller's transaction: each gets a cancellation from the delivering company code's
    /// range, its FI document reversed line by line, and the selling company code's FI document
    /// reversed as well.
    func cancelIntercompany(
        of customer: String, on date: CalendarDate, reason: String?, createdAt: String, createdBy: String,
        runKey: Int64, db: Database
    ) throws -> [InvoiceDraft] {
        var drafts: [InvoiceDraft] = []
        for number in try String.fetchAll(
            db,
            sql: """
                SELECT subsequent FROM document_flow WHERE preceding = ? AND kind = ? \(Self.notCancelled)
                ORDER BY subsequent
                """,
            arguments: [customer, Invoice.Kind.intercompany.rawValue])
        {
            guard
                let text = try String.fetchOne(
                    db, sql: "SELECT payload FROM invoice WHERE number = ?", arguments: [number])
            else { throw StoreError(.corrupt, "intercompany invoice \(number) of \(customer) is missing") }
            let icInvoice = try Self.decode(Invoice.self, text)
            guard let posting = try Self.postingDocument(icInvoice.postingNumber, db: db) else {
                throw StoreError(.corrupt, "FI document \(icInvoice.postingNumber) of \(number) is missing")
            }
            var draft: InvoiceDraft
            do {
                draft = try Cancellation.draft(cancelling: icInvoice, posting: posting, on: date)
            } catch {
                throw StoreError(.refused, error.message)
            }
            let company = icInvoice.seller.id
            let cancellation = try Self.nextNumber(db, .cancellation, companyCode: company, year: date.year)
            let fi = try Self.nextNumber(db, .posting, companyCode: company, year: date.year)
            draft = draft.numbered(invoiceNumber: cancellation, postingNumber: fi)
            draft.invoice.runID = Self.runID(runKey)
            if let receiverNumber = try String.fetchOne(
                db, sql: "SELECT number FROM fi_document WHERE reference = ? AND number <> ? ORDER BY number",
                arguments: [number, icInvoice.postingNumber]),
                let stored = try Self.postingDocument(receiverNumber, db: db)
            {
                var receiver = Cancellation.reversal(of: stored, on: date)
                receiver.number = try Self.nextNumber(
                    db, .posting, companyCode: receiver.companyCode, year: date.year)
                receiver.reference = cancellation
                draft.receiverPosting = receiver
            }
            try insert(draft, runKey: runKey, db: db)
            if let receiver = draft.receiverPosting { try Self.insert(receiver, db: db) }
            try db.execute(
                sql: """
                    INSERT INTO document_flow (subsequent, preceding, kind, reason, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    cancellation, number, Invoice.Kind.cancellation.rawValue, reason, createdAt, createdBy,
                ])
            drafts.append(draft)
        }
        return drafts
    }

    /// The FI document of the selling company code that receives intercompany invoice `number`.
    public func receiverPosting(of number: String) throws(StoreError) -> FIDocument? {
        try read { db in
            guard
                let posting = try String.fetchOne(
                    db, sql: "SELECT posting_number FROM invoice WHERE number = ?", arguments: [number]),
                let receiver = try String.fetchOne(
                    db, sql: "SELECT number FROM fi_document WHERE reference = ? AND number <> ? ORDER BY number",
                    arguments: [number, posting])
            else { return nil }
            return try Self.postingDocument(receiver, db: db)
        }
    }
}
