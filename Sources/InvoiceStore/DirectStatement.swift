internal import GRDB
internal import GRDBSQLite

/// A cached statement run with its values bound straight through SQLite's C API.
///
/// A run stores about 25 rows per invoice (the invoice, its items, its FI document and lines),
/// and GRDB's `execute(arguments:)` boxes each value as a `DatabaseValueConvertible` existential
/// and casts it back, about 14,000 instructions a row besides SQLite's own work: a tenth of the
/// committing thread. The values are bound as GRDB binds them (texts as UTF-8 text, integers and
/// booleans as integers, nil as NULL), so the rows are the same.
struct DirectStatement {
    private let statement: OpaquePointer
    private let connection: OpaquePointer?

    /// The statement `sql`, prepared once per connection (GRDB's statement cache).
    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql).sqliteStatement
        connection = db.sqliteConnection
    }

    /// Runs the statement once with the values `bind` binds, in the order of its parameters.
    func execute(_ bind: (inout Bindings) -> Void) throws {
        var bindings = Bindings(statement: statement)
        sqlite3_reset(statement)
        bind(&bindings)
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// The values of one execution, bound to the parameters in order.
    struct Bindings {
        fileprivate let statement: OpaquePointer
        private var index: Int32 = 1

        fileprivate init(statement: OpaquePointer) {
            self.statement = statement
        }

        /// SQLite copies the text at once (`SQLITE_TRANSIENT`): the `String` may go after.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        /// Binds a text, or NULL for nil.
        mutating func text(_ value: String?) {
            if var value {
                value.withUTF8 { bytes in
                    // An empty text is a text, not NULL: it needs a pointer of its own.
                    guard let base = bytes.baseAddress, !bytes.isEmpty else {
                        _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
                        return
                    }
                    _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
                    }
                }
            } else {
                sqlite3_bind_null(statement, index)
            }
            index += 1
        }

        /// Binds an integer, or NULL for nil.
        mutating func integer(_ value: Int64?) {
            if let value {
                sqlite3_bind_int64(statement, index, value)
            } else {
                sqlite3_bind_null(statement, index)
            }
            index += 1
        }

        /// Binds an integer.
        mutating func integer(_ value: Int) {
            integer(Int64(value))
        }

        /// Binds a boolean as 1 or 0, as GRDB does.
        mutating func bool(_ value: Bool) {
            integer(value ? 1 : 0)
        }
    }
}
