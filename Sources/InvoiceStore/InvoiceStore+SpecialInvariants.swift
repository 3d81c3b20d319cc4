internal import GRDB
internal import InvoicingCore

extension InvoiceStore {
    /// The invariants of special invoices and delivery statuses:
    /// - a pro forma has no FI document and no number from a range;
    /// - an advance is deducted by at most one standing final invoice, and each final invoice's
    ///   prepaid amount is the sum of the advances it deducts;
    /// - a delivery line past 60 names a standing invoice that bills it; a line at 60 has none.
    static func specialInvoiceViolations(_ db: Database) throws -> [String] {
        var violations: [String] = []
        for number in try String.fetchAll(
            db,
            sql: """
                SELECT number FROM invoice WHERE kind = 'PRO_FORMA'
                AND (posting_number <> '' OR EXISTS (SELECT 1 FROM fi_document f WHERE f.reference = invoice.number))
                """)
        {
            violations.append("pro forma \(number) is posted")
        }
        let standing = """
            NOT EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = x.final_number AND c.kind = 'CANCELLATION')
            """
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT advance_number, COUNT(*) AS finals FROM advance_clearing x WHERE \(standing)
                GROUP BY advance_number HAVING finals > 1
                """)
        {
            violations.append("advance \(row[0] as String) is deducted by \(row[1] as Int) standing final invoices")
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT final_number, SUM(gross_minor) AS cleared FROM advance_clearing x GROUP BY final_number
                """)
        {
            let final: String = row[0]
            let cleared: Int64 = row[1]
            guard
                let payload = try String.fetchOne(
                    db, sql: "SELECT payload FROM invoice WHERE number = ?", arguments: [final])
            else {
                violations.append("final invoice \(final) deducts advances but is not stored")
                continue
            }
            let invoice = try decode(Invoice.self, payload)
            if invoice.prepaidAmount?.minorUnits != cleared {
                violations.append(
                    "final invoice \(final) shows prepaid \(invoice.prepaidAmount?.description ?? "none"), its advances add up to \(cleared) minor units"
                )
            }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT d.source_document_id, d.item, d.status, d.invoice_number FROM delivery_status d
                WHERE (d.status > 60 AND (d.invoice_number IS NULL
                        OR NOT EXISTS (SELECT 1 FROM invoice v WHERE v.number = d.invoice_number AND v.kind <> 'PRO_FORMA')
                        OR EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = d.invoice_number
                            AND c.kind = 'CANCELLATION')))
                   OR (d.status = 60 AND EXISTS (SELECT 1 FROM invoicing_order o JOIN invoice v ON v.number = o.invoice_number
                        WHERE o.source_document_id = d.source_document_id AND o.status = 'invoiced'
                        AND (o.items IS NULL OR (',' || o.items || ',') LIKE ('%,' || d.item || ',%'))
                        AND v.kind <> 'PRO_FORMA'
                        AND NOT EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = v.number
                            AND c.kind = 'CANCELLATION')))
                """)
        {
            violations.append(
                "delivery line \(row[0] as String) item \(row[1] as Int) at status \(row[2] as Int) "
                    + "does not match its invoice \(row[3] as String? ?? "none")")
        }
        return violations
    }
}
