internal import GRDB
public import InvoicingCore

/// The store's side of the drop folder (`invoicerun watch`): claims that make two watchers
/// process a file once, and the marks that let a restarted watcher finish what a crash cut short.
extension InvoiceStore {
    /// What came of an attempt to claim a file in `processing/`.
    public enum ClaimOutcome: Sendable, Hashable {
        /// The caller holds the claim and may process the file.
        case claimed
        /// Another watcher holds a claim on this very file.
        case heldBy(owner: String)
        /// Another file of the same content is being processed; wait for it, then this one is a duplicate.
        case sameContentHeldBy(path: String, owner: String)
    }

    /// One claim on a file being processed.
    public struct DropFolderClaim: Sendable, Hashable {
        /// The file's path in `processing/`.
        public var path: String
        /// The SHA-256 of its content.
        public var contentHash: String
        /// The watcher holding it (`pid:start time`).
        public var owner: String
    }

    static func registerDropFolderMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-drop-folder") { db in
            try db.execute(
                sql: """
                    CREATE TABLE drop_folder_claim (
                        path TEXT PRIMARY KEY NOT NULL, content_hash TEXT NOT NULL UNIQUE,
                        owner TEXT NOT NULL);
                    CREATE TABLE drop_folder_invoicing (
                        id INTEGER PRIMARY KEY CHECK (id = 1), owner TEXT NOT NULL, after_run INTEGER NOT NULL);
                    """)
        }
    }

    /// Claims the file at `path` (content `sha256`) for `owner`, unless another claim holds the
    /// file or its content: the unique claim row is what makes two watchers process a file once.
    public func claimFile(path: String, sha256: String, owner: String) throws(StoreError) -> ClaimOutcome {
        try write { db in
            if let holder = try String.fetchOne(
                db, sql: "SELECT owner FROM drop_folder_claim WHERE path = ?", arguments: [path])
            {
                return holder == owner ? .claimed : .heldBy(owner: holder)
            }
            if let row = try Row.fetchOne(
                db, sql: "SELECT path, owner FROM drop_folder_claim WHERE content_hash = ?", arguments: [sha256])
            {
                return .sameContentHeldBy(path: row["path"], owner: row["owner"])
            }
            try db.execute(
                sql: "INSERT INTO drop_folder_claim (path, content_hash, owner) VALUES (?, ?, ?)",
                arguments: [path, sha256, owner])
            return .claimed
        }
    }

    /// Hands the claims of a watcher that is gone to `owner`; returns how many changed hands.
    @discardableResult
    public func takeOverClaims(of previous: String, by owner: String) throws(StoreError) -> Int {
        try write { db in
            try db.execute(
                sql: "UPDATE drop_folder_claim SET owner = ? WHERE owner = ?", arguments: [owner, previous])
            return db.changesCount
        }
    }

    /// Every claim held, by any watcher.
    public func claims() throws(StoreError) -> [DropFolderClaim] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT path, content_hash, owner FROM drop_folder_claim ORDER BY path").map {
                DropFolderClaim(path: $0["path"], contentHash: $0["content_hash"], owner: $0["owner"])
            }
        }
    }

    /// Ends the claim on `path`: the file has left `processing/`.
    public func releaseClaim(path: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM drop_folder_claim WHERE path = ?", arguments: [path]) }
    }

    /// The contract accounts of the source documents imported from `file` (empty if none were).
    public func accounts(importedFrom file: String) throws(StoreError) -> Set<String> {
        try read { db in
            Set(
                try String.fetchAll(
                    db, sql: "SELECT DISTINCT account FROM source_document WHERE source_file = ?", arguments: [file]))
        }
    }

    /// Whether any source document was imported from `file`: its import committed.
    public func hasDocuments(importedFrom file: String) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM source_document WHERE source_file = ?)", arguments: [file])
                ?? false
        }
    }

    /// How many invoicing orders are open, for the given accounts or for all.
    public func openOrderCount(accounts: Set<String>? = nil) throws(StoreError) -> Int {
        try read { db in
            guard let accounts else {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoicing_order WHERE status = 'open'") ?? 0
            }
            guard !accounts.isEmpty else { return 0 }
            let marks = Array(repeating: "?", count: accounts.count).joined(separator: ",")
            return try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM invoicing_order WHERE status = 'open' AND account IN (\(marks))",
                arguments: StatementArguments(accounts.sorted())) ?? 0
        }
    }

    /// Marks that `owner` starts invoicing: runs begun after this mark and left unfinished are its
    /// to complete after a crash. Callers serialize invoicing (one watcher at a time).
    public func beginDropFolderInvoicing(owner: String) throws(StoreError) {
        try write { db in
            let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM run") ?? 0
            try db.execute(
                sql: "INSERT OR REPLACE INTO drop_folder_invoicing (id, owner, after_run) VALUES (1, ?, ?)",
                arguments: [owner, last])
        }
    }

    /// Clears the mark of `beginDropFolderInvoicing`: every run since is finished.
    public func endDropFolderInvoicing() throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM drop_folder_invoicing") }
    }

    /// Runs a watcher began and did not finish (it crashed between numbering and publishing).
    public func unfinishedDropFolderRuns() throws(StoreError) -> [String] {
        try read { db in
            guard let after = try Int64.fetchOne(db, sql: "SELECT after_run FROM drop_folder_invoicing") else {
                return []
            }
            return try Int64.fetchAll(
                db, sql: "SELECT id FROM run WHERE id > ? AND status = 'running' ORDER BY id", arguments: [after]
            ).map(Self.runID)
        }
    }

    /// The parameters a run was started with, as stored (JSON).
    public func runParametersJSON(_ runID: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT parameters FROM run WHERE id = ?", arguments: [Self.runKey(runID)])
        }
    }

    /// The invoices a run stored, by number.
    public func invoices(ofRun runID: String) throws(StoreError) -> [Invoice] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT payload FROM invoice WHERE run_id = ? ORDER BY number",
                arguments: [Self.runKey(runID)]
            ).map { text throws in try Self.decode(Invoice.self, text) }
        }
    }

    /// The FI document that posts `invoice`, as stored.
    public func posting(of invoice: Invoice) throws(StoreError) -> FIDocument? {
        let stored: StoredPosting? = try read { db in
            guard
                let head = try Row.fetchOne(
                    db, sql: "SELECT * FROM fi_document WHERE number = ?", arguments: [invoice.postingNumber])
            else { return nil }
            let lines = try Row.fetchAll(
                db, sql: "SELECT * FROM fi_line WHERE document_number = ? ORDER BY line",
                arguments: [invoice.postingNumber]
            ).map { row in
                StoredPosting.Line(
                    number: row["line"], glAccount: row["gl_account"], side: row["side"],
                    amount: Money(minorUnits: row["amount_minor"], currency: invoice.currency),
                    accountKey: row["account_key"], taxCode: row["tax_code"], contractAccount: row["contract_account"],
                    text: row["text"])
            }
            return StoredPosting(
                number: head["number"], companyCode: head["company_code"], postingDate: invoice.invoiceDate,
                documentDate: invoice.invoiceDate, reference: head["reference"], currency: invoice.currency,
                held: head["held"], lines: lines)
        }
        guard let stored else { return nil }
        // FIDocument has no public memberwise initializer; its Codable form is its stable face.
        do {
            return try Self.decode(FIDocument.self, try Self.encode(stored))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.corrupt, "cannot read FI document \(invoice.postingNumber): \(error)")
        }
    }
}

/// An FI document as its rows hold it, in the shape of `FIDocument`'s Codable form.
private struct StoredPosting: Encodable {
    struct Line: Encodable {
        var number: Int
        var glAccount: String
        var side: String
        var amount: Money
        var accountKey: String?
        var taxCode: String?
        var contractAccount: String?
        var text: String
    }

    var number: String
    var companyCode: String
    var postingDate: CalendarDate
    var documentDate: CalendarDate
    var reference: String
    var currency: Currency
    var held: Bool
    var lines: [Line]
}
