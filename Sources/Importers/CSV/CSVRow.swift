/// One record of a CSV file with the position of each field.
public struct CSVRow: Sendable, Hashable {
    /// 1-based physical line where the record starts.
    public let line: Int
    /// The field values, unquoted and decoded, in header order.
    public let fields: [String]
    /// 1-based column where each field starts, in Unicode scalars of the decoded line.
    public let columns: [Int]
    /// Physical line of each field; empty when every field starts on `line`, which
    /// saves an array per record in the common case.
    let fieldLines: [Int]

    /// Creates a row whose fields all start on `line` (for tests and adapters).
    public init(line: Int, fields: [String], columns: [Int]) {
        precondition(fields.count == columns.count, "one column per field")
        self.init(line: line, fields: fields, columns: columns, fieldLines: [])
    }

    init(line: Int, fields: [String], columns: [Int], fieldLines: [Int]) {
        self.line = line
        self.fields = fields
        self.columns = columns
        self.fieldLines = fieldLines
    }

    /// The field at `index`, in header order.
    public subscript(index: Int) -> String { fields[index] }

    /// The number of fields.
    public var count: Int { fields.count }

    /// The 1-based physical line where field `index` starts, which differs from `line`
    /// only after a quoted field containing a line break.
    public func line(ofField index: Int) -> Int {
        fieldLines.isEmpty ? line : fieldLines[index]
    }
}
