internal import Foundation
internal import GRDB
internal import InvoicingCore

/// The embedded SQLite store: master data, invoicing orders, invoices, FI documents, number
/// ranges, runs and the processed-file ledger.
public final class InvoiceStore: Sendable {
    let queue: DatabaseQueue

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        // WAL: one fsync per commit instead of the rollback journal's several. synchronous stays
        // FULL: a committed invoice must survive a power cut, or its number could be used twice.
        configuration.journalMode = .wal
        // temp_store MEMORY: a run commits each unit in a savepoint of its window's transaction,
        // and SQLite journals the pages a savepoint changes in a temporary file unless this is
        // set. On disk that journal cost a write of every touched page per unit (850 MB for
        // 10,000 invoices); in memory it is truncated when the unit's savepoint is released.
        // wal_autocheckpoint 16,384 pages (64 MiB) rather than 1,000: a checkpoint copies every
        // page changed since the last into the database and syncs both files, and a run commits
        // the same index pages window after window; checkpointing sixteen times less often cut
        // a 10,000-invoice run's syncs from 82 to 7 and its page writes by 5,000. The WAL stays
        // bounded (it restarts after each checkpoint); durability is the same, each commit syncs.
        configuration.prepareDatabase { db in
            try db.execute(
                sql: "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 16384")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw StoreError(.cannotOpen, "cannot open store \(path): \(Self.describe(error))")
        }
    }

    /// A store that lives in memory only, for tests and simulations.
    public init() throws(StoreError) {
        do {
            queue = try DatabaseQueue()
            try Self.migrator.migrate(queue)
        } catch {
            throw StoreError(.cannotOpen, "cannot create in-memory store: \(Self.describe(error))")
        }
    }

    /// Runs `body` in one write transaction, turning database errors into store errors.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, Self.describe(error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    // JSON for payload columns: sorted keys so the same value always gives the same text.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// JSON of an invoice, whose objects are all structs (no dictionaries): their members come
    /// in declaration order, as deterministic as sorted keys, and sorting every object's keys
    /// was a tenth of a run's store time. Written by hand (`Invoice.storeJSON`) in exactly the
    /// bytes `StreamingJSONEncoder` gives through `Codable`, which cost about 0.67 M
    /// instructions an invoice on the run's committing thread; tests hold the two together.
    static func encodeInDeclarationOrder(_ invoice: Invoice) -> String {
        invoice.storeJSONText
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "cannot read stored \(T.self): \(error)")
        }
    }
}

extension InvoiceStore {
    /// A copy of this store in memory: changes to it never reach the file (simulations).
    public func inMemoryCopy() throws(StoreError) -> InvoiceStore {
        let copy = try InvoiceStore()
        do {
            try queue.backup(to: copy.queue)
        } catch {
            throw StoreError(.database, "cannot copy the store: \(Self.describe(error))")
        }
        return copy
    }
}
