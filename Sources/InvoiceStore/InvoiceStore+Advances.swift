internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// Advance and prepayment invoices of `accounts` (all when nil) that no standing final
    /// invoice deducts yet and that are not cancelled, by number: what the next final invoice of
    /// their order deducts.
    public func openAdvances(accounts: Set<String>? = nil) throws(StoreError) -> [Invoice] {
        try read { db in try Self.openAdvances(accounts: accounts, db: db) }
    }

    static func openAdvances(accounts: Set<String>?, db: Database) throws -> [Invoice] {
        var sql = """
            SELECT payload FROM invoice a WHERE a.kind IN ('ADVANCE', 'PREPAYMENT')
            AND NOT EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = a.number AND c.kind = 'CANCELLATION')
            AND NOT EXISTS (SELECT 1 FROM advance_clearing x WHERE x.advance_number = a.number
                AND NOT EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = x.final_number
                    AND c.kind = 'CANCELLATION'))
            """
        var arguments: StatementArguments = []
        if let accounts {
            sql += " AND a.account IN (\(Array(repeating: "?", count: accounts.count).joined(separator: ",")))"
            arguments = StatementArguments(accounts.sorted())
        }
        return try String.fetchAll(db, sql: sql + " ORDER BY a.number", arguments: arguments).map {
            try Self.decode(Invoice.self, $0)
        }
    }

    /// Records which advances a final invoice deducts, inside the commit's transaction, after
    /// checking each is still open: an advance deducted (or cancelled) meanwhile fails the unit.
    static func recordClearings(_ invoice: Invoice, db: Database) throws {
        guard !invoice.advanceClearings.isEmpty else { return }
        let open = Set(try openAdvances(accounts: [invoice.buyer.id], db: db).map(\.number))
        for clearing in invoice.advanceClearings {
            guard open.contains(clearing.number) else {
                throw StoreError(
                    .refused, "advance \(clearing.number) is no longer open (deducted or cancelled meanwhile)")
            }
            try db.execute(
                sql: "INSERT INTO advance_clearing (advance_number, final_number, gross_minor) VALUES (?, ?, ?)",
                arguments: [clearing.number, invoice.number, clearing.grossAmount.minorUnits])
        }
    }

    /// The standing final invoice that deducts advance `number`, if one does.
    static func clearingFinal(of number: String, db: Database) throws -> String? {
        try String.fetchOne(
            db,
            sql: """
                SELECT final_number FROM advance_clearing x WHERE advance_number = ?
                AND NOT EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = x.final_number
                    AND c.kind = 'CANCELLATION')
                """,
            arguments: [number])
    }

    /// The standing final invoice that deducts advance `number`, if one does.
    public func clearingFinal(of number: String) throws(StoreError) -> String? {
        try read { db in try Self.clearingFinal(of: number, db: db) }
    }
}
