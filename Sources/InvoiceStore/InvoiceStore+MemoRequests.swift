internal import GRDB
internal import InvoicingCore

extension InvoiceStore {
    /// The document type of a credit memo request that corrects a price, not a quantity: it may
    /// credit more per item than was invoiced (the difference times the invoiced quantity).
    public static let priceDifferenceType = InvoicingRun.priceDifferenceType

    /// Approves or rejects credit or debit memo request `id`, recording who, when and why.
    ///
    /// Approval clears the request's billing block, so the next run makes its memo; rejection
    /// closes it: its open invoicing order is removed and it is never invoiced. A request is
    /// decided once; one without a billing block needs no approval. Refusals are `.refused`.
    public func decide(
        request id: String, approve: Bool, decidedAt: String, decidedBy: String, reason: String?
    ) throws(StoreError) {
        try write { db in
            guard
                let payload = try String.fetchOne(
                    db, sql: "SELECT payload FROM source_document WHERE id = ?", arguments: [id])
            else {
                throw StoreError(.refused, "no source document \(id) in the store")
            }
            var document = try SourceDocument(storePayload: payload)
            guard document.category.isMemoRequest else {
                throw StoreError(
                    .refused,
                    "\(id) has category \(document.category.rawValue); only credit or debit memo requests are approved")
            }
            if let row = try Row.fetchOne(
                db, sql: "SELECT decision, decided_by, decided_at FROM request_decision WHERE document_id = ?",
                arguments: [id])
            {
                throw StoreError(
                    .refused,
                    "\(id) was \(row["decision"] as String) by \(row["decided_by"] as String) at \(row["decided_at"] as String)"
                )
            }
            let open =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM invoicing_order WHERE source_document_id = ? AND status = 'open'",
                    arguments: [id]) ?? 0
            guard open == 1 else { throw StoreError(.refused, "\(id) was invoiced already") }
            if approve {
                guard document.billingBlock else {
                    throw StoreError(.refused, "\(id) carries no billing block; there is nothing to approve")
                }
                document.billingBlock = false
                try db.execute(
                    sql: "UPDATE source_document SET payload = ? WHERE id = ?", arguments: [document.storePayload, id])
            } else {
                try db.execute(
                    sql: "DELETE FROM invoicing_order WHERE source_document_id = ? AND status = 'open'", arguments: [id]
                )
            }
            try db.execute(
                sql: """
                    INSERT INTO request_decision (document_id, decision, decided_at, decided_by, reason)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [id, approve ? "approved" : "rejected", decidedAt, decidedBy, reason])
        }
    }

    /// The decision on memo request `id`, as text (`approved by alice at 2026-12-01T09:00:00Z: reason`), if any.
    public func decision(onRequest id: String) throws(StoreError) -> String? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT decision, decided_by, decided_at, reason FROM request_decision WHERE document_id = ?",
                arguments: [id]
            ).map { row in
                let reason: String? = row["reason"]
                return
                    "\(row["decision"] as String) by \(row["decided_by"] as String) at \(row["decided_at"] as String)"
                    + (reason.map { ": \($0)" } ?? "")
            }
        }
    }

    /// Links a credit or debit memo to the invoice it corrects, inside the commit's transaction,
    /// after checking that it may: the invoice exists, is the same payer's, is not cancelled, and
    /// (for a credit memo that is not a price difference) no material is credited beyond the
    /// quantity or the net amount invoiced, counting earlier credit memos.
    func linkMemo(_ memo: Invoice, db: Database) throws {
        guard memo.kind == .creditMemo || memo.kind == .debitMemo, let reference = memo.reference else { return }
        let request = memo.sourceDocuments.joined(separator: ", ")
        guard
            let payload = try String.fetchOne(
                db, sql: "SELECT payload FROM invoice WHERE number = ?", arguments: [reference])
        else {
            throw StoreError(.refused, "request \(request) corrects invoice \(reference), which is not in the store")
        }
        let invoice = try Self.decode(Invoice.self, payload)
        guard [.invoice, .corrective, .summary].contains(invoice.kind) else {
            throw StoreError(
                .refused,
                "request \(request) corrects \(reference), which is not an invoice; only invoices are corrected")
        }
        guard invoice.buyer.id == memo.buyer.id, invoice.currency == memo.currency else {
            throw StoreError(
                .refused,
                "request \(request) of \(memo.buyer.id) in \(memo.currency.code) corrects \(reference), "
                    + "which was made out to \(invoice.buyer.id) in \(invoice.currency.code)")
        }
        let links = try Row.fetchAll(
            db, sql: "SELECT subsequent, kind FROM document_flow WHERE preceding = ? \(Self.notCancelled)",
            arguments: [reference])
        if let cancellation = links.first(where: { ($0["kind"] as String) == Invoice.Kind.cancellation.rawValue }) {
            throw StoreError(
                .refused,
                "request \(request) corrects \(reference), which \(cancellation["subsequent"] as String) cancelled")
        }
        if memo.kind == .creditMemo, try !isPriceDifference(memo, db: db) {
            var credited: [Invoice] = [memo]  // and the earlier credit memos not cancelled
            for link in links where (link["kind"] as String) == Invoice.Kind.creditMemo.rawValue {
                let text = try String.fetchOne(
                    db, sql: "SELECT payload FROM invoice WHERE number = ?", arguments: [link["subsequent"] as String])
                if let text { credited.append(try Self.decode(Invoice.self, text)) }
            }
            try Self.checkCreditLimit(invoice, credited: credited, request: request)
        }
        try db.execute(
            sql: """
                INSERT INTO document_flow (subsequent, preceding, kind, reason, created_at, created_by)
                VALUES (?, ?, ?, NULL, ?, ?)
                """,
            arguments: [memo.number, reference, memo.kind.rawValue, memo.invoiceDate.description, memo.runID])
    }

    private func isPriceDifference(_ memo: Invoice, db: Database) throws -> Bool {
        for id in memo.sourceDocuments {
            let payload = try String.fetchOne(
                db, sql: "SELECT payload FROM source_document WHERE id = ?", arguments: [id])
            guard let payload, try SourceDocument(storePayload: payload).type == Self.priceDifferenceType else {
                return false
            }
        }
        return true
    }

    /// Per material: what the credit memos (negative) take off must not exceed the invoiced
    /// quantity or net amount.
    static func checkCreditLimit(_ invoice: Invoice, credited: [Invoice], request: String) throws {
        var quantity: [String: FixedDecimal] = [:]
        var net: [String: Int64] = [:]
        for line in invoice.lines {
            quantity[line.material] = try (quantity[line.material] ?? .zero).adding(line.quantity)
            net[line.material, default: 0] += line.netAmount.minorUnits
        }
        for line in credited.flatMap(\.lines) {
            guard let invoiced = quantity[line.material] else {
                throw StoreError(
                    .refused, "request \(request) credits \(line.material), which \(invoice.number) did not invoice")
            }
            quantity[line.material] = try invoiced.adding(line.quantity)
            net[line.material, default: 0] += line.netAmount.minorUnits
        }
        for material in quantity.keys.sorted() {
            // swift-format-ignore: NeverForceUnwrap
            let left = quantity[material]!
            let amount = net[material] ?? 0
            if left < .zero || amount < 0 {
                throw StoreError(
                    .refused,
                    "request \(request) credits more \(material) than \(invoice.number) invoiced "
                        + "(quantity left \(left), net left \(Money(minorUnits: amount, currency: invoice.currency)))")
            }
        }
    }
}
