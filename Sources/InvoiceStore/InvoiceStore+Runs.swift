internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// Records the start of a run and returns its id, `RUN-000001` and up.
    public func beginRun(_ parameters: RunParameters, parametersJSON: String) throws(StoreError) -> String {
        try write { db in
            try db.execute(
                sql: "INSERT INTO run (process, run_date, parameters, status) VALUES (?, ?, ?, 'running')",
                arguments: [parameters.process, parameters.runDate.description, parametersJSON])
            return Self.runID(db.lastInsertedRowID)
        }
    }

    /// Marks a run finished with its summary.
    public func finishRun(_ runID: String, summaryJSON: String) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "UPDATE run SET status = 'finished', summary = ? WHERE id = ?",
                arguments: [summaryJSON, Self.runKey(runID)])
        }
    }

    /// Step 5 and 7 in one transaction: draws the next invoice and FI numbers, stores the invoice
    /// and its FI document, and closes the unit's orders. Nothing is kept (and no number is used)
    /// if any part fails, e.g. an order that another run invoiced meanwhile.
    public func commit(_ draft: InvoiceDraft, orders: [Int64], runID: String) throws(StoreError) -> InvoiceDraft {
        try write { db in try commitOne(draft, claims: orders.map { ($0, nil) }, runID: runID, db: db) }
    }

    /// Stores a unit's invoice as ``commit(_:orders:runID:)-(_,[Int64],_)`` does, closing of each
    /// order the items the unit holds: an order the invoice split divided is closed for its part,
    /// the rest staying open.
    public func commit(
        _ draft: InvoiceDraft, orders: [InvoicingOrder], runID: String
    ) throws(StoreError) -> InvoiceDraft {
        try write { db in try commitOne(draft, claims: orders.map { ($0.id, $0.items) }, runID: runID, db: db) }
    }

    /// Commits many invoices in one transaction, each in a savepoint of its own: one that fails
    /// (e.g. an order invoiced meanwhile) rolls back alone, numbers included, and the others are
    /// kept; the transaction's single fsync is paid once for the batch instead of once per invoice.
    public func commit(
        _ drafts: [(draft: InvoiceDraft, orders: [Int64])], runID: String
    ) throws(StoreError) -> [Result<InvoiceDraft, StoreError>] {
        try commit(drafts.map { ($0.draft, $0.orders.map { ($0, nil) }) }, runID: runID)
    }

    /// Commits many units' invoices as ``commit(_:runID:)-([(InvoiceDraft,[Int64])],_)`` does,
    /// closing of each order the items its unit holds.
    public func commit(
        _ drafts: [(draft: InvoiceDraft, orders: [InvoicingOrder])], runID: String
    ) throws(StoreError) -> [Result<InvoiceDraft, StoreError>] {
        try commit(drafts.map { ($0.draft, $0.orders.map { ($0.id, $0.items) }) }, runID: runID)
    }

    private func commit(
        _ drafts: [(draft: InvoiceDraft, claims: [(Int64, [Int]?)])], runID: String
    ) throws(StoreError) -> [Result<InvoiceDraft, StoreError>] {
        try write { db in
            drafts.map { item in
                var numbered: InvoiceDraft?
                do {
                    try db.inSavepoint {
                        numbered = try commitOne(item.draft, claims: item.claims, runID: runID, db: db)
                        return .commit
                    }
                } catch let error as StoreError {
                    return .failure(error)
                } catch {
                    return .failure(StoreError(.database, Self.describe(error)))
                }
                // swift-format-ignore: NeverForceUnwrap
                return .success(numbered!)  // set whenever the savepoint committed
            }
        }
    }

    /// Numbers and stores one draft and closes what it invoiced of each order: `claims` are the
    /// orders with the items taken of each (nil: all it covers).
    private func commitOne(
        _ draft: InvoiceDraft, claims: [(Int64, [Int]?)], runID: String, db: Database
    ) throws -> InvoiceDraft {
        let invoice = draft.invoice
        let year = invoice.invoiceDate.year
        var numbered: InvoiceDraft
        let number: String
        if invoice.kind == .proForma {
            // No number from any range and no posting: an id made of the run and its first order.
            number = "PF-\(runID)-\(claims.map(\.0).min() ?? 0)"
            numbered = draft
            numbered.invoice.number = number
        } else {
            number = try Self.nextNumber(
                db, NumberRangeKind(documentKind: invoice.kind), companyCode: invoice.seller.id, year: year)
            let posting = try Self.nextNumber(db, .posting, companyCode: invoice.seller.id, year: year)
            numbered = draft.numbered(invoiceNumber: number, postingNumber: posting)
        }
        numbered.invoice.runID = runID
        var closed: [(document: String, items: [Int]?)] = []
        for (order, items) in claims {
            closed.append(try Self.closeOrder(order, items: items, invoiceNumber: number, db: db))
        }
        try insert(numbered, runKey: Self.runKey(runID), db: db)
        try linkMemo(numbered.invoice, db: db)
        try Self.recordClearings(numbered.invoice, db: db)
        try Self.markInvoiced(numbered.invoice, items: closed, held: numbered.posting.held, db: db)
        var intercompany: [InvoiceDraft] = []
        for icInvoice in numbered.intercompany {
            intercompany.append(try commitIntercompany(icInvoice, of: numbered.invoice, runID: runID, db: db))
        }
        numbered.intercompany = intercompany
        return numbered
    }

    /// Stores a numbered invoice (of any kind), its items and its FI document. The statements
    /// are prepared once per connection (GRDB's statement cache), not once per invoice.
    func insert(_ draft: InvoiceDraft, runKey: Int64, db: Database) throws {
        let invoice = draft.invoice
        try DirectStatement(
            db,
            sql: """
                INSERT INTO invoice (number, kind, company_code, account, currency, invoice_date, due_date,
                    net_minor, tax_minor, gross_minor, run_id, posting_number, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute { row in
            row.text(invoice.number)
            row.text(invoice.kind.rawValue)
            row.text(invoice.seller.id)
            row.text(invoice.buyer.id)
            row.text(invoice.currency.code)
            row.text(invoice.invoiceDate.description)
            row.text(invoice.dueDate.description)
            row.integer(invoice.netTotal.minorUnits)
            row.integer(invoice.taxTotal.minorUnits)
            row.integer(invoice.grossTotal.minorUnits)
            row.integer(runKey)
            row.text(invoice.postingNumber)
            row.text(Self.encodeInDeclarationOrder(invoice))
        }
        let item = try DirectStatement(db, sql: "INSERT INTO invoice_item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for line in invoice.lines {
            try item.execute { row in
                row.text(invoice.number)
                row.integer(line.number)
                row.text(line.sourceDocument)
                row.integer(line.sourceItem)
                row.text(line.material)
                row.text(line.quantity.description)
                row.text(line.unit)
                row.integer(line.netAmount.minorUnits)
                row.text(line.taxCode)
            }
        }
        // A pro forma posts nothing.
        if invoice.kind != .proForma { try Self.insert(draft.posting, db: db) }
    }

    /// Stores a numbered FI document and its lines (an invoice's, or one of its own such as an
    /// invoice list's discount posting).
    static func insert(_ posting: FIDocument, db: Database) throws {
        try DirectStatement(db, sql: "INSERT INTO fi_document VALUES (?, ?, ?, ?, ?, ?)").execute { row in
            row.text(posting.number)
            row.text(posting.companyCode)
            row.text(posting.postingDate.description)
            row.text(posting.reference)
            row.text(posting.currency.code)
            row.bool(posting.held)
        }
        let insertLine = try DirectStatement(
            db,
            sql: """
                INSERT INTO fi_line (document_number, line, gl_account, side, amount_minor, account_key,
                    tax_code, contract_account, text, rebate_agreement, profit_center, cost_center)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for line in posting.lines {
            try insertLine.execute { row in
                row.text(posting.number)
                row.integer(line.number)
                row.text(line.glAccount)
                row.text(line.side.rawValue)
                row.integer(line.amount.minorUnits)
                row.text(line.accountKey?.rawValue)
                row.text(line.taxCode)
                row.text(line.contractAccount)
                row.text(line.text)
                row.text(line.rebateAgreement)
                row.text(line.profitCenter)
                row.text(line.costCenter)
            }
        }
    }

    /// Draws the next number of a range inside the caller's transaction, so a rollback returns it.
    static func nextNumber(_ db: Database, _ kind: NumberRangeKind, companyCode: String, year: Int) throws -> String {
        let draw = try db.cachedStatement(
            sql: """
                INSERT INTO number_range (company_code, kind, year, last_number) VALUES (?, ?, ?, 1)
                ON CONFLICT (company_code, kind, year) DO UPDATE SET last_number = last_number + 1
                RETURNING last_number
                """)
        let last = try Int64.fetchOne(draw, arguments: [companyCode, kind.rawValue, year]) ?? 0
        return kind.number(companyCode: companyCode, year: year, sequence: last)
    }

    static func runID(_ key: Int64) -> String {
        let digits = String(key)
        return "RUN-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func runKey(_ runID: String) -> Int64 {
        Int64(runID.dropFirst(4)) ?? -1
    }
}
