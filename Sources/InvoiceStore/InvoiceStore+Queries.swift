internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// One stored invoice in a listing.
    public struct InvoiceSummary: Sendable, Hashable {
        /// The invoice number.
        public var number: String
        /// The contract account invoiced.
        public var account: String
        /// The invoice date as `YYYY-MM-DD`.
        public var invoiceDate: String
        /// The gross total of the invoice.
        public var gross: Money
        /// The id of the invoicing run that made the invoice.
        public var runID: String
        /// What kind of document it is.
        public var kind: Invoice.Kind
    }

    /// Stored invoices, by number.
    public func invoiceSummaries() throws(StoreError) -> [InvoiceSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT number, account, invoice_date, gross_minor, currency, run_id, kind FROM invoice ORDER BY number
                    """
            ).map { row throws in
                let code: String = row["currency"]
                guard let currency = Currency(code: code) else {
                    throw StoreError(.corrupt, "unknown currency \(code)")
                }
                let kindText: String = row["kind"]
                guard let kind = Invoice.Kind(rawValue: kindText) else {
                    throw StoreError(.corrupt, "unknown document kind \(kindText)")
                }
                return InvoiceSummary(
                    number: row["number"], account: row["account"], invoiceDate: row["invoice_date"],
                    gross: Money(minorUnits: row["gross_minor"], currency: currency), runID: Self.runID(row["run_id"]),
                    kind: kind)
            }
        }
    }

    /// A stored invoice with everything it said when it was made.
    public func invoice(number: String) throws(StoreError) -> Invoice? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM invoice WHERE number = ?", arguments: [number])
                .map { text throws in try Self.decode(Invoice.self, text) }
        }
    }

    /// The FI document lines of every stored invoice, for balance checks.
    public func postingBalances() throws(StoreError) -> [String: Int64] {
        try read { db in
            var balances: [String: Int64] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT document_number,
                        SUM(CASE side WHEN 'D' THEN amount_minor ELSE -amount_minor END) AS balance
                    FROM fi_line GROUP BY document_number
                    """)
            {
                balances[row["document_number"]] = row["balance"]
            }
            return balances
        }
    }

    /// The last number used of each range, keyed `KIND-COMPANY-YEAR`.
    public func numberRanges() throws(StoreError) -> [String: Int64] {
        try read { db in
            var ranges: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM number_range") {
                let kind: String = row["kind"]
                let company: String = row["company_code"]
                let year: Int = row["year"]
                ranges["\(kind)-\(company)-\(year)"] = row["last_number"]
            }
            return ranges
        }
    }

    /// Invoice numbers stored per order's source document.
    public func invoiceNumbersBySourceDocument() throws(StoreError) -> [String: [String]] {
        try read { db in
            var result: [String: [String]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT source_document_id, invoice_number FROM invoicing_order WHERE status = 'invoiced'")
            {
                result[row[0], default: []].append(row[1])
            }
            return result
        }
    }
}
