internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// The prefix of invoice list numbers: `IL-COMPANY-YEAR-NNNNNN`, gap-free per company code and year.
    static let listRange = "IL"

    /// Collects the invoice lists due on `date`: for every payer with an invoice-list calendar, its
    /// invoices dated on or before the calendar's latest list date that are on no list yet, one
    /// list per company code, currency and kind (credits apart from invoices). Each list is
    /// numbered, stored with its items, and each invoice on it becomes a `SUBIN` source document
    /// of the list (its order closed by the list's number), all in one transaction. The unique
    /// index on `invoice_list_item.invoice_number` keeps an invoice from ever being in two lists.
    ///
    /// With a factoring discount, each list of invoices gets the discount on its total and an FI
    /// document of its own for it (discount on the `ERS` account against the payer's `REC`
    /// receivable, from account determination with any material group), in the same transaction.
    ///
    /// - Parameters:
    ///   - simulate: compute the lists (numbered `SIM-IL-...`) but store nothing.
    ///   - factoringDiscount: the discount in percent on each invoice list's total, if any.
    ///   - rounding: how the discount is rounded.
    /// - Returns: every list made, with its documents and the discount's FI document, if any.
    public func createInvoiceLists(
        on date: CalendarDate, simulate: Bool = false, factoringDiscount: FixedDecimal? = nil,
        rounding: RoundingRule = .halfUp
    ) throws(StoreError) -> [(list: InvoiceList, documents: [Invoice], posting: FIDocument?)] {
        var made: [(list: InvoiceList, documents: [Invoice], posting: FIDocument?)] = []
        let masterData = factoringDiscount == nil ? MasterData() : try loadMasterData()
        do {
            try queue.write { db in
                let accounts = try String.fetchAll(db, sql: "SELECT payload FROM contract_account ORDER BY id")
                    .map { text throws in try Self.decode(ContractAccount.self, text) }
                var simulatedNumbers: [String: Int64] = [:]
                for account in accounts {
                    guard let calendar = account.invoiceListCalendar,
                        let listDate = calendar.latestListDate(onOrBefore: date)
                    else { continue }
                    // An invoice cancelled before it was listed is never listed, nor is its
                    // cancellation: they net to nothing. The cancellation of a listed invoice goes
                    // on the payer's next credit list; the invoice stays on its list (sent as it was).
                    let invoices = try String.fetchAll(
                        db,
                        sql: """
                            SELECT payload FROM invoice WHERE account = ? AND invoice_date <= ?
                              AND kind <> 'PRO_FORMA'
                              AND number NOT IN (SELECT invoice_number FROM invoice_list_item)
                              AND NOT EXISTS (SELECT 1 FROM document_flow f
                                  WHERE f.kind = 'CANCELLATION' AND f.preceding = invoice.number)
                              AND NOT EXISTS (SELECT 1 FROM document_flow f
                                  WHERE f.kind = 'CANCELLATION' AND f.subsequent = invoice.number
                                    AND f.preceding NOT IN (SELECT invoice_number FROM invoice_list_item))
                            ORDER BY invoice_date, number
                            """,
                        arguments: [account.id, listDate.description]
                    ).map { text throws in try Self.decode(Invoice.self, text) }
                    let byNumber = Dictionary(invoices.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
                    for var list in try InvoiceList.collect(invoices, listDate: listDate) {
                        let documents = list.documents.compactMap { byNumber[$0] }
                        if let factoringDiscount {
                            list = try list.discounted(percent: factoringDiscount, rounding: rounding)
                        }
                        if simulate {
                            let key = "\(list.companyCode)-\(listDate.year)"
                            simulatedNumbers[key, default: 0] += 1
                            list.number =
                                "SIM-" + Self.listNumber(list.companyCode, listDate.year, simulatedNumbers[key] ?? 0)
                        } else {
                            list.number = try Self.nextListNumber(
                                db, companyCode: list.companyCode, year: listDate.year)
                        }
                        var posting = try Self.discountDocument(list, account: account, masterData: masterData)
                        if var document = posting {
                            document.number =
                                simulate
                                ? "SIM-" + list.number
                                : try Self.nextNumber(db, .posting, companyCode: list.companyCode, year: listDate.year)
                            document.reference = list.number
                            list.discountPosting = document.number
                            posting = document
                        }
                        if !simulate {
                            try Self.insert(list, documents: documents, db: db)
                            if let posting { try Self.insert(posting, db: db) }
                        }
                        made.append((list, documents, posting))
                    }
                }
                if simulate { throw ListSimulationRollback() }
            }
        } catch is ListSimulationRollback {
            return made
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, Self.describe(error))
        }
        return made
    }

    /// The discount's FI document of `list`, unnumbered, with G/L accounts from account determination.
    private static func discountDocument(_ list: InvoiceList, account: ContractAccount, masterData: MasterData)
        throws -> FIDocument?
    {
        guard list.discount != nil else { return nil }
        guard let company = masterData.companyCodes[list.companyCode] else {
            throw StoreError(.corrupt, "invoice list of unknown company code \(list.companyCode)")
        }
        func gl(_ key: AccountKey) throws -> String {
            let request = AccountDeterminationRequest(
                company: company, accountGroup: account.accountAssignmentGroup, materialGroup: "", key: key)
            guard let match = masterData.accountDetermination(request) else {
                throw StoreError(
                    .corrupt, "no account determination for \(request) to post the factoring discount of \(account.id)")
            }
            return match.glAccount
        }
        return list.discountDocument(receivableAccount: try gl(.receivable), discountAccount: try gl(.deductions))
    }

    /// The number of the invoice list `invoice` is on, if any.
    public func invoiceList(containing invoice: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT list_number FROM invoice_list_item WHERE invoice_number = ?", arguments: [invoice])
        }
    }

    /// Every stored invoice list with its documents, by number; only those dated `date` when given.
    public func invoiceLists(on date: CalendarDate? = nil) throws(StoreError) -> [(
        list: InvoiceList, documents: [Invoice]
    )] {
        try read { db in
            var sql = "SELECT number, payload FROM invoice_list"
            var arguments: StatementArguments = []
            if let date {
                sql += " WHERE list_date = ?"
                arguments = [date.description]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY number", arguments: arguments).map { row throws in
                let list = try Self.decode(InvoiceList.self, row[1])
                let documents = try String.fetchAll(
                    db,
                    sql: """
                        SELECT i.payload FROM invoice_list_item l JOIN invoice i ON i.number = l.invoice_number
                        WHERE l.list_number = ? ORDER BY l.position
                        """,
                    arguments: [row[0] as String]
                ).map { text throws in try Self.decode(Invoice.self, text) }
                return (list, documents)
            }
        }
    }

    private static func listNumber(_ companyCode: String, _ year: Int, _ sequence: Int64) -> String {
        let digits = String(sequence)
        return "\(listRange)-\(companyCode)-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    private static func nextListNumber(_ db: Database, companyCode: String, year: Int) throws -> String {
        try db.execute(
            sql: """
                INSERT INTO number_range (company_code, kind, year, last_number) VALUES (?, ?, ?, 1)
                ON CONFLICT (company_code, kind, year) DO UPDATE SET last_number = last_number + 1
                """,
            arguments: [companyCode, listRange, year])
        let last =
            try Int64.fetchOne(
                db, sql: "SELECT last_number FROM number_range WHERE company_code = ? AND kind = ? AND year = ?",
                arguments: [companyCode, listRange, year]) ?? 0
        return listNumber(companyCode, year, last)
    }

    private static func insert(_ list: InvoiceList, documents: [Invoice], db: Database) throws {
        try db.execute(
            sql: "INSERT INTO invoice_list VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                list.number, list.kind.rawValue, list.companyCode, list.account, list.currency.code,
                list.listDate.description, list.dueDate.description, list.netTotal.minorUnits,
                list.taxTotal.minorUnits, list.grossTotal.minorUnits, try encode(list),
            ])
        for (position, invoice) in documents.enumerated() {
            let subin = subinDocument(invoice, list: list)
            try db.execute(
                sql: """
                    INSERT INTO source_document
                        (id, category, account, company_code, billing_date, payload, source_file, source_line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                    """,
                arguments: [
                    subin.id, subin.category.rawValue, subin.account, subin.companyCode,
                    subin.billingDate.description, subin.storePayload, "invoice list \(list.number)",
                ])
            // The SUBIN document is invoiced by the list itself: its order is closed at once.
            try db.execute(
                sql: """
                    INSERT INTO invoicing_order (source_document_id, category, account, due_date, status, invoice_number)
                    VALUES (?, ?, ?, ?, 'invoiced', ?)
                    """,
                arguments: [
                    subin.id, subin.category.rawValue, subin.account, subin.billingDate.description, list.number,
                ])
            try db.execute(
                sql: "INSERT INTO invoice_list_item VALUES (?, ?, ?, ?)",
                arguments: [list.number, position + 1, invoice.number, subin.id])
        }
    }

    /// The `SUBIN` source document of `invoice` on `list`: the invoice's lines, each at its net amount.
    static func subinDocument(_ invoice: Invoice, list: InvoiceList) -> SourceDocument {
        SourceDocument(
            id: "SUBIN-\(invoice.number)", category: .invoiceListItem, type: "INVOICE_LIST",
            companyCode: invoice.seller.id, account: invoice.buyer.id, currency: invoice.currency,
            documentDate: invoice.invoiceDate, billingDate: list.listDate, referenceOrder: list.number,
            referenceDelivery: invoice.number,
            items: invoice.lines.map { line in
                SourceItem(
                    number: line.number, material: line.material, description: line.description, quantity: .one,
                    unit: nil, unitPrice: line.netAmount.decimal, taxCode: line.taxCode)
            })
    }
}

/// Thrown inside the list transaction of a simulation, to store nothing.
private struct ListSimulationRollback: Error {}
