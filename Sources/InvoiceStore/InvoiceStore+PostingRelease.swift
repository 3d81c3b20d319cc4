internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// Releases the FI document held by a posting block that posts document `number` (an
    /// invoice, memo or cancellation; or the FI document's own number), in one transaction with a
    /// run of its own (process `RELEASE`) whose id the released document's posting files take.
    ///
    /// Refuses (`.refused`) an unknown number and a document that is not held (never held, or
    /// released before); nothing changes then.
    ///
    /// The FI documents of the invoice's intercompany invoices (one at each company code) were
    /// held with it and are released with it, in the same run; they come after the invoice's own
    /// in `postings`.
    public func releasePosting(
        of number: String, on date: CalendarDate, releasedAt: String, releasedBy: String
    ) throws(StoreError) -> (runID: String, postings: [FIDocument]) {
        try write { db in
            let postingNumber =
                try String.fetchOne(
                    db, sql: "SELECT posting_number FROM invoice WHERE number = ?", arguments: [number]) ?? number
            guard var posting = try Self.postingDocument(postingNumber, db: db) else {
                throw StoreError(.refused, "no invoice or FI document \(number) in the store")
            }
            guard posting.held else {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT released_by, released_at FROM posting_release WHERE document_number = ?",
                    arguments: [postingNumber])
                {
                    throw StoreError(
                        .refused,
                        "\(postingNumber) was released by \(row["released_by"] as String) at \(row["released_at"] as String)"
                    )
                }
                throw StoreError(
                    .refused, "\(postingNumber) is not held by a posting block; there is nothing to release")
            }
            try db.execute(
                sql: "INSERT INTO run (process, run_date, parameters, status) VALUES ('RELEASE', ?, ?, 'finished')",
                arguments: [date.description, try Self.encode(["release": postingNumber])])
            let runKey = db.lastInsertedRowID
            posting.held = false
            var released = [posting]
            for intercompanyPosting in try String.fetchAll(
                db,
                sql: """
                    SELECT d.number FROM document_flow f JOIN fi_document d ON d.reference = f.subsequent
                    WHERE f.preceding = ? AND f.kind = ? AND d.held = 1 ORDER BY d.number
                    """,
                arguments: [posting.reference, Invoice.Kind.intercompany.rawValue])
            {
                if var document = try Self.postingDocument(intercompanyPosting, db: db) {
                    document.held = false
                    released.append(document)
                }
            }
            for document in released {
                try db.execute(sql: "UPDATE fi_document SET held = 0 WHERE number = ?", arguments: [document.number])
                try db.execute(
                    sql: """
                        INSERT INTO posting_release (document_number, run_id, released_at, released_by)
                        VALUES (?, ?, ?, ?)
                        """,
                    arguments: [document.number, runKey, releasedAt, releasedBy])
                try Self.markPosted(postingNumber: document.number, db: db)
            }
            return (Self.runID(runKey), released)
        }
    }
}
