/// One record of a CSV file with the position of each field.
public struct CSVRow: Sendable, Hashable {
    /// 1-based physical line where the record starts.
    public let line: Int
    /// Each field's value with the line and column where it starts, in header order. Kept as the
    /// fields of a `FieldRecord` are, so a canonical importer takes the row's array as it is
    /// rather than building one more per row.
    let cells: [FieldRecord.Field]

    /// Creates a row whose fields all start on `line` (for tests and adapters).
    public init(line: Int, fields: [String], columns: [Int]) {
        precondition(fields.count == columns.count, "one column per field")
        self.init(
            line: line,
            cells: zip(fields, columns).map { FieldRecord.Field(value: $0, line: line, column: $1) })
    }

    init(line: Int, cells: [FieldRecord.Field]) {
        self.line = line
        self.cells = cells
    }

    /// The field values, unquoted and decoded, in header order.
    public var fields: [String] { cells.map(\.value) }

    /// 1-based column where each field starts, in Unicode scalars of the decoded line.
    public var columns: [Int] { cells.map(\.column) }

    /// The field at `index`, in header order.
    public subscript(index: Int) -> String { cells[index].value }

    /// The number of fields.
    public var count: Int { cells.count }

    /// The 1-based physical line where field `index` starts, which differs from `line`
    /// only after a quoted field containing a line break.
    public func line(ofField index: Int) -> Int { cells[index].line }

    /// The 1-based column where field `index` starts.
    public func column(ofField index: Int) -> Int { cells[index].column }
}
