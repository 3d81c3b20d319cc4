internal import GRDB
internal import InvoicingCore

extension InvoiceStore {
    /// The ledger agrees with the documents: the receivable lines of every posted document's FI
    /// document (debit minus credit) are its amount due, the gross total less what it deducts of
    /// advances. So an invoice, its cancellation and its memos net in the ledger to what remains
    /// billed of it, independently of the totals stored with the documents.
    static func receivableViolations(db: Database) throws -> [String] {
        var violations: [String] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT i.number, i.payload,
                    (SELECT COALESCE(SUM(CASE l.side WHEN 'D' THEN l.amount_minor ELSE -l.amount_minor END), 0)
                     FROM fi_line l WHERE l.document_number = i.posting_number AND l.account_key = 'REC') AS receivable
                FROM invoice i WHERE i.kind <> 'PRO_FORMA' ORDER BY i.number
                """)
        {
            let invoice = try decode(Invoice.self, row["payload"] as String)
            let due = invoice.grossTotal.minorUnits - (invoice.prepaidAmount?.minorUnits ?? 0)
            let receivable: Int64 = row["receivable"]
            if receivable != due {
                violations.append(
                    "\(row["number"] as String) is due \(due) minor units, its FI document's receivables \(receivable)")
            }
        }
        return violations
    }
}
