internal import GRDB

extension InvoiceStore {
    /// The name a file of this content was first imported under, if one was.
    public func processedFile(sha256: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT name FROM processed_file WHERE content_hash = ?", arguments: [sha256])
        }
    }

    /// Records files as processed, so the same content dropped again is recognised and skipped.
    public func recordProcessedFiles(_ files: [(sha256: String, name: String, outcome: String)]) throws(StoreError) {
        try write { db in
            let insert = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO processed_file (content_hash, name, outcome) VALUES (?, ?, ?)")
            for file in files { try insert.execute(arguments: [file.sha256, file.name, file.outcome]) }
        }
    }
}
