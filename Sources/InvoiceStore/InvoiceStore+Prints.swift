internal import GRDB

extension InvoiceStore {
    /// One print of a stored document: which edition, when, by whom and why.
    public struct PrintRecord: Sendable, Hashable {
        /// Which print of a document a record is.
        public enum Edition: String, Sendable, Hashable, CaseIterable {
            /// The first print, made by the run.
            case original
            /// A reprint marked COPY.
            case copy
            /// A reprint marked DUPLICATE, replacing a lost original.
            case duplicate
        }

        /// The number of the document printed.
        public var documentNumber: String
        /// Original, copy or duplicate.
        public var edition: Edition
        /// 0 for the original, n for the n-th reprint.
        public var reprint: Int
        /// When it was printed, as the caller gave it (ISO 8601).
        public var printedAt: String
        /// Who printed it.
        public var printedBy: String
        /// Why it was printed, if given.
        public var reason: String?
    }

    /// Records the originals a run printed, all in one transaction.
    public func recordOriginalPrints(_ numbers: [String], printedAt: String, printedBy: String) throws(StoreError) {
        try write { db in
            // Prepared once for the batch, not once per number.
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO print_log (document_number, edition, reprint, printed_at, printed_by)
                    VALUES (?, 'original', 0, ?, ?)
                    """)
            for number in numbers { try insert.execute(arguments: [number, printedAt, printedBy]) }
        }
    }

    /// Records a reprint of `number` and returns its count: 1 for the first copy or duplicate, 2
    /// for the second, and so on. Counting and recording are one transaction, so two reprints
    /// made at once never get the same count.
    public func recordReprint(
        of number: String, edition: PrintRecord.Edition, printedAt: String, printedBy: String, reason: String?
    ) throws(StoreError) -> Int {
        try write { db in
            let last =
                try Int.fetchOne(
                    db, sql: "SELECT MAX(reprint) FROM print_log WHERE document_number = ?", arguments: [number]) ?? 0
            try db.execute(
                sql: """
                    INSERT INTO print_log (document_number, edition, reprint, printed_at, printed_by, reason)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [number, edition.rawValue, last + 1, printedAt, printedBy, reason])
            return last + 1
        }
    }

    /// Every recorded print of `number`, oldest first.
    public func prints(of number: String) throws(StoreError) -> [PrintRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT edition, reprint, printed_at, printed_by, reason FROM print_log
                    WHERE document_number = ? ORDER BY reprint
                    """,
                arguments: [number]
            ).map { row throws in
                let edition: String = row["edition"]
                guard let known = PrintRecord.Edition(rawValue: edition) else {
                    throw StoreError(.corrupt, "unknown print edition \(edition)")
                }
                return PrintRecord(
                    documentNumber: number, edition: known, reprint: row["reprint"], printedAt: row["printed_at"],
                    printedBy: row["printed_by"], reason: row["reason"])
            }
        }
    }
}
