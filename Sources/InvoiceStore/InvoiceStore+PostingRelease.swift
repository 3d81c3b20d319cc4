internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// Releases the FI document held by a posting block that posts document `number` (an
    /// invoice, memo or cancellation; or the FI document's own number), in one transaction with a
    /// run of its own (process `RELEASE`) whose id the released document's posting files take.
    ///
    /// Refuses (`.refused`) an unknown number and a document that is not held (never held, or
    /// released before); nothing changes then.
    public func releasePosting(
        of number: String, on date: CalendarDate, releasedAt: String, releasedBy: String
    ) throws(StoreError) -> (runID: String, posting: FIDocument) {
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
            try db.execute(sql: "UPDATE fi_document SET held = 0 WHERE number = ?", arguments: [postingNumber])
            try db.execute(
                sql: """
                    INSERT INTO posting_release (document_number, run_id, released_at, released_by)
                    VALUES (?, ?, ?, ?)
                    """,
                arguments: [postingNumber, runKey, releasedAt, releasedBy])
            try Self.markPosted(postingNumber: postingNumber, db: db)
            posting.held = false
            return (Self.runID(runKey), posting)
        }
    }
}
