internal import GRDB

extension InvoiceStore {
    /// What must hold in any store, however documents were made and corrected; one message per
    /// violation, none when the store is sound.
    ///
    /// - every FI document balances, and its receivable lines are its document's amount due;
    /// - every document and its cancellation net to zero, and no memo of a cancelled invoice
    ///   stands, so an invoice plus its corrections nets to what remains billed (nothing once
    ///   cancelled); every flow link joins a correction of its kind to a document it may correct;
    /// - an invoicing order is open again exactly when the document that closed it was cancelled,
    ///   and the open order names that cancellation; every item of a source document is in
    ///   exactly one open order or one order closed by a document that stands (an invoice split
    ///   bills each item once, and a cancellation re-opens exactly the items it billed);
    /// - every number range is gap-free: the documents of a range are numbered 1 to its last number;
    /// - a rebate agreement settled finally has no open accrual.
    public func invariantViolations() throws(StoreError) -> [String] {
        try read { db in
            var violations: [String] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT document_number, SUM(CASE side WHEN 'D' THEN amount_minor ELSE -amount_minor END) AS balance
                    FROM fi_line GROUP BY document_number HAVING balance <> 0
                    """)
            {
                violations.append("FI document \(row[0] as String) does not balance: \(row[1] as Int64)")
            }
            // A document and its cancellation net to zero.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT f.preceding, p.gross_minor + s.gross_minor AS net FROM document_flow f
                    JOIN invoice p ON p.number = f.preceding JOIN invoice s ON s.number = f.subsequent
                    WHERE f.kind = 'CANCELLATION' AND p.gross_minor + s.gross_minor <> 0
                    """)
            {
                violations.append("\(row[0] as String) and its cancellation net to \(row[1] as Int64), not 0")
            }
            // What remains billed of a cancelled invoice is nothing: no memo of it stands.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT document_flow.preceding, document_flow.subsequent FROM document_flow
                    WHERE document_flow.kind IN ('CREDIT_MEMO', 'DEBIT_MEMO') \(Self.notCancelled)
                    AND EXISTS (SELECT 1 FROM document_flow x WHERE x.preceding = document_flow.preceding
                        AND x.kind = 'CANCELLATION')
                    """)
            {
                violations.append("\(row[0] as String) is cancelled, but its memo \(row[1] as String) stands")
            }
            // Every link joins a correction of the kind it says to a document it may correct.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT f.subsequent, f.kind, p.kind AS preceding_kind FROM document_flow f
                    JOIN invoice s ON s.number = f.subsequent JOIN invoice p ON p.number = f.preceding
                    WHERE s.kind <> f.kind OR p.kind = 'CANCELLATION'
                        OR (f.kind NOT IN ('CANCELLATION', 'INTERCOMPANY')
                            AND p.kind NOT IN ('INVOICE', 'CORRECTIVE', 'SUMMARY'))
                        OR (f.kind = 'INTERCOMPANY'
                            AND p.kind NOT IN ('INVOICE', 'CORRECTIVE', 'SUMMARY', 'CREDIT_MEMO', 'DEBIT_MEMO'))
                    """)
            {
                violations.append(
                    "\(row["subsequent"] as String) is linked as \(row["kind"] as String) to a \(row["preceding_kind"] as String)"
                )
            }
            // An order closed by a cancelled document has exactly one successor, re-created by the
            // cancellation (none if its request was rejected since); no other order is re-created.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT o.id, o.source_document_id, f.subsequent,
                        (SELECT COUNT(*) FROM invoicing_order n
                         WHERE n.source_document_id = o.source_document_id AND n.reopened_by = f.subsequent
                            AND n.split_from IS NULL) AS successors,
                        EXISTS (SELECT 1 FROM request_decision r WHERE r.document_id = o.source_document_id
                            AND r.decision = 'rejected') AS rejected
                    FROM invoicing_order o
                    LEFT JOIN document_flow f ON f.preceding = o.invoice_number AND f.kind = 'CANCELLATION'
                    WHERE o.status = 'invoiced'
                    """)
            {
                let cancellation: String? = row["subsequent"]
                let successors: Int = row["successors"]
                let rejected: Bool = row["rejected"]
                if (cancellation == nil && successors != 0)
                    || (cancellation != nil && successors != 1 && !(successors == 0 && rejected))
                {
                    violations.append(
                        "order \(row["id"] as Int64) of \(row["source_document_id"] as String): "
                            + "\(successors) orders re-created by \(cancellation ?? "no cancellation")")
                }
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT o.id, o.reopened_by FROM invoicing_order o WHERE o.reopened_by IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM document_flow f WHERE f.subsequent = o.reopened_by
                        AND f.kind = 'CANCELLATION')
                    """)
            {
                violations.append("order \(row[0] as Int64) re-created by \(row[1] as String), which cancels nothing")
            }
            // A rebate agreement settled finally has no accrual left: what was accrued (net of
            // cancellations) is what its settlements reversed.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.agreement_id, COALESCE((SELECT SUM(CASE l.side WHEN 'C' THEN l.amount_minor
                            ELSE -l.amount_minor END) FROM fi_line l
                        WHERE l.rebate_agreement = s.agreement_id AND l.account_key = 'ERU'), 0)
                        - (SELECT SUM(r.accrual_reversed_minor) FROM rebate_settlement r
                           WHERE r.agreement_id = s.agreement_id) AS open
                    FROM rebate_settlement s WHERE s.kind = 'FINAL'
                    """)
            {
                if (row["open"] as Int64) != 0 {
                    violations.append(
                        "rebate agreement \(row[0] as String) is settled finally but \(row["open"] as Int64) of accruals is open"
                    )
                }
            }
            // An intercompany invoice and its cancellation are posted in both company codes.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT i.number, (SELECT COUNT(*) FROM fi_document d WHERE d.reference = i.number) AS postings
                    FROM invoice i WHERE i.kind = 'INTERCOMPANY' OR (i.kind = 'CANCELLATION' AND EXISTS (
                        SELECT 1 FROM document_flow f JOIN invoice p ON p.number = f.preceding
                        WHERE f.subsequent = i.number AND p.kind = 'INTERCOMPANY'))
                    """)
            {
                let postings: Int = row["postings"]
                if postings != 2 {
                    violations.append("intercompany document \(row[0] as String) has \(postings) FI documents, not 2")
                }
            }
            // An intercompany document stands exactly as long as the customer document it belongs to.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT f.preceding, f.subsequent,
                        EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = f.preceding
                            AND c.kind = 'CANCELLATION') AS customer_cancelled,
                        EXISTS (SELECT 1 FROM document_flow c WHERE c.preceding = f.subsequent
                            AND c.kind = 'CANCELLATION') AS internal_cancelled
                    FROM document_flow f WHERE f.kind = 'INTERCOMPANY'
                    """)
            {
                let customer: Bool = row["customer_cancelled"]
                let ownCancelled: Bool = row["internal_cancelled"]
                if customer != ownCancelled {
                    violations.append(
                        "\(row[0] as String) is \(customer ? "" : "not ")cancelled, its intercompany document "
                            + "\(row[1] as String) is \(ownCancelled ? "" : "not ")cancelled")
                }
            }
            // Gap-free ranges: the numbers stored per range are exactly 1...last.
            var used: [String: [Int64]] = [:]
            for number in try String.fetchAll(
                db,
                sql: """
                    SELECT number FROM invoice WHERE kind <> 'PRO_FORMA' UNION ALL SELECT number FROM fi_document
                    UNION ALL SELECT number FROM invoice_list
                    """)
            {
                guard let dash = number.lastIndex(of: "-"), let sequence = Int64(number[number.index(after: dash)...])
                else { continue }
                used[String(number[..<dash]), default: []].append(sequence)
            }
            for row in try Row.fetchAll(db, sql: "SELECT kind, company_code, year, last_number FROM number_range") {
                let key = "\(row["kind"] as String)-\(row["company_code"] as String)-\(row["year"] as Int)"
                let last: Int64 = row["last_number"]
                let sequences = (used.removeValue(forKey: key) ?? []).sorted()
                if sequences != Array(1...max(1, last)) || last < 1 {
                    violations.append("range \(key) ends at \(last) but holds \(sequences.count) documents")
                }
            }
            for key in used.keys.sorted() { violations.append("documents numbered in \(key), a range never drawn") }
            violations += try Self.specialInvoiceViolations(db)
            violations += try Self.orderItemViolations(db: db)
            violations += try Self.receivableViolations(db: db)
            return violations
        }
    }
}
