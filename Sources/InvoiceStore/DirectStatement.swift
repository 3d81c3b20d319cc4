internal import GRDB
internal import GRDBSQLite

/// A cached statement run with its values bound straight through SQLite's C API.
///
/// A run stores about 25 rows per invoice (the invoice, its items, its FI document and lines),
/// and GRDB's `execute(arguments:)` boxes each value as a `DatabaseValueConvertible` existential
/// and casts it back, about 14,000 instructions a row besides SQLite's own work: a tenth of the
/// committing thread. An import stores a document, its order and each contract account the same
/// way. The values are bound as GRDB binds them (texts as UTF-8 text up to a first NUL, integers
/// and booleans as integers, nil as NULL), so the rows are the same.
struct DirectStatement {
    private let statement: OpaquePointer
    private let connection: OpaquePointer?

    /// The statement `sql`, prepared once per connection (GRDB's statement cache).
    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql).sqliteStatement
        connection = db.sqliteConnection
    }

    /// Runs the statement once with the values `bind` binds, in the order of its parameters;
    /// bytes lent to it (`Bindings.text(borrowing:)`) need only outlive this call.
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

    /// How many rows the last statement run on the connection changed.
    var changes: Int32 { sqlite3_changes(connection) }

    /// The values of one execution, bound to the parameters in order.
    struct Bindings {
        fileprivate let statement: OpaquePointer
        private var index: Int32 = 1

        fileprivate init(statement: OpaquePointer) {
            self.statement = statement
        }

        /// SQLite copies the text at once (`SQLITE_TRANSIENT`): the `String` may go after.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        /// Binds a text, or NULL for nil, up to its first NUL as GRDB binds a `String`.
        mutating func text(_ value: String?) {
            if let value {
                value.withCString { _ = sqlite3_bind_text(statement, index, $0, -1, Self.transient) }
            } else {
                sqlite3_bind_null(statement, index)
            }
            index += 1
        }

        /// Binds UTF-8 `bytes` as a text of their length, without copying them: they must stay
        /// where they are until the statement has run (`execute` clears its bindings after).
        mutating func text(borrowing bytes: UnsafeBufferPointer<UInt8>) {
            // An empty text is a text, not NULL: it needs a pointer of its own.
            if let text = UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self) {
                sqlite3_bind_text(statement, index, text, Int32(bytes.count), nil)
            } else {
                sqlite3_bind_text(statement, index, "", 0, nil)
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
